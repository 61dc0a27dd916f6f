"""The Borgbureau group reads the admin screen "Certificates", as it reads the reports.

The screen is gated on the view permission of certificates; nobody changes those in the
admin, so the group gets only "view".
"""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_certificates", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [grant_to_editors("borg_learning_certificates", ["view_certificate"])]
