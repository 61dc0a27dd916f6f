"""The Borgbureau group edits the podcast's name, cover and maker, as it does the points."""

from django.db import migrations

from borg_learning.group_permissions import grant_to_editors


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_podcasts", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [grant_to_editors("borg_learning_podcasts", ["change_podcastsettings"])]
