"""The learner's completed challenges in the export of everything kept about them
(deleted with the learner: the rows cascade)."""

from borg_learning.challenges.models import ChallengeCompletion
from borg_learning.learners.models import Learner


def exported(learner: Learner) -> dict:
    return {
        "challenge_completions": [
            {
                "challenge": str(done.challenge_id),
                "title": done.challenge.title,
                "goal": done.challenge.goal,
                "target": done.challenge.target,
                "completed_at": done.completed_at,
            }
            for done in ChallengeCompletion.objects.filter(learner=learner)
            .select_related("challenge")
            .order_by("completed_at", "pk")
        ]
    }
