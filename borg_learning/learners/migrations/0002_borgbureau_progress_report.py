"""The Borgbureau group reads the report "Progress", as it reads the other reports.

The report is gated on the view permission of completions; nobody edits those in the
admin, so the group gets only "view".
"""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_learners", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [grant_to_editors("borg_learning_learners", ["view_completion"])]
