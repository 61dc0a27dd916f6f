"""What a learner has done, as the badges' criteria count it, in a fixed number of queries.

``Standing`` loads each figure at most once, and only when a criterion asks for it: the
modules completed as a whole, the microlessons completed, the routes completed, the cards
recalled in the daily review, and the live modules of the themes badges name. The apps
it counts for (routes, reviews, microlearning) are asked only when installed. ``met()``
says whether a learner meets a badge's criterion, ``progress()`` how far they are.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import F
from django.utils.functional import cached_property

from borg_learning.badges.models import Badge, Criterion
from borg_learning.learners.models import Completion, Learner
from borg_learning.models import ModulePage


@dataclass(frozen=True)
class Progress:
    done: int
    target: int


class Standing:
    """One learner's figures for the badges ``badges`` (their themes' modules)."""

    def __init__(self, learner: Learner | None, badges: list[Badge], streak_days: int = 0):
        self.learner, self.badges, self.streak_days = learner, badges, streak_days

    @cached_property
    def completed_modules(self) -> set[int]:
        """Modules completed as a whole (a module's own completion row)."""
        if self.learner is None:
            return set()
        rows = Completion.objects.filter(learner=self.learner, module_id=F("page_id"))
        return set(rows.values_list("page_id", flat=True))

    @cached_property
    def microlessons_completed(self) -> int:
        if self.learner is None or not apps.is_installed("borg_learning.microlearning"):
            return 0
        from borg_learning.microlearning.models import MicrolessonPage

        return Completion.objects.filter(
            learner=self.learner, page__in=MicrolessonPage.objects.values("pk")
        ).count()

    @cached_property
    def completed_routes(self) -> set[int]:
        if self.learner is None:
            return set()
        from borg_learning.routes.models import RouteEnrolment

        done = RouteEnrolment.objects.filter(learner=self.learner, completed_at__isnull=False)
        return set(done.values_list("route_id", flat=True))

    @cached_property
    def reviews_recalled(self) -> int:
        """Cards recalled in the daily review (a first answer to an exercise is no review)."""
        if self.learner is None or not apps.is_installed("borg_learning.reviews"):
            return 0
        from borg_learning.reviews.models import ReviewLog, ReviewSource

        return ReviewLog.objects.filter(
            card__learner=self.learner, source=ReviewSource.REVIEW, correct=True
        ).count()

    @cached_property
    def theme_modules(self) -> dict[int, set[int]]:
        """The live modules of each theme a badge names, now."""
        themes = {badge.theme_id for badge in self.badges if badge.criterion == Criterion.THEME}
        found = {theme: set() for theme in themes}
        if themes:
            rows = ModulePage.objects.live().filter(themes__in=themes)
            for module_id, theme_id in rows.values_list("pk", "themes"):
                found[theme_id].add(module_id)
        return found

    def progress(self, badge: Badge) -> Progress | None:
        """How far the learner is towards ``badge``; None when this app cannot tell (a
        streak: the gamification keeps it)."""
        match badge.criterion:
            case Criterion.MODULES:
                return Progress(min(len(self.completed_modules), badge.count), badge.count)
            case Criterion.THEME:
                modules = self.theme_modules.get(badge.theme_id, set())
                return Progress(len(modules & self.completed_modules), len(modules))
            case Criterion.ROUTE:
                routes = self.completed_routes
                done = bool(routes) if badge.route_id is None else badge.route_id in routes
                return Progress(int(done), 1)
            case Criterion.STREAK:
                return None
            case Criterion.REVIEWS:
                return Progress(min(self.reviews_recalled, badge.count), badge.count)
            case _:
                return Progress(min(self.microlessons_completed, 1), 1)

    def met(self, badge: Badge) -> bool:
        if badge.criterion == Criterion.STREAK:
            return self.streak_days >= (badge.count or 0) > 0
        progress = self.progress(badge)
        return progress.target > 0 and progress.done >= progress.target
