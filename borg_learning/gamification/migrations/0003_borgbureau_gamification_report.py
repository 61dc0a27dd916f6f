"""The Borgbureau group reads the report "Points, badges and review", as it reads the others.

The report is gated on the view permission of points awards; nobody changes those in the
admin, so the group gets only "view".
"""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [("borg_learning_gamification", "0002_borgbureau_points_rules")]

    operations = [grant_to_editors("borg_learning_gamification", ["view_pointsaward"])]
