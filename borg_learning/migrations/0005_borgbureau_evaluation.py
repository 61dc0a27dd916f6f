"""The Borgbureau group edits questionnaires and reads the evaluation and visit reports.

The reports are gated on the view permissions of responses and daily visit counts;
nobody edits those in the admin, so the group gets only "view" on them.
"""

from importlib import import_module

from django.db import migrations

group_migration = import_module("borg_learning.migrations.0002_borgbureau_group")

GRANTS = {
    "questionnaire": ["add", "change", "delete", "view"],
    "response": ["view"],
    "pagevisitday": ["view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_migration.GROUP).first()
    if group is None:
        return
    group_migration.ensure_permissions(apps)
    for model, actions in GRANTS.items():
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="borg_learning",
            codename__in=[f"{action}_{model}" for action in actions]))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=group_migration.GROUP).first()
    if group is not None:
        group.permissions.remove(*Permission.objects.filter(
            content_type__app_label="borg_learning",
            codename__in=[f"{action}_{model}" for model, actions in GRANTS.items()
                          for action in actions]))


class Migration(migrations.Migration):
    dependencies = [("borg_learning", "0004_evaluation_and_visits")]

    operations = [migrations.RunPython(grant, revoke)]
