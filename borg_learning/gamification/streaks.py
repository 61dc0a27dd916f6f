"""The daily learning streak: learning days, planned freeze days, and the streak's length.

A learning day is a local date on which the learner answered an exercise, completed a
part, module or microlesson, or answered a review. The streak is the run of consecutive
days up to today (or yesterday: today is not over) on each of which the learner learned
or planned a freeze; its length counts the learning days only, so a freeze keeps a
streak alive without adding to it. Freeze days are planned ahead (shift work, a
holiday), at most ``STREAK_FREEZES_PER_MONTH`` a calendar month, never bought.
"""

import datetime
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.gamification import conf  # noqa: F401  (settings)
from borg_learning.gamification.models import LearningDay, StreakFreeze
from borg_learning.learners import progress
from borg_learning.learners.models import Learner
from borg_learning.learners.progress import LearnerError

ONE_DAY = datetime.timedelta(days=1)


class Code(StrEnum):
    """Why planning or cancelling freeze days was refused; stable values."""

    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_LEARNER = "NO_LEARNER"
    INVALID_DATE = "INVALID_DATE"
    DATE_IN_PAST = "DATE_IN_PAST"
    TOO_MANY_FREEZES = "TOO_MANY_FREEZES"


@dataclass(frozen=True)
class Streak:
    """A learner's streak as of ``today``."""

    today: datetime.date
    days: int
    longest: int
    learned_today: bool
    frozen_days: list[datetime.date]  # every planned freeze day, in order
    freezes_left_this_month: int

    def upcoming_frozen_days(self) -> list[datetime.date]:
        return [day for day in self.frozen_days if day >= self.today]


def runs(learned: set[datetime.date], frozen: set[datetime.date], today: datetime.date):
    """The learning days of each unbroken run of learned or frozen days up to ``today``,
    oldest run first."""
    found, count, previous = [], 0, None
    for day in sorted(day for day in learned | frozen if day <= today):
        if previous is not None and day - previous > ONE_DAY:
            found.append(count)
            count = 0
        count += day in learned
        previous = day
    if previous is not None:
        found.append(count)
    return found, previous


def streak_from(
    learned: set[datetime.date], frozen: set[datetime.date], today: datetime.date
) -> Streak:
    """The streak of these days (no queries): the last run counts while it reaches today
    or yesterday."""
    counts, last = runs(learned, frozen, today)
    alive = last is not None and today - last <= ONE_DAY
    month = [day for day in frozen if (day.year, day.month) == (today.year, today.month)]
    return Streak(
        today=today,
        days=counts[-1] if alive else 0,
        longest=max(counts, default=0),
        learned_today=today in learned,
        frozen_days=sorted(frozen),
        freezes_left_this_month=max(learning_settings.STREAK_FREEZES_PER_MONTH - len(month), 0),
    )


def streak_of(learner: Learner | None, today: datetime.date | None = None) -> Streak:
    """The learner's streak, in two queries."""
    today = today or timezone.localdate()
    if learner is None:
        return streak_from(set(), set(), today)
    learned = set(LearningDay.objects.filter(learner=learner).values_list("date", flat=True))
    frozen = set(StreakFreeze.objects.filter(learner=learner).values_list("date", flat=True))
    return streak_from(learned, frozen, today)


def record_day(learner: Learner, date: datetime.date) -> bool:
    """Note that the learner learned on ``date``; True only for the one call that noted it
    first (so what follows a new learning day happens once)."""
    try:
        with transaction.atomic():
            _day, created = LearningDay.objects.get_or_create(learner=learner, date=date)
    except IntegrityError:  # the learner was deleted meanwhile
        return False
    return created


# --- Planning freeze days ------------------------------------------------------------------


def problem(code: Code, message: str) -> LearnerError:
    return LearnerError.one("dates", code, message)


def checked_dates(dates, today: datetime.date) -> list[datetime.date]:
    """The dates asked for, each once, in order; refused when there are none, one is
    before today or too far ahead."""
    if not dates:
        raise problem(Code.INVALID_DATE, "Send at least one date.")
    days = sorted(set(dates))
    past = [day for day in days if day < today]
    if past:
        raise problem(
            Code.DATE_IN_PAST,
            f"{past[0].isoformat()} is before today ({today.isoformat()}); only today and "
            "later days can be planned or cancelled.",
        )
    horizon = today + datetime.timedelta(days=learning_settings.STREAK_FREEZE_DAYS_AHEAD)
    beyond = [day for day in days if day > horizon]
    if beyond:
        raise problem(
            Code.INVALID_DATE,
            f"{beyond[0].isoformat()} is more than "
            f"{learning_settings.STREAK_FREEZE_DAYS_AHEAD} days ahead "
            "(BORG_LEARNING['STREAK_FREEZE_DAYS_AHEAD']).",
        )
    return days


def plan_freeze(request: HttpRequest, dates, references: References) -> Learner:
    """Plan freeze days (already planned ones count once); refused, with nothing stored,
    when a calendar month would have more than ``STREAK_FREEZES_PER_MONTH``."""
    today = timezone.localdate()
    days = checked_dates(dates, today)
    with progress.own_learner(request, references) as learner:
        planned = set(
            StreakFreeze.objects.filter(
                learner=learner, date__gte=days[0].replace(day=1)
            ).values_list("date", flat=True)
        )
        new = [day for day in days if day not in planned]
        per_month = Counter((day.year, day.month) for day in planned | set(new))
        maximum = learning_settings.STREAK_FREEZES_PER_MONTH
        for day in new:
            if per_month[(day.year, day.month)] > maximum:
                raise problem(
                    Code.TOO_MANY_FREEZES,
                    f"{day:%Y-%m} would have {per_month[(day.year, day.month)]} freeze days; "
                    f"at most {maximum} a month (BORG_LEARNING['STREAK_FREEZES_PER_MONTH']).",
                )
        StreakFreeze.objects.bulk_create(StreakFreeze(learner=learner, date=day) for day in new)
    return learner


def cancel_freeze(request: HttpRequest, dates, references: References) -> Learner:
    """Take planned freeze days back (today or later; days not planned are left alone)."""
    days = checked_dates(dates, timezone.localdate())
    with progress.own_learner(request, references) as learner:
        StreakFreeze.objects.filter(learner=learner, date__in=days).delete()
    return learner
