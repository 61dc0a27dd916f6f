"""Awarding points once, a learner's total and level.

``award()`` is the only way points are paid: one row per learner, rule and subject (a
unique constraint), written in a savepoint, so a repeated event (a re-answer, a toggled
completion, twenty requests at once) pays once. The row keeps the points the rule paid
then; editing the rules changes only what is paid from then on.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.gamification import conf  # noqa: F401  (settings)
from borg_learning.gamification.models import PointsAward, PointsRules, Rule
from borg_learning.learners.models import Learner


def page_subject(page_id) -> str:
    return f"page:{page_id}"


def route_subject(route_id) -> str:
    return f"route:{route_id}"


def exercise_subject(page_id, block_id, date: datetime.date) -> str:
    """A review recalled pays once per exercise per day."""
    return f"exercise:{page_id}/{block_id}:{date.isoformat()}"


def streak_subject(days: int) -> str:
    return f"streak:{days}"


def subject_reference(subject: str) -> tuple[str, int] | None:
    """``("page", id)`` or ``("route", id)`` for a subject with a title to show."""
    kind, _sep, rest = subject.partition(":")
    if kind == "exercise":
        kind, rest = "page", rest.partition("/")[0]
    if kind in ("page", "route") and rest.isdigit():
        return kind, int(rest)
    return None


def award(
    learner: Learner,
    rule: Rule,
    subject: str,
    awarded_at: datetime.datetime | None = None,
    rules: PointsRules | None = None,
) -> PointsAward | None:
    """Pay ``rule``'s points for ``subject`` unless it was paid before (or pays 0); the
    new award, or None."""
    points = (rules or PointsRules.current()).points_for(rule)
    if not points:
        return None
    try:
        with transaction.atomic():
            return PointsAward.objects.create(
                learner=learner,
                rule=rule,
                subject=subject,
                points=points,
                awarded_at=awarded_at or timezone.now(),
            )
    except IntegrityError:  # paid before (or the learner was deleted meanwhile)
        return None


def total(learner: Learner | None) -> int:
    if learner is None:
        return 0
    return PointsAward.objects.filter(learner=learner).aggregate(total=Sum("points"))["total"] or 0


@dataclass(frozen=True)
class Level:
    """A step of ``GAMIFICATION_LEVELS``: its number (from 1), name and points range."""

    number: int
    name: str
    points_from: int
    points_to: int | None  # the next level's points from; None for the top level


def levels() -> list[Level]:
    steps = [(int(points), str(name)) for points, name in learning_settings.GAMIFICATION_LEVELS]
    return [
        Level(number, name, points, steps[number][0] if number < len(steps) else None)
        for number, (points, name) in enumerate(steps, start=1)
    ]


def level_of(points: int) -> Level:
    """The highest level whose points from ``points`` reaches."""
    return [level for level in levels() if points >= level.points_from][-1]
