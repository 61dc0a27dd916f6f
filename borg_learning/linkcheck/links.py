"""The catalogue's links as rows of ``CheckedLink``: one for each offer's own link, one
for each chapter with a link. An offer's row follows the offer and a chapter's row its
chapter (``receivers.py``); ``sync_all`` puts every row right before a check runs."""

from django.db import transaction

from borg_learning.linkcheck.models import CheckedLink, LinkState
from borg_learning.models import Offering

#: What a changed link forgets of the old one's check.
FRESH = {
    "state": LinkState.UNCHECKED,
    "status_code": None,
    "final_url": "",
    "redirects": [],
    "problem": "",
    "detail": "",
    "method": "",
    "checked_at": None,
    "hand_checked_at": None,
    "hand_checked_by": None,
}


def _sync(offering, chapter, url, existing):
    """Make the row of ``offering``'s link (``chapter`` None) or of a chapter's link say
    ``url``; no row for an empty link. ``existing`` is the row, if there is one."""
    if not url:
        if existing is not None:
            existing.delete()
        return None
    if existing is None:
        return CheckedLink.objects.create(offering=offering, chapter=chapter, url=url)
    if existing.url != url:
        for name, value in {"url": url, **FRESH}.items():
            setattr(existing, name, value)
        existing.save()
    return existing


def sync_offering_link(offering):
    existing = CheckedLink.objects.filter(offering=offering, chapter__isnull=True).first()
    return _sync(offering, None, offering.url, existing)


def sync_chapter_link(chapter):
    existing = CheckedLink.objects.filter(chapter=chapter).first()
    return _sync(chapter.offering, chapter, chapter.url, existing)


@transaction.atomic
def sync_all():
    """Every offer's rows as the catalogue says, in three queries and the writes."""
    rows = {(row.offering_id, row.chapter_id): row for row in CheckedLink.objects.all()}
    for offering in Offering.objects.prefetch_related("chapters"):
        wanted = [(None, offering.url), *((c, c.url) for c in offering.chapters.all())]
        for chapter, url in wanted:
            key = (offering.pk, chapter.pk if chapter else None)
            _sync(offering, chapter, url, rows.get(key))


def record(link: CheckedLink, answer, when) -> CheckedLink:
    """Store what the check found for ``link``. A mark "checked by hand" stays only while
    the check finds what the editor saw (the same state, status and final address)."""
    found = (answer.state, answer.status_code, answer.final_url)
    if link.hand_checked_at and found != (link.state, link.status_code, link.final_url):
        link.hand_checked_at = link.hand_checked_by = None
    link.state, link.status_code, link.final_url = found
    link.redirects, link.method = answer.redirects, answer.method
    link.problem, link.detail = answer.problem, answer.detail
    link.checked_at = when
    link.save()
    return link
