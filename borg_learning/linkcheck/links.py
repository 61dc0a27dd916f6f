"""The catalogue's links as rows of ``CheckedLink``: one for each offer's own link, one
for each chapter with a link. An offer's row follows the offer and a chapter's row its
chapter (``receivers.py``); ``sync_all`` puts every row right before a check runs."""

from django.db import transaction
from django.db.models import Case, F, Q, When

from borg_learning.linkcheck.models import CheckedLink, LinkState
from borg_learning.models import Offering

#: A tracking redirect may end on an address longer than the column holds.
FINAL_URL_LENGTH = CheckedLink._meta.get_field("final_url").max_length

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


def record(link: CheckedLink, answer, when) -> bool:
    """Store what the check found for ``link``, if its row still holds the address that
    was checked; False when an editor changed the link meanwhile.

    Only the result is written, in one update: the check runs for minutes after the
    rows were read, and what an editor changed since stays. A mark "checked by hand"
    stays only while the check finds what the editor saw (the same state, status and
    final address), as the stored row says at the moment of writing.
    """
    found = {
        "state": answer.state,
        "status_code": answer.status_code,
        "final_url": answer.final_url[:FINAL_URL_LENGTH],
    }
    as_seen = Q(**found)
    stored = CheckedLink.objects.filter(pk=link.pk, url=answer.url).update(
        # First: a database that sets columns left to right compares the old result.
        hand_checked_at=Case(When(as_seen, then=F("hand_checked_at")), default=None),
        hand_checked_by=Case(When(as_seen, then=F("hand_checked_by")), default=None),
        **found,
        redirects=answer.redirects,
        method=answer.method,
        problem=answer.problem,
        detail=answer.detail,
        checked_at=when,
    )
    if stored:
        link.redirects, link.method, link.checked_at = answer.redirects, answer.method, when
        link.problem, link.detail = answer.problem, answer.detail
        for name, value in found.items():
            setattr(link, name, value)
    return bool(stored)
