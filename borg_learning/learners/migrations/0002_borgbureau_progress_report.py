"""The Borgbureau group reads the report "Progress", as it reads the other reports.

The report is gated on the view permission of completions; nobody edits those in the
admin, so the group gets only "view".
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP = "Borgbureau"
LABEL = "borg_learning_learners"
CODENAMES = ["view_completion"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    # Permissions are normally made after migrating; this migration needs them now.
    app_config = apps.get_app_config(LABEL)
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label=LABEL, codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label=LABEL, codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning_learners", "0001_initial"),
        ("borg_learning", "0002_borgbureau_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
