"""Routes as the API shows them, and a learner's progress on them: a fixed number of
queries, whatever the number of routes and steps.

``shown_steps()`` loads the steps of any number of routes in one query and their pages
and offers through the request's batch (``References``, GraphQL's ``Loaders``), so a
step whose page or offer the request may not see is left out, and a route costs the
same for 3 steps as for 30. ``RouteReading`` is one learner's routes for ``me``, on the
learners app's ``LearnerView`` (whose completions it shares).

``completed_routes()`` and ``route_completion()`` answer "did this learner complete this
route, when, and how long does it take" for other features (certificates).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Page

from borg_learning.api.references import References
from borg_learning.learners.models import Learner
from borg_learning.learners.reading import LearnerView
from borg_learning.models import ModulePage
from borg_learning.routes import kinds, progress
from borg_learning.routes.models import Route, RouteEnrolment, RouteStep, StepDone

#: The request loaders' kind for the offers of steps (``graphql`` registers it).
OFFER_KIND = "route_offering"
#: The request loaders' kind for live routes, a certificate's subject (``graphql`` registers it).
ROUTE_KIND = "route"


@dataclass
class ShownStep:
    """A step with what it is about, loaded and visible (None for an assignment)."""

    step: RouteStep
    target: object | None

    @property
    def seconds(self) -> int | None:
        return kinds.step_seconds(self.step, self.target)


def loader_kind(step: RouteStep) -> str | None:
    """The request loaders' kind of a step's target: a page, an offer, or none."""
    return {kinds.PAGE: "page", kinds.OFFERING: OFFER_KIND}.get(kinds.target_kind(step))


def shown_steps(routes: Iterable[Route], references: References) -> dict[int, list[ShownStep]]:
    """The steps of ``routes`` the request may see, in order, by route id."""
    routes = list(routes)
    if not routes:
        return {}
    steps = list(
        RouteStep.objects.filter(route__in=routes).order_by("route_id", "sort_order", "pk")
    )
    for step in steps:
        kind = loader_kind(step)
        if kind is not None:
            references.want(kind, kinds.target_id(step))
    shown = {route.pk: [] for route in routes}
    offers = []
    for step in steps:
        kind = loader_kind(step)
        if kinds.rule_of(step) is None:
            continue
        target = references.get(kind, kinds.target_id(step)) if kind else None
        if kind is not None and target is None:
            continue  # gone, or hidden from this request
        if kind == OFFER_KIND:
            offers.append(target)
        shown[step.route_id].append(ShownStep(step, target))
    pages = [item.target for items in shown.values() for item in items if kind_is_page(item)]
    modules = [page for page in pages if isinstance(page, ModulePage)]
    # What module tiles show (themes, credits) in bulk, as the core's lists do.
    prefetch_related_objects(modules, "themes", "development_group__members")
    references.want_pages(pages)
    for offer in offers:
        references.want("image", offer.provider.logo_id)
    return shown


SHOWN = "routes_shown_steps"


def load_steps(routes: Iterable[Route], references: References) -> dict[int, list[ShownStep]]:
    """``shown_steps`` once per request: routes whose steps are loaded already are not
    loaded again."""
    shown = references.cache.setdefault(SHOWN, {})
    missing = {route.pk: route for route in routes if route.pk not in shown}
    if missing:
        shown.update(shown_steps(missing.values(), references))
    return shown


def kind_is_page(item: ShownStep) -> bool:
    return kinds.target_kind(item.step) == kinds.PAGE


def total_seconds(steps: Iterable[ShownStep]) -> int:
    return sum(item.seconds or 0 for item in steps)


@dataclass
class StepProgress:
    shown: ShownStep
    done: bool
    done_at: datetime.datetime | None
    done_on: datetime.date | None
    due_on: datetime.date | None

    @property
    def step(self):
        return self.shown

    @property
    def overdue(self) -> bool:
        return not self.done and self.due_on is not None and self.due_on < timezone.localdate()


@dataclass
class RouteProgress:
    enrolment: RouteEnrolment
    steps: list[StepProgress] = field(default_factory=list)

    @property
    def route(self):
        return self.enrolment.route

    @property
    def started_at(self):
        return self.enrolment.started_at

    @property
    def completed_at(self):
        return self.enrolment.completed_at

    @property
    def completed(self) -> bool:
        return self.enrolment.completed_at is not None

    @property
    def steps_done(self) -> int:
        return sum(1 for step in self.steps if step.done)

    @property
    def steps_total(self) -> int:
        return len(self.steps)


class RouteReading:
    """One learner's routes for one request, on the learners app's ``LearnerView``."""

    def __init__(self, view: LearnerView) -> None:
        self.view = view
        self.references = view.references

    @classmethod
    def of(cls, view: LearnerView) -> "RouteReading":
        reading = getattr(view, "_borg_learning_routes", None)
        if reading is None:
            reading = view._borg_learning_routes = cls(view)
        return reading

    @cached_property
    def enrolments(self) -> list[RouteEnrolment]:
        """The learner's started routes that are live, the latest started first."""
        if self.view.learner is None:
            return []
        return list(
            RouteEnrolment.objects.filter(learner=self.view.learner, route__live=True)
            .select_related("route")
            .order_by("-started_at", "-pk")
        )

    @cached_property
    def progress(self) -> dict[int, RouteProgress]:
        """Progress per route id, on the steps the request may see."""
        enrolments = self.enrolments
        if not enrolments:
            return {}
        shown = load_steps([enrolment.route for enrolment in enrolments], self.references)
        step_ids = [item.step.pk for items in shown.values() for item in items]
        marks = {
            mark.step_id: mark
            for mark in StepDone.objects.filter(learner=self.view.learner, step_id__in=step_ids)
        }
        completions = self.view.completions
        found = {}
        for enrolment in enrolments:
            started_on = timezone.localdate(enrolment.started_at)
            steps = []
            for item in shown[enrolment.route_id]:
                step = item.step
                due_on = (
                    started_on + datetime.timedelta(days=step.within_days)
                    if step.within_days
                    else None
                )
                if kinds.rule_of(step).page_completion:
                    completion = completions.get(kinds.target_id(step))
                    done_at = completion.completed_at if completion else None
                    done_on = timezone.localdate(done_at) if done_at else None
                else:
                    mark = marks.get(step.pk)
                    done_at = mark.marked_at if mark else None
                    done_on = mark.done_on if mark else None
                steps.append(StepProgress(item, done_at is not None, done_at, done_on, due_on))
            found[enrolment.route_id] = RouteProgress(enrolment, steps)
        return found

    def routes(self) -> list[RouteProgress]:
        return [self.progress[enrolment.route_id] for enrolment in self.enrolments]

    def route(self, slug) -> RouteProgress | None:
        return next(
            (item for item in self.routes() if item.route.slug == str(slug)),
            None,
        )


