"""Points per week, for a report (no names: sums over all learners, or those given)."""

import datetime

from django.db.models import QuerySet, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from borg_learning.gamification.models import PointsAward


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def points_per_week(
    start: datetime.date, end: datetime.date, learners: QuerySet | None = None
) -> list[tuple[datetime.date, int]]:
    """``(Monday, points)`` for each week from ``start``'s to ``end``'s (local dates,
    both included), awards of ``learners`` (a queryset of learners) or of all; weeks
    without points are 0. One query."""
    first = week_start(start)
    awards = PointsAward.objects.filter(awarded_at__date__gte=start, awarded_at__date__lte=end)
    if learners is not None:
        awards = awards.filter(learner__in=learners)
    sums = {
        (week.date() if isinstance(week, datetime.datetime) else week): total
        for week, total in awards.annotate(
            week=TruncWeek("awarded_at", tzinfo=timezone.get_current_timezone())
        )
        .values("week")
        .annotate(total=Sum("points"))
        .values_list("week", "total")
    }
    weeks = []
    monday = first
    while monday <= end:
        weeks.append((monday, sums.get(monday, 0)))
        monday += datetime.timedelta(days=7)
    return weeks
