"""A completed learning route earns a certificate; a learner's routes are in their export."""

import json

import pytest

from borg_learning.certificates.models import Certificate
from tests.helpers.graphql import screen_query
from tests.helpers.learners import EXPORT, complete_page, to_the_millisecond, token_header
from tests.helpers.routes import steps

pytestmark = pytest.mark.django_db

ISSUE = screen_query("issue_certificate")
VERIFY = screen_query("verify_certificate")
MINE = screen_query("my_certificates")


def issue(graphql, token, route_id, name="Anna de Vries"):
    answer = graphql(
        ISSUE, {"input": {"route": str(route_id), "name": name}}, **token_header(token)
    )
    return answer["data"]["issueCertificate"]


def complete(browser, route, module, part):
    _module, _part, offer, assignment = steps(route)
    browser.start(route)
    complete_page(browser, module)
    complete_page(browser, part)
    browser.mark(route, offer)
    browser.mark(route, assignment)


def test_a_completed_route_gets_a_certificate_that_verifies(graphql, browser, route, module, part):
    complete(browser, route, module, part)
    certificate = issue(graphql, browser.token, route.pk)["certificate"]
    assert certificate["title"] == "Inwerkroute begeleider"
    assert certificate["name"] == "Anna de Vries"
    assert certificate["durationMinutes"] == -(-route.duration_seconds() // 60)
    assert certificate["developmentGroup"] is None
    verified = graphql(VERIFY, {"code": certificate["code"]})["data"]["verifyCertificate"]
    assert verified["title"] == "Inwerkroute begeleider"
    mine = graphql(MINE, **token_header(browser.token))["data"]["me"]["certificates"]
    assert mine[0]["subject"] == {
        "kind": "ROUTE",
        "id": str(route.pk),
        "title": "Inwerkroute begeleider",
        "path": None,
        "slug": "inwerkroute-begeleider",
    }


def test_an_unfinished_or_unknown_route_gets_none(graphql, browser, route, module):
    browser.start(route)
    complete_page(browser, module)
    for route_id, code in [(route.pk, "NOT_COMPLETED"), (route.pk + 999, "UNKNOWN_ROUTE")]:
        payload = issue(graphql, browser.token, route_id)
        assert payload["certificate"] is None
        assert [error["code"] for error in payload["errors"]] == [code]
    assert not Certificate.objects.exists()


def test_the_export_holds_the_learners_routes_and_marks(graphql, browser, route, module, part):
    complete(browser, route, module, part)
    answer = graphql(EXPORT, **token_header(browser.token))
    data = json.loads(answer["data"]["exportMyData"]["json"])
    (enrolment,) = data["routes"]
    assert enrolment["route"] == "inwerkroute-begeleider" and enrolment["completedAt"]
    assert [done["kind"] for done in data["routeStepsDone"]] == ["offer", "assignment"]
    # The typed data has the same rows, the step kinds as the API names them.
    typed = answer["data"]["exportMyData"]["data"]
    assert to_the_millisecond(typed["routes"]) == to_the_millisecond(data["routes"])
    assert [done["kind"] for done in typed["routeStepsDone"]] == ["OFFER", "ASSIGNMENT"]
    assert to_the_millisecond(
        {**done, "kind": None} for done in typed["routeStepsDone"]
    ) == to_the_millisecond({**done, "kind": None} for done in data["routeStepsDone"])
