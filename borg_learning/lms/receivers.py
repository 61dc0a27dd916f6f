"""The LMS link listens to the domain events, which come after the commit: a score for the
LMS when a learner completes what they launched (a module, a part or a route), and xAPI
statements for the LRS of an LMS that wants them. Both are stored here and sent later.
A learner from an LMS who signs in keeps their link to it (with its launches, scores and
statements) on the learner they are merged into."""

import functools

from django.apps import apps

from borg_learning import signals
from borg_learning.learners.signals import learners_merged
from borg_learning.lms import grading, recording
from borg_learning.lms.models import PlatformLearner, TargetKind


def on_module_completed(sender, learner, module_id, **kwargs):
    """The grade and the statements of a completed module share its exercise score,
    computed at most once; the statements are stored even when the grade fails."""
    judged = functools.cache(
        functools.partial(grading.exercise_score, learner, module_id, module_id)
    )
    try:
        grading.record_page(learner, module_id, module_id, judged=judged)
    finally:
        recording.on_module_completed(sender, learner=learner, module_id=module_id, judged=judged)


def on_part_completed(sender, learner, module_id, page_id, **kwargs):
    grading.record_page(learner, page_id, module_id)


def on_route_completed(sender, learner, route_id, **kwargs):
    grading.record(learner, TargetKind.ROUTE, route_id)


def on_learners_merged(sender, source, target, **kwargs):
    PlatformLearner.objects.filter(learner=source).update(learner=target)


def connect():
    learners_merged.connect(on_learners_merged, dispatch_uid="borg_learning_lms.merge")
    signals.module_completed.connect(on_module_completed, dispatch_uid="borg_learning_lms.module")
    signals.part_completed.connect(on_part_completed, dispatch_uid="borg_learning_lms.part")
    xapi = {
        signals.exercise_answered: recording.on_exercise_answered,
        signals.part_completed: recording.on_part_completed,
    }
    for signal, receiver in xapi.items():
        signal.connect(receiver, dispatch_uid=f"borg_learning_lms.xapi.{receiver.__name__}")
    if apps.is_installed("borg_learning.routes"):
        from borg_learning.routes.signals import route_completed

        route_completed.connect(on_route_completed, dispatch_uid="borg_learning_lms.route")
        route_completed.connect(
            recording.on_route_completed, dispatch_uid="borg_learning_lms.xapi.route"
        )
