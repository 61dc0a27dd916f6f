"""What the routes app does when learners complete pages or are merged."""

from borg_learning import signals
from borg_learning.learners.signals import learners_merged
from borg_learning.routes import progress
from borg_learning.routes.models import RouteEnrolment, StepDone


def page_completed(sender, learner, module_id, page_id=None, **kwargs):
    """A part or module completed (sent after its commit): routes with a step on it may
    be complete now."""
    progress.complete_open_routes(learner.pk, page_id if page_id is not None else module_id)


def move_route_rows(sender, source, target, **kwargs):
    """An anonymous learner merged into a signed-in user's (inside the merge's
    transaction, both rows locked): their routes and marks move along; the earliest start,
    completion and date win. Routes the union completes are completed now."""
    ours = {row.route_id: row for row in RouteEnrolment.objects.filter(learner=target)}
    for theirs in RouteEnrolment.objects.filter(learner=source):
        mine = ours.get(theirs.route_id)
        if mine is None:
            RouteEnrolment.objects.filter(pk=theirs.pk).update(learner=target)
            continue
        mine.started_at = min(mine.started_at, theirs.started_at)
        dates = [date for date in (mine.completed_at, theirs.completed_at) if date]
        mine.completed_at = min(dates) if dates else None
        mine.save(update_fields=["started_at", "completed_at"])
    marked = {row.step_id: row for row in StepDone.objects.filter(learner=target)}
    for theirs in StepDone.objects.filter(learner=source):
        mine = marked.get(theirs.step_id)
        if mine is None:
            StepDone.objects.filter(pk=theirs.pk).update(learner=target)
        elif theirs.done_on < mine.done_on:
            mine.done_on = theirs.done_on
            mine.save(update_fields=["done_on"])
    progress.complete_routes(
        target,
        RouteEnrolment.objects.filter(learner=target, completed_at__isnull=True).select_related(
            "route"
        ),
    )


def connect():
    signals.part_completed.connect(page_completed, dispatch_uid="borg_learning_routes_part")
    signals.module_completed.connect(page_completed, dispatch_uid="borg_learning_routes_module")
    learners_merged.connect(move_route_rows, dispatch_uid="borg_learning_routes_merge")