# For other features -----------------------------------------------------------------------


@dataclass(frozen=True)
class CompletedRoute:
    route: Route
    title: str
    completed_at: datetime.datetime
    #: The steps' known durations together, in whole minutes (rounded up).
    duration_minutes: int


def completed_routes(learner: Learner | None) -> list[CompletedRoute]:
    """The live routes ``learner`` completed, the earliest completion first; with each its
    title, completion time and duration (of the steps that count for the learner)."""
    if learner is None:
        return []
    enrolments = list(
        RouteEnrolment.objects.filter(learner=learner, completed_at__isnull=False, route__live=True)
        .select_related("route")
        .order_by("completed_at", "pk")
    )
    if not enrolments:
        return []
    visibility = progress.learner_visibility(learner)
    steps = RouteStep.objects.filter(
        route__in=[enrolment.route_id for enrolment in enrolments]
    ).select_related("module", "part", "offering")
    counted = progress.counted_steps(list(steps), visibility)
    with_specific_pages(counted)
    seconds = {}
    for step in counted:
        seconds[step.route_id] = seconds.get(step.route_id, 0) + (step.duration_seconds() or 0)
    return [
        CompletedRoute(
            route=enrolment.route,
            title=enrolment.route.title,
            completed_at=enrolment.completed_at,
            duration_minutes=kinds.minutes(seconds.get(enrolment.route_id, 0)),
        )
        for enrolment in enrolments
    ]


def route_completion(learner: Learner | None, route: Route | int) -> CompletedRoute | None:
    """The learner's completion of one route, or None when they have not completed it."""
    route_id = route if isinstance(route, int) else route.pk
    return next((done for done in completed_routes(learner) if done.route.pk == route_id), None)


def with_specific_pages(steps: list[RouteStep]) -> None:
    """Give the steps whose target is a plain page (a microlesson) that page as its own
    type, in one query for all of them: its length is the type's."""
    ids = {step.page_id for step in steps if step.page_id}
    if not ids:
        return
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    for step in steps:
        if step.page_id in pages:
            step.page = pages[step.page_id]
