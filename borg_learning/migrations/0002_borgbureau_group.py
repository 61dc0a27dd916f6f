"""The editors' group (``BORG_LEARNING['EDITOR_GROUP']``, "Borgbureau" on De Borg's site):
editors who manage the whole learning environment. None: no group is made."""

from django.db import migrations

from borg_learning.conf import learning_settings
from borg_learning.group_permissions import editor_group, ensure_permissions

MODEL_PERMISSIONS = {
    "borg_learning": ["theme", "developmentgroup", "provider", "offering"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
    ("wagtailmedia", "media", ["add", "change"]),
]


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    name = learning_settings.EDITOR_GROUP
    if name is None:
        return
    # wagtailadmin's ``access_admin`` comes from its migration 0001, a dependency; its app
    # has no models in the migration state at this point, so it is not listed here.
    for label in ("borg_learning", "wagtailimages", "wagtaildocs", "wagtailmedia"):
        ensure_permissions(apps, label)

    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"))
    for app_label, models in MODEL_PERMISSIONS.items():
        for model in models:
            group.permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model))
    root = Collection.objects.filter(depth=1).first()
    if root is None:
        return
    for app_label, model, actions in COLLECTION_PERMISSIONS:
        for action in actions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=f"{action}_{model}").first()
            if permission:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission)


def remove_group(apps, schema_editor):
    group = editor_group(apps)
    if group is not None:
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("borg_learning", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
        # After the choose permissions exist, so the group gets them per collection
        # here, and not also as a model permission from those migrations.
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailmedia", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
