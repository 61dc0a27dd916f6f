"""What the challenges app does when a learner did something, or learners are merged.

Each domain event (sent after its commit) may bring the learner to a running challenge's
target; it checks only the goals that event can move. A receiver is connected only for
an app that is installed.
"""

from django.apps import apps
from django.db import transaction

from borg_learning import signals
from borg_learning.challenges import progress
from borg_learning.challenges.models import ChallengeCompletion, Goal
from borg_learning.learners.signals import learners_merged

#: The goals each event can move: every event is also a learning day.
MOVES = {
    "exercise_answered": {Goal.LEARNING_DAYS},
    "streak_extended": {Goal.LEARNING_DAYS},
    "part_completed": {Goal.PARTS, Goal.LEARNING_DAYS},
    "module_completed": {Goal.MODULES, Goal.LEARNING_DAYS},
    "microlesson_completed": {Goal.MICROLESSONS, Goal.LEARNING_DAYS},
    "review_answered": {Goal.REVIEWS, Goal.RECALLED, Goal.LEARNING_DAYS},
}


def checker(event):
    goals = MOVES[event]

    def receiver(sender, learner, **kwargs):
        progress.complete_reached(learner.pk, goals)

    receiver.__name__ = f"check_challenges_on_{event}"
    return receiver


def move_completions(sender, source, target, **kwargs):
    """An anonymous learner merged into a signed-in user's (inside the merge's
    transaction): their completed challenges move along, the earliest moment wins; after
    the commit, challenges the union reached are completed."""
    ours = {row.challenge_id: row for row in ChallengeCompletion.objects.filter(learner=target)}
    for theirs in ChallengeCompletion.objects.filter(learner=source):
        mine = ours.get(theirs.challenge_id)
        if mine is None:
            ChallengeCompletion.objects.filter(pk=theirs.pk).update(learner=target)
        elif theirs.completed_at < mine.completed_at:
            mine.completed_at = theirs.completed_at
            mine.save(update_fields=["completed_at"])
    # Other apps move their rows (review cards) in the same transaction: count after it.
    target_id = target.pk
    transaction.on_commit(lambda: progress.complete_reached(target_id))


#: Receivers must be kept referenced: signals hold them weakly.
RECEIVERS = {event: checker(event) for event in MOVES}


def connect():
    for name in ("exercise_answered", "streak_extended", "part_completed", "module_completed"):
        getattr(signals, name).connect(RECEIVERS[name], dispatch_uid=f"challenges_{name}")
    if apps.is_installed("borg_learning.microlearning"):
        from borg_learning.microlearning.signals import microlesson_completed

        microlesson_completed.connect(
            RECEIVERS["microlesson_completed"], dispatch_uid="challenges_microlesson_completed"
        )
    if apps.is_installed("borg_learning.reviews"):
        from borg_learning.reviews.signals import review_answered

        review_answered.connect(
            RECEIVERS["review_answered"], dispatch_uid="challenges_review_answered"
        )
    learners_merged.connect(move_completions, dispatch_uid="challenges_merge")
