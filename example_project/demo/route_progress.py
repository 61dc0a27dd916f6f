"""The generated learners' learning routes, part of the demo's year of progress
(``progress``): some learners start the demo route for their role the moment they start
their first module, mark its catalogue offer and workplace assignment done in the weeks
after, and complete the route only when every step is done: its modules and parts
completed in the generated history, its other steps marked. A route is completed at the
moment of its last step; nothing lies in the future.

Drawn from its own seeded generator, so the module history stays as it was and the
routes are the same every time they are made.
"""

import datetime

from django.utils import timezone

from borg_learning.routes.models import Route, RouteEnrolment, StepDone

from .routes import ROUTES

#: The chance a learner starts a route: both demo routes hold steps of both modules, so
#: mostly learners who take both; of those, the share who follow the support worker's
#: route (the first; else the psychologist's).
ENROLS = {True: 0.9, False: 0.3}
FIRST_ROUTE = 0.6
#: The chance a learner marks an offer or an assignment done.
MARKS = 0.75


def demo_routes():
    """The demo's live routes, in the order of ``ROUTES``, each with its steps."""
    slugs = [data["slug"] for data in ROUTES]
    found = {route.slug: route for route in Route.objects.filter(live=True, slug__in=slugs)}
    routes = [found[slug] for slug in slugs if slug in found]
    return [(route, list(route.steps.all())) for route in routes]


class RouteHistory:
    """The route enrolments and marked steps of the generated learners."""

    def __init__(self, rng, now, routes):
        self.rng, self.now, self.routes = rng, now, routes
        self.enrolments, self.marks = [], []

    def follow(self, learner, start, completed, both):
        """Maybe start a route for ``learner`` at ``start``; ``completed`` maps the page
        ids the learner completed to the moment they did; ``both``: they take both
        modules."""
        if not self.routes or self.rng.random() >= ENROLS[both]:
            return
        index = 0 if self.rng.random() < FIRST_ROUTE or len(self.routes) == 1 else 1
        route, steps = self.routes[index]
        moments = []
        for step in steps:
            if step.kind in ("module", "part"):
                moments.append(completed.get(step.module_id or step.part_id))
            else:
                moments.append(self.mark(learner, step, start))
        done = all(moment is not None for moment in moments)
        self.enrolments.append(
            RouteEnrolment(
                learner=learner,
                route=route,
                started_at=start,
                completed_at=max(moments) if done and moments else None,
            )
        )

    def mark(self, learner, step, start):
        """The moment the learner marked ``step`` done, or None."""
        days = self.rng.randint(3, step.within_days or 60)
        moment = start + datetime.timedelta(days=days, minutes=self.rng.randint(1, 600))
        if self.rng.random() >= MARKS or moment > self.now:
            return None
        self.marks.append(
            StepDone(
                learner=learner, step=step, done_on=timezone.localdate(moment), marked_at=moment
            )
        )
        return moment

    def save(self):
        RouteEnrolment.objects.bulk_create(self.enrolments, batch_size=500)
        StepDone.objects.bulk_create(self.marks, batch_size=500)
        return {"enrolments": len(self.enrolments), "marks": len(self.marks)}
