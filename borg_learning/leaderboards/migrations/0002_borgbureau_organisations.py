"""The Borgbureau group makes and edits the organisations of the leaderboards."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_leaderboards", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [
        grant_to_editors(
            "borg_learning_leaderboards",
            ["add_organisation", "change_organisation", "delete_organisation", "view_organisation"],
        )
    ]
