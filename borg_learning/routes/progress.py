"""Starting a route, marking its steps done, and completing it: the only ways in.

Each checks its input against the live routes and what the request may see before
anything is written, then works in one transaction with the learner's row locked (as the
learners app does), so two requests of one learner never complete a route twice. A
route completes when every step that counts is done (``route_steps_done``); the
completion is kept when the route changes later, and ``signals.route_completed`` is sent
once, after the commit.

Problems are the learners app's ``LearnerError`` with this module's ``Code``s (which
include the learners' codes about the learner itself); nothing is stored then.
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from borg_learning.api.references import References
from borg_learning.learners import identity
from borg_learning.learners.models import Learner
from borg_learning.learners.progress import (
    LearnerError,
    known_learner,
    limit_new_learners,
    locked_or_new_learner,
    missing_learner,
)
from borg_learning.learners.reading import completed_page_ids
from borg_learning.models import Offering
from borg_learning.routes import kinds, signals
from borg_learning.routes.models import Route, RouteEnrolment, RouteStep, StepDone
from borg_learning.signals import send_after_commit
from borg_learning.visibility import Visibility


class Code(StrEnum):
    """Why a route request was refused; stable values the frontend can translate."""

    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_LEARNER = "NO_LEARNER"
    RATE_LIMITED = "RATE_LIMITED"
    UNKNOWN_ROUTE = "UNKNOWN_ROUTE"
    UNKNOWN_STEP = "UNKNOWN_STEP"
    NOT_STARTED = "NOT_STARTED"
    NOT_MARKABLE = "NOT_MARKABLE"
    INVALID_DATE = "INVALID_DATE"


def live_route(slug) -> Route:
    route = Route.objects.filter(live=True, slug=str(slug)[:100]).first()
    if route is None:
        raise LearnerError.one(
            "route", Code.UNKNOWN_ROUTE, f"There is no published route '{str(slug)[:100]}'."
        )
    return route


def markable_step(route: Route, step_id, visibility: Visibility) -> RouteStep:
    """A step of ``route`` the learner marks done themselves, whose offer (if any) the
    request may see."""
    from borg_learning.api.graphql.loaders import database_id  # see learners.rules

    step = RouteStep.objects.filter(route=route, pk=database_id(step_id)).first()
    if step is None or not counted_steps([step], visibility):
        raise LearnerError.one(
            "step",
            Code.UNKNOWN_STEP,
            f"The route '{route.slug}' has no step with id '{str(step_id)[:40]}'.",
        )
    if not kinds.rule_of(step).marked_by_learner:
        raise LearnerError.one(
            "step",
            Code.NOT_MARKABLE,
            f"Step {step.pk} is a {step.kind}: it is done when the learner completes it, "
            "not marked by hand.",
        )
    return step


def counted_steps(steps, visibility: Visibility) -> list[RouteStep]:
    """The steps that are part of their route for this viewer: of a known kind, with a
    page or offer that exists and may be seen (an assignment always counts). A query per
    kind of target at most, whatever the number of steps."""
    steps = [step for step in steps if kinds.rule_of(step) is not None]
    wanted = {kinds.PAGE: set(), kinds.OFFERING: set()}
    for step in steps:
        if kinds.target_kind(step) is not None:
            wanted[kinds.target_kind(step)].add(kinds.target_id(step))
    visible = {
        kinds.PAGE: visibility.pages(Page.objects.filter(pk__in=wanted[kinds.PAGE])),
        kinds.OFFERING: visibility.offerings(
            Offering.objects.filter(pk__in=wanted[kinds.OFFERING])
        ),
    }
    found = {
        kind: set(visible[kind].values_list("pk", flat=True)) if ids - {None} else set()
        for kind, ids in wanted.items()
    }
    return [
        step
        for step in steps
        if kinds.target_kind(step) is None
        or kinds.target_id(step) in found[kinds.target_kind(step)]
    ]


def check_done_on(done_on) -> datetime.date:
    today = timezone.localdate()
    if done_on is None:
        return today
    if done_on > today:
        raise LearnerError.one(
            "doneOn", Code.INVALID_DATE, f"doneOn is {done_on}, after today ({today})."
        )
    return done_on


@dataclass
class Started:
    learner: Learner
    enrolment: RouteEnrolment
    #: A token made for a new learner, to hand out once; None otherwise.
    token: str | None = None


def start(request: HttpRequest, slug, references: References | None = None) -> Started:
    """Start the route for the request's learner (made when there is none yet); starting
    it again changes nothing."""
    who = known_learner(request)
    route = live_route(slug)
    references = references or References.of(request)
    limit_new_learners(request, who)
    with transaction.atomic():
        learner, token = locked_or_new_learner(who, references)
        enrolment, created = RouteEnrolment.objects.get_or_create(learner=learner, route=route)
        if created:  # steps done before may complete it at once
            complete_routes(learner, [enrolment])
            enrolment.refresh_from_db()
    identity.forget_identity(request)
    return Started(learner, enrolment, token)


def mark(
    request: HttpRequest, slug, step_id, done_on=None, references: References | None = None
) -> StepDone:
    """Mark a step of a started route done (on ``done_on``, default today); marking it
    again moves the date."""
    who = known_learner(request)
    route = live_route(slug)
    references = references or References.of(request)
    step = markable_step(route, step_id, references.visibility)
    done_on = check_done_on(done_on)
    with transaction.atomic():
        learner = started_learner(who, route, references)
        done, _created = StepDone.objects.update_or_create(
            learner=learner, step=step, defaults={"done_on": done_on, "marked_at": timezone.now()}
        )
        complete_routes(
            learner,
            RouteEnrolment.objects.filter(learner=learner, route=route).select_related("route"),
        )
    identity.forget_identity(request)
    return done


def unmark(request: HttpRequest, slug, step_id, references: References | None = None) -> Learner:
    """Take a learner's mark off a step; a route completed before stays completed."""
    who = known_learner(request)
    route = live_route(slug)
    references = references or References.of(request)
    step = markable_step(route, step_id, references.visibility)
    with transaction.atomic():
        learner = started_learner(who, route, references)
        StepDone.objects.filter(learner=learner, step=step).delete()
    identity.forget_identity(request)
    return learner


