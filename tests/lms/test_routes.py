"""A launch into a learning route opens the route's screen; finishing the route sends 1 of 1."""

import json

import pytest
from django.core.management import call_command

from tests import factories
from tests.helpers.routes import RouteFrontend, steps
from tests.lms.test_launch import assert_refused, fragment_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def route(db):
    return factories.route(
        [{"title": "Loop een dienst mee", "duration_minutes": 60}],
        title="Inwerkroute begeleider",
        slug="inwerkroute-begeleider",
    )


def test_finishing_a_launched_route_sends_one_of_one(lms, registered, route, send, platform):
    response = lms.launch(custom={"route": route.slug})
    location, token = fragment_token(response)
    assert location.geturl().startswith("http://localhost/leerroutes/inwerkroute-begeleider/#")

    browser = RouteFrontend(send, token)
    browser.start(route)
    browser.mark(route, steps(route)[0])
    call_command("send_lms_scores", stdout=open("/dev/null", "w"))  # noqa: SIM115

    [(_path, _headers, body)] = platform.posted("/lineitems/")
    score = json.loads(body)
    assert (score["scoreGiven"], score["scoreMaximum"], score["activityProgress"]) == (
        1,
        1,
        "Completed",
    )


def test_the_route_path_follows_the_setting(lms, registered, route, settings):
    settings.BORG_LEARNING = {
        "LMS_ROUTE_PATH": "/routes/{slug}",
        "FRONTEND_URL": "https://leren.deborg.nl",
    }
    location, _token = fragment_token(lms.launch(custom={"route": route.slug}))
    assert location.geturl().startswith("https://leren.deborg.nl/routes/inwerkroute-begeleider#")


def test_a_draft_route_is_refused(lms, registered):
    draft = factories.route(title="Nog niet af", publish=False)
    assert_refused(lms.launch(custom={"route": draft.slug}), 404, "not (or no longer) published")
