"""Migration operations that give the editors' group (``BORG_LEARNING['EDITOR_GROUP']``,
"Borgbureau" on De Borg's site) the permissions of an app.

A sub-app's admin screen (a report, a listing) is gated on a model permission; its data
migration gives the group that permission, so the editors who read the other reports
read this one too. Used from migrations, so it only uses the historical models
``apps`` hands it; the group's name is read when the migration runs.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

from borg_learning.conf import learning_settings


def editor_group(apps):
    """The editors' group in the historical models, or None (no such group, or the
    setting is None)."""
    name = learning_settings.EDITOR_GROUP
    if name is None:
        return None
    return apps.get_model("auth", "Group").objects.filter(name=name).first()


def ensure_permissions(apps, label: str) -> None:
    """Permissions are normally made after migrating; a migration that grants them needs
    them now."""
    app_config = apps.get_app_config(label)
    app_config.models_module = True
    create_contenttypes(app_config, verbosity=0, apps=apps)
    create_permissions(app_config, verbosity=0, apps=apps)


def grant_to_editors(label: str, codenames: list[str]) -> migrations.RunPython:
    """Give the editors' group the permissions ``codenames`` of the app ``label`` (none
    when there is no group); reversed, take them away."""

    def permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(content_type__app_label=label, codename__in=codenames)

    def grant(apps, schema_editor):
        group = editor_group(apps)
        if group is None:
            return
        ensure_permissions(apps, label)
        group.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        group = editor_group(apps)
        if group is not None:
            group.permissions.remove(*permissions(apps))

    return migrations.RunPython(grant, revoke)
