"""Challenges as a frontend asks for them, and a learner's done work placed in time."""

from borg_learning.learners.models import Completion
from tests.helpers.graphql import screen_query
from tests.helpers.learners import Frontend

CHALLENGES = screen_query("challenges")
MY_CHALLENGES = screen_query("my_challenges")


class ChallengeFrontend(Frontend):
    def challenges(self, active=True):
        return self.send(CHALLENGES, {"active": active})["challenges"]

    def my_challenges(self, active=True):
        return self.send(MY_CHALLENGES, {"active": active})["me"]["challenges"]


def completed(learner, page, at, module=None):
    """A completion of ``page`` at the moment ``at`` (a module as a whole when ``module``
    is ``page``; a microlesson without module)."""
    return Completion.objects.create(learner=learner, page=page, module=module, completed_at=at)
