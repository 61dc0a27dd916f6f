"""The learner's leaderboard membership in the export of everything kept about them
(deleted with the learner: the row cascades)."""

from borg_learning.leaderboards.models import LeaderboardMembership
from borg_learning.learners.models import Learner


def exported(learner: Learner) -> dict:
    membership = (
        LeaderboardMembership.objects.select_related("organisation").filter(learner=learner).first()
    )
    if membership is None:
        return {"leaderboard_membership": None}
    return {
        "leaderboard_membership": {
            "pseudonym": membership.pseudonym,
            "organisation": membership.organisation.slug if membership.organisation else None,
            "joined_at": membership.joined_at,
        }
    }
