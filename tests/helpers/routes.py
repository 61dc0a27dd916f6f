"""What a frontend sends about learning routes: the documented queries."""

from tests.helpers.graphql import screen_query
from tests.helpers.learners import Frontend

ROUTES = screen_query("routes")
ROUTE = screen_query("route")
MY_ROUTES = screen_query("my_routes")
START = screen_query("start_route")
MARK = screen_query("mark_route_step_done")
UNMARK = screen_query("unmark_route_step_done")


class RouteFrontend(Frontend):
    """A browser following routes; keeps the learner token it is given."""

    def answer(self, query, variables=None):
        """The whole answer, errors included."""
        extra = {"HTTP_X_LEARNER_TOKEN": self.token} if self.token else {}
        return self.graphql(query, variables or {}, **extra)

    def routes(self, role=None):
        return self.send(ROUTES, {"role": role} if role else {})["routes"]

    def route(self, slug):
        return self.send(ROUTE, {"slug": slug})["route"]

    def start(self, route):
        payload = self.send(START, {"route": getattr(route, "slug", route)})["startRoute"]
        if payload["learnerToken"]:
            self.token = payload["learnerToken"]
        return payload

    def mark(self, route, step, done_on=None):
        variables = {"route": getattr(route, "slug", route), "step": str(getattr(step, "pk", step))}
        if done_on is not None:
            variables["doneOn"] = str(done_on)
        return self.send(MARK, variables)["markRouteStepDone"]

    def unmark(self, route, step):
        variables = {"route": getattr(route, "slug", route), "step": str(getattr(step, "pk", step))}
        return self.send(UNMARK, variables)["unmarkRouteStepDone"]

    def my_routes(self):
        me = self.send(MY_ROUTES)["me"]
        return None if me is None else me["routes"]


def steps(route):
    """The route's steps, in order."""
    return list(route.steps.order_by("sort_order", "pk"))
