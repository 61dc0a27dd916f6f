"""The learner's routes in the export of everything kept about them."""

from borg_learning.learners.models import Learner
from borg_learning.routes.models import RouteEnrolment, StepDone


def exported(learner: Learner) -> dict:
    return {
        "routes": [
            {
                "route": enrolment.route.slug,
                "title": enrolment.route.title,
                "started_at": enrolment.started_at,
                "completed_at": enrolment.completed_at,
            }
            for enrolment in RouteEnrolment.objects.filter(learner=learner)
            .select_related("route")
            .order_by("started_at", "pk")
        ],
        "route_steps_done": [
            {
                "route": done.step.route.slug,
                "step": str(done.step_id),
                "kind": done.step.kind,
                "done_on": done.done_on,
                "marked_at": done.marked_at,
            }
            for done in StepDone.objects.filter(learner=learner)
            .select_related("step__route")
            .order_by("marked_at", "pk")
        ],
    }
