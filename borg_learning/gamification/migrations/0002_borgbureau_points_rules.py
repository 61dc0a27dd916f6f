"""The Borgbureau group edits the points rules (Settings > Points rules)."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_gamification", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [grant_to_editors("borg_learning_gamification", ["change_pointsrules"])]
