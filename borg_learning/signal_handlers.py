"""Keep derived data right when pages change."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtailmedia.models import get_media_model

from borg_learning.conf import learning_settings
from borg_learning.content.media_duration import fill_in_duration
from borg_learning.models import LearningEnvironmentPage, ModulePartPage, SpecialistModulePage

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def grant_editors_the_environment(sender, instance, created, raw=False, **kwargs):
    """A new learning environment is the editors' group's (``EDITOR_GROUP``) to edit,
    publish and grow."""
    if not created or raw or learning_settings.EDITOR_GROUP is None:
        return
    group = Group.objects.filter(name=learning_settings.EDITOR_GROUP).first()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=EDITOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=instance, permission=permission)


def refresh_estimate_of(page):
    """A specialist module takes as long as its live parts together."""
    module = page.specific if page else None
    if isinstance(module, SpecialistModulePage):
        SpecialistModulePage.objects.filter(pk=module.pk).update(
            estimated_duration_seconds=module.estimate_duration().total_seconds
        )


def refresh_module_estimate(sender, instance, **kwargs):
    refresh_estimate_of(instance.get_parent() if instance.pk and instance.path else None)


def refresh_module_estimate_after_delete(sender, instance, **kwargs):
    refresh_estimate_of(
        SpecialistModulePage.objects.filter(path=instance.path[: -instance.steplen]).first()
    )


def refresh_module_estimates_after_move(
    sender, instance, parent_page_before, parent_page_after, **kwargs
):
    """A part moved to another module takes its time with it."""
    refresh_estimate_of(parent_page_before)
    refresh_estimate_of(parent_page_after)


def connect():
    pre_save.connect(fill_in_duration, sender=get_media_model())
    post_save.connect(grant_editors_the_environment, sender=LearningEnvironmentPage)
    page_published.connect(refresh_module_estimate, sender=ModulePartPage)
    page_unpublished.connect(refresh_module_estimate, sender=ModulePartPage)
    post_delete.connect(refresh_module_estimate_after_delete, sender=ModulePartPage)
    post_page_move.connect(refresh_module_estimates_after_move, sender=ModulePartPage)
