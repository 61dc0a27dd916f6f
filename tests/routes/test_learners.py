"""A learner's routes in ``me`` at a fixed cost; and their route data moves when they
sign in, is deleted when they are forgotten, and tells other features what they completed."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borg_learning.learners.models import Learner
from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.routes.models import RouteEnrolment, StepDone
from borg_learning.routes.reading import completed_routes, route_completion
from tests import factories
from tests.helpers.graphql import count_queries
from tests.helpers.learners import FORGET_ME, complete_page
from tests.helpers.routes import MY_ROUTES, steps

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]


def make_routes(section, learner, count, start=0):
    """``count`` started routes of four steps each (a module, a part, an offer and an
    assignment), the module completed and the offer marked."""
    for number in range(start, start + count):
        module = factories.basic_module(section, f"Module {number}")
        specialist = factories.specialist_module(section, f"Specialistisch {number}", parts=1)
        made = factories.route(
            [
                module,
                specialist.get_children().first().specific,
                factories.OfferingFactory(),
                {"title": f"Opdracht {number}", "duration_minutes": 30, "within_days": 7},
            ],
            image=factories.image(title=f"Route {number}"),
        )
        RouteEnrolment.objects.create(learner=learner, route=made)
        factories.completion(learner, module)
        StepDone.objects.create(
            learner=learner, step=steps(made)[2], done_on=datetime.date(2026, 1, 1)
        )


def test_me_costs_the_same_for_1_and_10_routes(client, section):
    learner, token = factories.learner()
    someone_else, _ = factories.learner()
    make_routes(section, learner, 1)
    make_routes(section, someone_else, 2, start=100)  # rows me must not load
    client.defaults["HTTP_X_LEARNER_TOKEN"] = token
    small_count, small = count_queries(client, MY_ROUTES)
    make_routes(section, learner, 9, start=1)
    large_count, large = count_queries(client, MY_ROUTES)
    assert len(small["data"]["me"]["routes"]) == 1
    routes = large["data"]["me"]["routes"]
    assert len(routes) == 10
    assert {(item["stepsDone"], item["stepsTotal"]) for item in routes} == {(2, 4)}
    assert small_count == large_count == 13


def test_me_reads_only_the_learners_own_route_rows(client, section):
    learner, token = factories.learner()
    someone_else, _ = factories.learner()
    make_routes(section, learner, 1)
    make_routes(section, someone_else, 1, start=100)
    client.defaults["HTTP_X_LEARNER_TOKEN"] = token
    with CaptureQueriesContext(connection) as queries:
        client.post("/graphql/", {"query": MY_ROUTES}, content_type="application/json")
    own = [
        query["sql"]
        for query in queries
        if "borg_learning_routes_routeenrolment" in query["sql"]
        or "borg_learning_routes_stepdone" in query["sql"]
    ]
    assert own and all(f'"learner_id" = {learner.pk}' in sql for sql in own), own


def test_hidden_steps_and_unpublished_routes_are_not_in_me(browser, route, module, part):
    browser.start(route)
    factories.restrict(module, "login")
    assert [item["step"]["kind"] for item in browser.my_routes()[0]["steps"]] == [
        "PART",
        "OFFER",
        "ASSIGNMENT",
    ]
    route.unpublish()
    assert browser.my_routes() == []


def test_signing_in_brings_the_routes_along(client, browser, route, module):
    _module_step, _part_step, offer, assignment = steps(route)
    user = factories.user("leerling")
    own, _token = factories.learner(user=user)
    RouteEnrolment.objects.create(learner=own, route=route)
    StepDone.objects.create(learner=own, step=assignment, done_on=datetime.date(2026, 3, 1))
    browser.start(route)
    browser.mark(route, offer, datetime.date(2026, 2, 1))
    browser.mark(route, assignment, datetime.date(2026, 2, 2))
    other = factories.route([module], title="Alleen de module")
    browser.start(other)
    anonymous = Learner.objects.get(user__isnull=True)

    client.force_login(user)
    mine = browser.my_routes()
    assert not Learner.objects.filter(pk=anonymous.pk).exists()
    assert set(RouteEnrolment.objects.values_list("learner", flat=True)) == {own.pk}
    assert [item["route"]["title"] for item in mine] == [
        "Alleen de module",
        "Inwerkroute begeleider",
    ]
    done = {item["step"]["id"]: item["doneOn"] for item in mine[1]["steps"] if item["done"]}
    assert done == {str(offer.pk): "2026-02-01", str(assignment.pk): "2026-02-02"}


def test_forgetting_a_learner_deletes_their_routes(browser, browsers, route):
    other = browsers()
    other.start(route)
    browser.start(route)
    browser.mark(route, steps(route)[3])
    answer = browser.graphql(FORGET_ME, HTTP_X_LEARNER_TOKEN=browser.token)
    assert answer["data"]["forgetMe"]["ok"] is True
    assert list(RouteEnrolment.objects.values_list("learner", flat=True)) == [
        Learner.objects.get().pk
    ]
    assert StepDone.objects.count() == 0


def test_other_features_ask_which_routes_a_learner_completed(browser, route, module, part):
    _first, _second, offer, assignment = steps(route)
    browser.start(route)
    learner = Learner.objects.get()
    assert completed_routes(learner) == [] and route_completion(learner, route) is None
    complete_page(browser, module)
    complete_page(browser, part)
    browser.mark(route, offer)
    browser.mark(route, assignment)
    (done,) = completed_routes(learner)
    module.refresh_from_db()
    part.refresh_from_db()
    assert done.title == "Inwerkroute begeleider" and done.route == route
    assert done.completed_at == RouteEnrolment.objects.get().completed_at
    assert done.duration_minutes == -(
        -(module.estimated_duration_seconds + part.estimated_duration_seconds + 330 * 60) // 60
    )
    assert route_completion(learner, route.pk) == done
    assert completed_routes(None) == []


def test_a_completed_route_counts_its_microlessons_in_a_fixed_number_of_queries(section):
    """A microlesson step's page is a plain Page; its length is loaded with the others."""
    learner = Learner.objects.create()
    theme = factories.ThemeFactory()
    long_text = [("text", {"text": factories.paragraph(150)})]  # about 45 seconds each

    def completed_route(lessons):
        made = factories.route(
            [factories.microlesson(section, theme=theme, body=long_text) for _ in range(lessons)]
        )
        RouteEnrolment.objects.create(
            learner=learner, route=made, completed_at=datetime.datetime.now(datetime.UTC)
        )
        return made

    completed_route(1)
    with CaptureQueriesContext(connection) as one:
        completed_routes(learner)
    completed_route(3)
    with CaptureQueriesContext(connection) as more:
        done = completed_routes(learner)
    assert len(one) == len(more)
    lesson = MicrolessonPage.objects.first().estimated_duration_seconds
    assert lesson > 30
    assert [route.duration_minutes for route in done] == [
        -(-lesson // 60),
        -(-3 * lesson // 60),
    ]
