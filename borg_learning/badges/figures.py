"""Badges awarded per badge in a period, for a report."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from borg_learning.badges.models import Badge


@dataclass(frozen=True)
class BadgeFigure:
    badge: Badge
    awarded: int


def awarded_per_badge(
    start: datetime.datetime | None = None, end: datetime.datetime | None = None
) -> list[BadgeFigure]:
    """Every badge (active or not) with the awards made from ``start`` up to, not
    including, ``end`` (either open), by name; one query."""
    period = Q()
    if start is not None:
        period &= Q(awards__awarded_at__gte=start)
    if end is not None:
        period &= Q(awards__awarded_at__lt=end)
    badges = Badge.objects.annotate(awarded=Count("awards", filter=period)).order_by("name", "pk")
    return [BadgeFigure(badge, badge.awarded) for badge in badges]
