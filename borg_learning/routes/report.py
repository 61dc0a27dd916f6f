"""A learning route's rows in the report "Progress": its starters and finishers, and
how far they got, step by step.

Counted like a module's cohort: a route counts the learners who started it in the
period (``RouteEnrolment.started_at``), in the month or quarter they started, and those
of them who also completed it within the period, in the month or quarter they completed
it; so a completion rate never passes 100 %. Every live route has a row (a withdrawn one
only while it has figures); a report narrowed to a theme or module shows the routes
with a step on one of its modules or their parts.

A row per step follows its route, in step order: "started" is the route's cohort,
"completed" those of them who had done the step by the end of the period, by the step's
own rule (``kinds``: its module or part completed, its offer or assignment marked), in
the month or quarter it was done (or they started the route, when that came later). The
route's row carries the funnel chart of these figures: where learners stop. A step whose
module, part or offer is gone is left out, as it does not count for the route either.

Six queries, however many routes, steps and learners: the routes, their starters, their
finishers, their steps, and the steps done by completing a page or by a mark.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from borg_learning.learners.completion import parent_path_expression
from borg_learning.learners.models import Completion
from borg_learning.learners.progress_figures import ProgressRow, modules_in_scope, per_period
from borg_learning.models import ModulePartPage
from borg_learning.routes import kinds
from borg_learning.routes.models import Route, RouteEnrolment, RouteStep, StepDone

#: Where a step's cohort is: the enrolments of the learner who did it, in the period.
COHORT = "learner__route_enrolments"


def routes_in_scope(scope):
    """All routes, or those with a step on a module of the theme or module chosen."""
    routes = Route.objects.all()
    if scope.theme is None and scope.module is None:
        return routes
    modules = modules_in_scope(scope)
    parts = ModulePartPage.objects.annotate(parent_path=parent_path_expression()).filter(
        parent_path__in=modules.values("path")
    )
    steps = RouteStep.objects.filter(route=OuterRef("pk")).filter(
        Q(module__in=modules.values("pk")) | Q(part__in=parts.values("pk"))
    )
    return routes.filter(Exists(steps))


def route_rows(scope):
    """A ``ProgressRow`` per route, by title, each followed by the rows of its steps."""
    start, end = scope.moments
    routes = list(routes_in_scope(scope).order_by("title", "pk").values("pk", "title", "live"))
    if not routes:
        return []
    route_ids = [route["pk"] for route in routes]
    started_in_period = RouteEnrolment.objects.filter(
        route__in=route_ids, started_at__gte=start, started_at__lt=end
    )
    started = per_period(started_in_period, "route", "started_at", scope)
    completed = per_period(
        started_in_period.filter(completed_at__gte=start, completed_at__lt=end),
        "route",
        "completed_at",
        scope,
    )
    steps = steps_of(route_ids)
    done = steps_done(scope, route_ids)
    label = str(_("Learning route"))

    def nothing():
        return [0] * len(scope.buckets())

    rows = []
    for route in routes:
        pk = route["pk"]
        if not (route["live"] or pk in started or pk in completed):
            continue
        row = ProgressRow(
            "route",
            route["title"],
            started.get(pk, nothing()),
            completed.get(pk, nothing()),
            kind_label=label,
        )
        for number, step in enumerate(steps.get(pk, []), start=1):
            row.parts.append(
                ProgressRow(
                    "step",
                    step["name"],
                    list(row.started_series),
                    done.get(step["pk"], nothing()),
                    kind_label=str(_("Step %(number)d") % {"number": number}),
                    module_title=route["title"],
                    number=number,
                )
            )
        row.funnel = funnel(row)
        rows += [row, *row.parts]
    return rows


def steps_of(route_ids):
    """``{route id: [step]}`` in step order, each step a dict with its ``pk`` and
    ``name``; only steps of a known kind whose target still exists. One query."""
    targets = {rule.target_field for rule in kinds.KINDS.values() if rule.target_field}
    rows = (
        RouteStep.objects.filter(route__in=route_ids)
        .order_by("route", "sort_order", "pk")
        .values("pk", "route_id", "kind", "title", *(f"{name}__title" for name in targets))
    )
    grouped = {}
    for step in rows:
        rule = kinds.KINDS.get(step["kind"])
        if rule is None:
            continue
        name = step[f"{rule.target_field}__title"] if rule.target_field else step["title"]
        if rule.target_field and name is None:
            continue  # its module, part or offer was deleted
        grouped.setdefault(step["route_id"], []).append({"pk": step["pk"], "name": name})
    return grouped


def steps_done(scope, route_ids):
    """``{step id: [learners per period]}``: the learners who started the step's route
    in the period and had done the step by its end. Two queries: the steps done by
    completing their page, and those marked done."""
    start, end = scope.moments
    cohort = {
        f"{COHORT}__route__in": route_ids,
        f"{COHORT}__started_at__gte": start,
        f"{COHORT}__started_at__lt": end,
    }
    # One filter() call, so the enrolment, its route's step and the completion are one row.
    page_steps = Q()
    for kind, rule in kinds.KINDS.items():
        if rule.page_completion:
            page_steps |= Q(
                **{
                    f"{COHORT}__route__steps__kind": kind,
                    f"{COHORT}__route__steps__{rule.target_field}": F("page"),
                }
            )
    completed = Completion.objects.filter(page_steps, completed_at__lt=end, **cohort)
    done = per_period(
        completed,
        f"{COHORT}__route__steps",
        Greatest("completed_at", f"{COHORT}__started_at"),
        scope,
    )
    marked_kinds = [kind for kind, rule in kinds.KINDS.items() if rule.marked_by_learner]
    marked = StepDone.objects.filter(
        step__kind__in=marked_kinds,
        marked_at__lt=end,
        **{f"{COHORT}__route": F("step__route")},
        **cohort,
    )
    done.update(per_period(marked, "step", Greatest("marked_at", f"{COHORT}__started_at"), scope))
    return done


def funnel(route):
    """The bars of the route's funnel chart: who started it, did each step, completed it."""
    bars = [(str(_("Started the route")), route.started)]
    bars += [
        (
            str(_("Step %(number)d done: %(name)s") % {"number": step.number, "name": step.name}),
            step.completed,
        )
        for step in route.parts
    ]
    bars.append((str(_("Completed the route")), route.completed))
    return bars
