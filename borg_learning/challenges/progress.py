"""A learner's progress on challenges, and storing the moment they reach one, once.

``progress()`` counts, for any number of challenges, in a fixed number of queries (see
``goals``). ``complete_reached()`` runs after an event of the learner (``receivers``):
inside a transaction with the learner's row locked (as the learners app writes), it
stores a ``ChallengeCompletion`` for each running challenge whose target the learner has
reached and that they had not completed, and sends ``challenge_completed`` once for each,
after the commit. The unique constraint refuses a second row should a writer ever get
past the lock.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from borg_learning.challenges import signals
from borg_learning.challenges.goals import LearnerActivity
from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.learners import identity
from borg_learning.learners.models import Learner
from borg_learning.signals import send_after_commit


@dataclass
class ChallengeProgress:
    challenge: Challenge
    done: int
    #: When the learner reached the target (as stored once they did); None while not.
    completed_at: datetime.datetime | None

    @property
    def target(self):
        return self.challenge.target

    @property
    def completed(self):
        return self.completed_at is not None


def progress(learner: Learner | None, challenges) -> list[ChallengeProgress]:
    """The learner's progress on each of ``challenges`` (a learner of None: nothing done)."""
    challenges = list(challenges)
    if learner is None or not challenges:
        return [ChallengeProgress(challenge, 0, None) for challenge in challenges]
    activity = LearnerActivity(learner, challenges)
    stored = dict(
        ChallengeCompletion.objects.filter(
            learner=learner, challenge__in=[challenge.pk for challenge in challenges]
        ).values_list("challenge_id", "completed_at")
    )
    found = []
    for challenge in challenges:
        count = activity.count(challenge)
        # Reached before the challenge was made: stored at the learner's next event, with
        # this same moment.
        found.append(
            ChallengeProgress(challenge, count.done, stored.get(challenge.pk, count.reached_at))
        )
    return found


def complete_reached(learner_id: int, goals=None) -> list[int]:
    """Store the running challenges (of ``goals``, else of any goal) the learner reached
    now; the ids of those completed by this call."""
    open_challenges = Challenge.objects.active().exclude(completions__learner_id=learner_id)
    if goals is not None:
        open_challenges = open_challenges.filter(goal__in=list(goals))
    if not open_challenges.exists():
        return []  # the common case: one query, no lock
    with transaction.atomic():
        learner = identity.lock(learner_id)
        if learner is None:
            return []
        candidates = list(open_challenges)  # again, now that the learner is locked
        activity = LearnerActivity(learner, candidates)
        completed = []
        for challenge in candidates:
            reached_at = activity.count(challenge).reached_at
            if reached_at is not None and store(learner, challenge, reached_at):
                completed.append(challenge.pk)
        return completed


def store(learner: Learner, challenge: Challenge, completed_at) -> bool:
    """The completion, in a savepoint; False when it was stored before."""
    try:
        with transaction.atomic():
            ChallengeCompletion.objects.create(
                learner=learner, challenge=challenge, completed_at=completed_at
            )
    except IntegrityError:
        return False
    announce(learner, challenge.pk)
    return True


def announce(learner: Learner, challenge_id: int) -> None:
    send_after_commit(
        signals.challenge_completed, sender=Learner, learner=learner, challenge_id=challenge_id
    )
