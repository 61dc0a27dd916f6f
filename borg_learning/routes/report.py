"""A learning route's row in the report "Progress": its starters and finishers.

Counted like a module's cohort: a route counts the learners who started it in the
period (``RouteEnrolment.started_at``), in the month or quarter they started, and those
of them who also completed it within the period, in the month or quarter they completed
it; so a completion rate never passes 100 %. Every live route has a row (a withdrawn one
only while it has figures); a report narrowed to a theme or module shows the routes
with a step on one of its modules or their parts. Three queries, however many routes
and learners.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from borg_learning.learners.completion import parent_path_expression
from borg_learning.learners.progress_figures import ProgressRow, modules_in_scope, per_period
from borg_learning.models import ModulePartPage
from borg_learning.routes.models import Route, RouteEnrolment, RouteStep


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
    """A ``ProgressRow`` per route, by title."""
    start, end = scope.moments
    routes = list(routes_in_scope(scope).order_by("title", "pk").values("pk", "title", "live"))
    if not routes:
        return []
    started_in_period = RouteEnrolment.objects.filter(
        route__in=[route["pk"] for route in routes], started_at__gte=start, started_at__lt=end
    )
    started = per_period(started_in_period, "route", "started_at", scope)
    completed = per_period(
        started_in_period.filter(completed_at__gte=start, completed_at__lt=end),
        "route",
        "completed_at",
        scope,
    )
    label = str(_("Learning route"))
    rows = []
    for route in routes:
        pk = route["pk"]
        if not (route["live"] or pk in started or pk in completed):
            continue
        nothing = [0] * len(scope.buckets())
        rows.append(
            ProgressRow(
                "route",
                route["title"],
                started.get(pk, nothing),
                completed.get(pk, list(nothing)),
                kind_label=label,
            )
        )
    return rows
