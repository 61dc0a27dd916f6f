"""A migration operation that gives the Borgbureau group permissions of a sub-app.

A sub-app's admin screen (a report, a listing) is gated on a model permission; its data
migration gives the group that permission, so the editors who read the other reports
read this one too. Used from migrations, so it only uses the historical models
``apps`` hands it.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

GROUP = "Borgbureau"


def grant_to_borgbureau(label: str, codenames: list[str]) -> migrations.RunPython:
    """Give the group the permissions ``codenames`` of the app ``label`` (none when the
    group does not exist); reversed, take them away."""

    def permissions(apps):
        Permission = apps.get_model("auth", "Permission")
        return Permission.objects.filter(content_type__app_label=label, codename__in=codenames)

    def grant(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
        if group is None:
            return
        # Permissions are normally made after migrating; this migration needs them now.
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        group.permissions.add(*permissions(apps))

    def revoke(apps, schema_editor):
        group = apps.get_model("auth", "Group").objects.filter(name=GROUP).first()
        if group is not None:
            group.permissions.remove(*permissions(apps))

    return migrations.RunPython(grant, revoke)