def started_learner(who, route, references) -> Learner:
    """Inside a transaction: the request's learner, locked, who started ``route``."""
    learner = identity.locked_learner(who, references)
    if learner is None:
        raise missing_learner(who)
    if not RouteEnrolment.objects.filter(learner=learner, route=route).exists():
        raise LearnerError.one(
            "route", Code.NOT_STARTED, f"Start the route '{route.slug}' first (startRoute)."
        )
    return learner


# Completing ----------------------------------------------------------------------------------


def learner_visibility(learner: Learner) -> Visibility:
    """What the learner may see, without a request: the pages of every site that no
    view restriction hides from their user (none for an anonymous learner)."""
    return Visibility(learner.user)


def route_steps_done(learner: Learner, steps, visibility: Visibility) -> tuple[int, int]:
    """(done, counted) of ``steps``: a step counts when ``counted_steps`` says so; a
    module or part is done when the learner completed its page, any other when they
    marked it."""
    counted = counted_steps(steps, visibility)
    pages, marked = completed_page_ids(learner), marked_step_ids(learner)
    done = sum(1 for step in counted if is_done(step, pages, marked))
    return done, len(counted)


def marked_step_ids(learner: Learner) -> set[int]:
    return set(StepDone.objects.filter(learner=learner).values_list("step_id", flat=True))


def is_done(step: RouteStep, completed_pages, marked_step_ids) -> bool:
    if kinds.rule_of(step).page_completion:
        return kinds.target_id(step) in completed_pages
    return step.pk in marked_step_ids


def complete_routes(learner: Learner, enrolments) -> list[int]:
    """Inside the transaction with the learner locked: complete the open ``enrolments``
    whose counted steps are all done, and announce each once, after the commit. The ids
    of the routes completed now."""
    enrolments = [
        enrolment
        for enrolment in enrolments
        if enrolment.completed_at is None and enrolment.route.live
    ]
    if not enrolments:
        return []
    visibility = learner_visibility(learner)
    steps = {}
    for step in RouteStep.objects.filter(route__in=[e.route_id for e in enrolments]):
        steps.setdefault(step.route_id, []).append(step)
    # What counts, what the learner completed and marked: once for every open route.
    counting = {
        step.pk
        for step in counted_steps(
            [step for listed in steps.values() for step in listed], visibility
        )
    }
    pages, marked = completed_page_ids(learner), marked_step_ids(learner)
    now = timezone.now()
    completed = []
    for enrolment in enrolments:
        counted = [step for step in steps.get(enrolment.route_id, []) if step.pk in counting]
        done = sum(1 for step in counted if is_done(step, pages, marked))
        if not counted or done < len(counted):
            continue
        if RouteEnrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=now
        ):
            completed.append(enrolment.route_id)
            announce(learner, enrolment.route_id, now)
    return completed


def announce(learner: Learner, route_id: int, completed_at) -> None:
    send_after_commit(
        signals.route_completed,
        sender=Learner,
        learner=learner,
        route_id=route_id,
        completed_at=completed_at,
    )


def complete_open_routes(learner_id: int, page_id: int | None = None) -> list[int]:
    """Complete the routes the learner started (those with a step on ``page_id``, when
    given) that are done now: after a page completes, or learners merge."""
    with transaction.atomic():
        learner = identity.lock(learner_id)
        if learner is None:
            return []
        enrolments = RouteEnrolment.objects.filter(
            learner=learner, completed_at__isnull=True, route__live=True
        ).select_related("route")
        if page_id is not None:
            enrolments = enrolments.filter(
                Q(route__steps__module_id=page_id) | Q(route__steps__part_id=page_id)
            )
        return complete_routes(learner, list(enrolments.distinct()))
