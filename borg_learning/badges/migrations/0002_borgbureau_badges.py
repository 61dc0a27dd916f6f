"""The Borgbureau group makes and edits badges, as it does the other snippets of the
learning environment."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_badges", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [
        grant_to_editors(
            "borg_learning_badges", ["add_badge", "change_badge", "delete_badge", "view_badge"]
        )
    ]
