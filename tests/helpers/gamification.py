"""Points and the streak as a frontend asks for them."""

from tests.helpers.graphql import screen_query
from tests.helpers.learners import Frontend

MY_POINTS = screen_query("my_points")
PLAN_FREEZE = screen_query("plan_streak_freeze")
CANCEL_FREEZE = screen_query("cancel_streak_freeze")


class GamificationFrontend(Frontend):
    def points(self, recent=None):
        return self.send(MY_POINTS, {"recent": recent})["me"]

    def plan_freeze(self, *dates):
        variables = {"input": {"dates": [str(day) for day in dates]}}
        return self.send(PLAN_FREEZE, variables)["planStreakFreeze"]

    def cancel_freeze(self, *dates):
        variables = {"input": {"dates": [str(day) for day in dates]}}
        return self.send(CANCEL_FREEZE, variables)["cancelStreakFreeze"]
