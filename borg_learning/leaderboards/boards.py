"""This week's board around a member, and the organisations' totals.

Points are the ledger's awards of the week (Monday to Sunday, the server's local dates)
of the members on the board; nobody who did not join is counted. A board shows only with
``LEADERBOARD_MINIMUM_SIZE`` members, and then only the member and their neighbours
(``LEADERBOARD_NEIGHBOURS`` above and below), by points and, on a tie, by pseudonym. An
organisation's total counts only with as many members, and names nobody.
"""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.leaderboards import conf  # noqa: F401  (settings)
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation


class Scope(StrEnum):
    """Which members a board holds."""

    OVERALL = "overall"
    ORGANISATION = "organisation"


@dataclass(frozen=True)
class Week:
    starts_on: datetime.date  # a Monday
    ends_on: datetime.date  # the Sunday after

    @classmethod
    def of(cls, day: datetime.date) -> "Week":
        monday = day - datetime.timedelta(days=day.weekday())
        return cls(monday, monday + datetime.timedelta(days=6))

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """From Monday's midnight to the next Monday's, local time."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.starts_on, datetime.time(), tzinfo=zone)
        end = datetime.datetime.combine(
            self.ends_on + datetime.timedelta(days=1), datetime.time(), tzinfo=zone
        )
        return start, end


@dataclass(frozen=True)
class Entry:
    rank: int
    pseudonym: str
    points: int
    is_you: bool


@dataclass(frozen=True)
class Board:
    scope: Scope
    week: Week
    size: int
    minimum_size: int
    you: Entry | None = None
    neighbours: list[Entry] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.size >= self.minimum_size


def week_points(path: str, week: Week) -> Coalesce:
    """The sum of the awards of ``week`` reached by ``path`` (to ``PointsAward``)."""
    start, end = week.bounds()
    in_week = Q(**{f"{path}__awarded_at__gte": start, f"{path}__awarded_at__lt": end})
    return Coalesce(Sum(f"{path}__points", filter=in_week), 0)


def members_of(membership: LeaderboardMembership, scope: Scope) -> QuerySet:
    members = LeaderboardMembership.objects.all()
    if scope == Scope.ORGANISATION:
        if membership.organisation_id is None:
            return members.none()
        members = members.filter(organisation_id=membership.organisation_id)
    return members


def board_of(
    membership: LeaderboardMembership, scope: Scope, today: datetime.date | None = None
) -> Board:
    """The week's board of ``scope`` around ``membership``, in one query (none for an
    organisation board of a member without an organisation)."""
    week = Week.of(today or timezone.localdate())
    minimum = learning_settings.LEADERBOARD_MINIMUM_SIZE
    rows = sorted(
        members_of(membership, scope)
        .annotate(week_points=week_points("learner__points_awards", week))
        .values_list("pk", "pseudonym", "week_points"),
        key=lambda row: (-row[2], row[1]),
    )
    board = Board(scope, week, len(rows), minimum)
    positions = [pk for pk, _name, _points in rows]
    if not board.shown or membership.pk not in positions:
        return board
    index = positions.index(membership.pk)
    reach = learning_settings.LEADERBOARD_NEIGHBOURS
    first = max(index - reach, 0)
    entries = [
        Entry(rank, name, points, pk == membership.pk)
        for rank, (pk, name, points) in enumerate(rows[first : index + reach + 1], first + 1)
    ]
    you = entries[index - first]
    return Board(scope, week, len(rows), minimum, you, entries)


@dataclass(frozen=True)
class OrganisationTotal:
    organisation: Organisation
    members: int
    points: int

    @property
    def average(self) -> float:
        return round(self.points / self.members, 1)


def organisation_totals(week: Week) -> list[OrganisationTotal]:
    """The week's points of each organisation with at least the minimum of members, the
    highest average first (so a small team can lead); one query."""
    rows = (
        Organisation.objects.annotate(
            member_count=Count("memberships", distinct=True),
            week_points=week_points("memberships__learner__points_awards", week),
        )
        .filter(member_count__gte=learning_settings.LEADERBOARD_MINIMUM_SIZE)
        .order_by("name")
    )
    totals = [OrganisationTotal(row, row.member_count, row.week_points) for row in rows]
    return sorted(totals, key=lambda total: -total.average)
