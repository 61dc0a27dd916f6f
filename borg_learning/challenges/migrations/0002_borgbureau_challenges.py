"""The Borgbureau group makes and edits the challenges, as it does the themes."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_challenges", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [
        grant_to_editors(
            "borg_learning_challenges",
            ["add_challenge", "change_challenge", "delete_challenge", "view_challenge"],
        )
    ]
