"""What each kind of goal counts, read for one learner in bulk.

``LearnerActivity`` loads, once for any number of challenges, the learner's moments of
each kind the challenges ask for, inside the span of their dates: a query per kind of
source (completions, the themes of their modules, reviews, learning days), never one per
challenge. Each challenge then counts, in Python, the moments inside its own period and
theme.

* microlessons: the learner's completions of microlesson pages (their own theme);
* parts: completions of parts of specialist modules (the module's themes);
* modules: completions of whole modules, basic or specialist (their themes);
* reviews done / recalled: the daily review's answers (``ReviewLog`` of source
  "review"), recalled when right; a first answer to an exercise is not a review;
* learning days: the days (in the site's time zone) on which the learner answered an
  exercise for the first time, completed a part, module or microlesson, or answered a card
  in the daily review: the same events as the daily learning streak's
  (``borg_learning.gamification``), so a challenge of learning days and the streak agree.
  Seeing a text or playing a video is not a learning day of its own.
"""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from borg_learning.challenges.models import NEEDS, Challenge, Goal, available
from borg_learning.learners.models import BlockKind, BlockProgress, Completion, Learner
from borg_learning.models import ModulePage

MICROLEARNING = NEEDS[Goal.MICROLESSONS]
REVIEWS = NEEDS[Goal.REVIEWS]


@dataclass(frozen=True)
class Moment:
    """One thing the learner did that a goal counts: when, and of which themes."""

    at: datetime.datetime
    themes: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Count:
    done: int
    #: When the target was reached (the target-th moment inside the period); None before.
    reached_at: datetime.datetime | None


class LearnerActivity:
    """One learner's moments, for the goals of ``challenges``, loaded on first use."""

    def __init__(self, learner: Learner | None, challenges: list[Challenge]) -> None:
        self.learner = learner
        self.goals = {challenge.goal for challenge in challenges}
        periods = [challenge.period for challenge in challenges]
        self.start = min((start for start, _end in periods), default=None)
        self.end = max((end for _start, end in periods), default=None)
        self.themed = {challenge.goal for challenge in challenges if challenge.theme_id}

    def count(self, challenge: Challenge) -> Count:
        start, end = challenge.period
        if challenge.goal == Goal.LEARNING_DAYS:
            first_of_day = {}
            for at in self.moments(challenge.goal):
                if start <= at < end:
                    day = timezone.localtime(at).date()
                    first_of_day[day] = min(at, first_of_day.get(day, at))
            moments = sorted(first_of_day.values())
        else:
            moments = sorted(
                moment.at
                for moment in self.moments(challenge.goal)
                if start <= moment.at < end
                and (challenge.theme_id is None or challenge.theme_id in moment.themes)
            )
        reached = moments[challenge.target - 1] if len(moments) >= challenge.target else None
        return Count(len(moments), reached)

    def moments(self, goal) -> list:
        if self.learner is None or not available(goal):
            return []
        if goal == Goal.LEARNING_DAYS:
            return self.learning_moments
        if goal in (Goal.REVIEWS, Goal.RECALLED):
            return [Moment(at) for at, correct in self.reviews if goal == Goal.REVIEWS or correct]
        return self.completions[goal]

    # The queries, each run once ----------------------------------------------------------

    @cached_property
    def completions(self) -> dict[str, list[Moment]]:
        """The learner's completed microlessons, parts and modules in the span: one query,
        and one more for the themes of their modules when a challenge asks for a theme."""
        found = {Goal.MICROLESSONS: [], Goal.PARTS: [], Goal.MODULES: []}
        rows = Completion.objects.filter(
            learner=self.learner, completed_at__gte=self.start, completed_at__lt=self.end
        )
        fields = ["page_id", "module_id", "completed_at"]
        if apps.is_installed(MICROLEARNING):
            from borg_learning.microlearning.models import MicrolessonPage

            lessons = MicrolessonPage.objects.filter(pk=OuterRef("page_id"))
            rows = rows.annotate(
                is_microlesson=Exists(lessons),
                lesson_theme=Subquery(lessons.values("theme_id")[:1]),
            )
            fields += ["is_microlesson", "lesson_theme"]
        rows = list(rows.values(*fields))
        module_themes = self.module_themes(
            {row["module_id"] for row in rows if row["module_id"] is not None}
        )
        for row in rows:
            if row["module_id"] is None:
                if row.get("is_microlesson"):
                    themes = {row["lesson_theme"]} - {None}
                    found[Goal.MICROLESSONS].append(Moment(row["completed_at"], frozenset(themes)))
                continue
            goal = Goal.MODULES if row["page_id"] == row["module_id"] else Goal.PARTS
            themes = frozenset(module_themes.get(row["module_id"], ()))
            found[goal].append(Moment(row["completed_at"], themes))
        return found

    def module_themes(self, module_ids) -> dict[int, set[int]]:
        if not module_ids or not self.themed & {Goal.PARTS, Goal.MODULES}:
            return {}
        found = {}
        through = ModulePage.themes.through.objects.filter(modulepage_id__in=module_ids)
        for module_id, theme_id in through.values_list("modulepage_id", "theme_id"):
            found.setdefault(module_id, set()).add(theme_id)
        return found

    @cached_property
    def reviews(self) -> list[tuple[datetime.datetime, bool]]:
        """(moment, recalled) of the learner's daily review answers in the span."""
        from borg_learning.reviews.models import ReviewLog, ReviewSource

        return list(
            ReviewLog.objects.filter(
                card__learner=self.learner,
                source=ReviewSource.REVIEW,
                reviewed_at__gte=self.start,
                reviewed_at__lt=self.end,
            ).values_list("reviewed_at", "correct")
        )

    @cached_property
    def learning_moments(self) -> list[datetime.datetime]:
        """The moments of the learner's first answers, completions and reviews in the span:
        one query (a union)."""
        answered = BlockProgress.objects.filter(
            learner=self.learner,
            kind=BlockKind.EXERCISE,
            completed_at__gte=self.start,
            completed_at__lt=self.end,
        ).values_list("completed_at", flat=True)
        completed = (
            Completion.objects.filter(
                learner=self.learner, completed_at__gte=self.start, completed_at__lt=self.end
            )
            .order_by()  # a compound statement's parts are unordered
            .values_list("completed_at", flat=True)
        )
        parts = [completed]
        if apps.is_installed(REVIEWS):
            from borg_learning.reviews.models import ReviewLog

            parts.append(
                ReviewLog.objects.filter(
                    card__learner=self.learner,
                    reviewed_at__gte=self.start,
                    reviewed_at__lt=self.end,
                )
                .order_by()  # a compound statement's parts are unordered
                .values_list("reviewed_at", flat=True)
            )
        return list(answered.union(*parts, all=True))
