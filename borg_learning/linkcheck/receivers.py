"""The rows of the checked links follow the catalogue: a new or changed link is "not
checked yet", a link taken out has no row (a deleted chapter or offer takes its rows
along through the foreign keys)."""

from django.db.models.signals import post_save

from borg_learning.linkcheck import links
from borg_learning.models import Offering, OfferingChapter


def offering_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        links.sync_offering_link(instance)


def chapter_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        links.sync_chapter_link(instance)


def connect():
    post_save.connect(offering_saved, sender=Offering, dispatch_uid="linkcheck_offering")
    post_save.connect(chapter_saved, sender=OfferingChapter, dispatch_uid="linkcheck_chapter")
