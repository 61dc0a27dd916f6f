"""Following a route: starting it, marking offers and assignments done, completing it
once; and every bad request refused with a code, nothing stored."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.learners.models import Learner
from borg_learning.routes.models import RouteEnrolment, StepDone
from tests import factories
from tests.helpers.learners import codes, complete_page
from tests.helpers.routes import steps

pytestmark = pytest.mark.django_db


def stored():
    return (
        Learner.objects.count(),
        list(RouteEnrolment.objects.values_list("learner", "route", "completed_at")),
        list(StepDone.objects.values_list("learner", "step", "done_on")),
    )


def test_starting_a_route_starts_a_learner(browser, route):
    payload = browser.start(route)
    assert payload["ok"] is True and payload["errors"] == []
    assert payload["learnerToken"] and browser.token == payload["learnerToken"]
    assert payload["progress"] | {"startedAt": None} == {
        "startedAt": None,
        "completed": False,
        "stepsDone": 0,
        "stepsTotal": 4,
    }
    again = browser.start(route)
    assert again["learnerToken"] is None and RouteEnrolment.objects.count() == 1


def test_me_shows_the_started_routes_with_deadlines(browser, route, module):
    other = factories.route([module], title="Tweede route")
    browser.start(route)
    browser.start(other)
    mine = browser.my_routes()
    assert [item["route"]["title"] for item in mine] == ["Tweede route", "Inwerkroute begeleider"]
    steps_ = mine[1]["steps"]
    today = timezone.localdate()
    assert [(item["step"]["kind"], item["done"], item["dueOn"]) for item in steps_] == [
        ("MODULE", False, None),
        ("PART", False, None),
        ("OFFER", False, None),
        ("ASSIGNMENT", False, str(today + datetime.timedelta(days=14))),
    ]
    assert not any(item["overdue"] for item in steps_)


def test_an_overdue_step_says_so(browser, route):
    browser.start(route)
    RouteEnrolment.objects.update(started_at=timezone.now() - datetime.timedelta(days=20))
    assignment = browser.my_routes()[0]["steps"][3]
    assert assignment["overdue"] is True


def test_completing_every_step_completes_the_route_once(
    browser, route, module, part, completed_routes
):
    first, second, offer, assignment = steps(route)
    browser.start(route)
    complete_page(browser, module)
    complete_page(browser, part)
    payload = browser.mark(route, offer, datetime.date(2026, 1, 5))
    assert payload["progress"]["stepsDone"] == 3 and payload["progress"]["completed"] is False
    assert completed_routes == []
    payload = browser.mark(route, assignment)
    assert payload["ok"] is True
    assert payload["progress"]["completed"] is True and payload["progress"]["stepsDone"] == 4
    assert [(step["done"], step["doneOn"]) for step in payload["progress"]["steps"]][2] == (
        True,
        "2026-01-05",
    )
    learner = Learner.objects.get()
    assert [(event["learner"], event["route_id"]) for event in completed_routes] == [
        (learner, route.pk)
    ]
    browser.mark(route, assignment)  # again: the date moves, nothing is announced
    browser.unmark(route, offer)
    browser.mark(route, offer)
    assert len(completed_routes) == 1
    assert browser.my_routes()[0]["completed"] is True  # kept


def test_a_route_completes_when_its_last_page_is_completed(
    browser, route, module, part, completed_routes
):
    _first, _second, offer, assignment = steps(route)
    browser.start(route)
    browser.mark(route, offer)
    browser.mark(route, assignment)
    complete_page(browser, part)
    assert completed_routes == []
    complete_page(browser, module)
    assert len(completed_routes) == 1
    assert browser.my_routes()[0]["completed"] is True


def test_a_microlesson_step_is_shown_and_done_when_the_microlesson_is_completed(
    browser, module, section, completed_routes
):
    lesson = factories.microlesson(section, "Even ademhalen", theme=factories.ThemeFactory())
    route = factories.route([lesson, module], title="Kort en goed")
    shown = browser.route(route.slug)["steps"][0]
    assert (shown["kind"], shown["title"], shown["markedByLearner"]) == (
        "MICROLESSON",
        "Even ademhalen",
        False,
    )
    assert shown["microlesson"]["path"] == "/leeromgeving/modules/even-ademhalen/"
    assert shown["module"] is None and shown["durationMinutes"] == 1
    browser.start(route)
    lesson_step = steps(route)[0]
    before = stored()
    assert codes(browser.mark(route, lesson_step)) == ["NOT_MARKABLE"]
    assert stored() == before
    complete_page(browser, lesson)
    assert [step["done"] for step in browser.my_routes()[0]["steps"]] == [True, False]
    complete_page(browser, module)
    assert len(completed_routes) == 1


def test_a_route_whose_steps_were_done_before_completes_when_started(
    browser, module, completed_routes
):
    complete_page(browser, module)
    only_module = factories.route([module], title="Alleen de basis")
    payload = browser.start(only_module)
    assert payload["progress"]["completed"] is True
    assert len(completed_routes) == 1


def test_a_module_step_cannot_be_marked_by_hand(browser, route):
    module_step = steps(route)[0]
    browser.start(route)
    before = stored()
    assert codes(browser.mark(route, module_step)) == ["NOT_MARKABLE"]
    assert stored() == before


def test_bad_marks_are_refused_and_store_nothing(browser, route, module):
    offer = steps(route)[2]
    other = factories.route([{"title": "Elders", "duration_minutes": 5}], title="Andere route")
    assert codes(browser.mark(route, offer)) == ["NO_LEARNER"]
    browser.start(route)
    before = stored()
    assert codes(browser.mark("bestaat-niet", offer)) == ["UNKNOWN_ROUTE"]
    assert codes(browser.mark(route, steps(other)[0])) == ["UNKNOWN_STEP"]  # another route's
    assert codes(browser.mark(route, "x")) == ["UNKNOWN_STEP"]
    assert codes(browser.mark(other, steps(other)[0])) == ["NOT_STARTED"]
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert codes(browser.mark(route, offer, tomorrow)) == ["INVALID_DATE"]
    assert codes(browser.unmark(route, steps(route)[0])) == ["NOT_MARKABLE"]
    assert stored() == before


def test_a_token_of_no_learner_is_refused(browsers, route):
    stranger = browsers("A" * 43)
    assert codes(stranger.answer(*stranger_start(route))["data"]["startRoute"]) == [
        "UNKNOWN_LEARNER"
    ]
    assert Learner.objects.count() == 0


def stranger_start(route):
    from tests.helpers.routes import START

    return START, {"route": route.slug}


def test_an_unknown_or_draft_route_cannot_be_started(browser, module):
    draft = factories.route([module], publish=False)
    assert codes(browser.send(*stranger_start(draft))["startRoute"]) == ["UNKNOWN_ROUTE"]
    assert stored() == (0, [], [])


def test_an_inactive_offer_cannot_be_marked(browser, route, offering):
    browser.start(route)
    offering.active = False
    offering.save()
    assert codes(browser.mark(route, steps(route)[2])) == ["UNKNOWN_STEP"]
