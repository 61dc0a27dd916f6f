"""The leaderboards as a frontend asks for them, and members with points of this week."""

from django.utils import timezone

from borg_learning.gamification.models import PointsAward
from borg_learning.leaderboards.models import LeaderboardMembership
from tests import factories
from tests.helpers.graphql import screen_query
from tests.helpers.learners import Frontend, token_header

BOARD = screen_query("leaderboard")
ORGANISATIONS = screen_query("leaderboard_organisations")
JOIN = screen_query("join_leaderboard")
NEW_PSEUDONYM = screen_query("new_pseudonym")
CHANGE_ORGANISATION = screen_query("change_leaderboard_organisation")
LEAVE = screen_query("leave_leaderboard")


class LeaderboardFrontend(Frontend):
    def join(self, organisation=None):
        return self.send(JOIN, {"input": {"organisation": organisation}})["joinLeaderboard"]

    def new_pseudonym(self):
        return self.send(NEW_PSEUDONYM)["newPseudonym"]

    def change_organisation(self, organisation):
        variables = {"input": {"organisation": organisation}}
        return self.send(CHANGE_ORGANISATION, variables)["changeLeaderboardOrganisation"]

    def leave(self):
        return self.send(LEAVE)["leaveLeaderboard"]

    def board_answer(self, scope="OVERALL"):
        """The whole answer, errors and all (a board too small answers with an error)."""
        return self.graphql(BOARD, {"scope": scope}, **token_header(self.token))

    def board(self, scope="OVERALL"):
        """``me`` of the documented query; the only errors allowed are a board's too small."""
        answer = self.board_answer(scope)
        assert set(error_codes(answer)) <= {"BOARD_TOO_SMALL"}, answer
        return answer["data"]["me"]


def member(pseudonym, points=0, organisation=None, awarded_at=None):
    """``(membership, token)``: a learner on the leaderboards with ``points`` awarded now
    (or at ``awarded_at``)."""
    learner, token = factories.learner()
    membership = LeaderboardMembership.objects.create(
        learner=learner, pseudonym=pseudonym, organisation=organisation
    )
    if points:
        PointsAward.objects.create(
            learner=learner,
            rule="module",
            subject=f"page:{learner.pk}",
            points=points,
            awarded_at=awarded_at or timezone.now(),
        )
    return membership, token


def error_codes(answer):
    return [error["extensions"]["code"] for error in answer.get("errors", [])]
