"""Routes over GraphQL: published routes for a role, a route's steps, and only what the
request may see."""

import pytest

from tests import factories
from tests.helpers.routes import ROUTE, steps

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]


def test_routes_are_listed_per_role(browser, route, module):
    factories.route(
        [module], title="Inwerkroute psycholoog", audience_roles=["starting-psychologist"]
    )
    assert [item["title"] for item in browser.routes()] == [
        "Inwerkroute begeleider",
        "Inwerkroute psycholoog",
    ]
    found = browser.routes("support-worker")
    assert [(item["slug"], item["audienceRoles"]) for item in found] == [
        ("inwerkroute-begeleider", [{"slug": "support-worker", "label": "Begeleider"}])
    ]
    assert browser.routes("physician") == []


def test_a_route_shows_its_story_and_steps_in_order(browser, route, module, part, offering):
    module.refresh_from_db()
    part.refresh_from_db()
    found = browser.route("inwerkroute-begeleider")
    first, second, third, fourth = steps(route)
    assert found["intro"] == "<p>Zo werk je in.</p>"
    assert [(step["id"], step["kind"], step["title"]) for step in found["steps"]] == [
        (str(first.pk), "MODULE", "Grenzen stellen"),
        (str(second.pk), "PART", "Onderdeel 1"),
        (str(third.pk), "OFFER", "Basiscursus LVB"),
        (str(fourth.pk), "ASSIGNMENT", "Loop een dienst mee"),
    ]
    module_step, part_step, offer_step, assignment = found["steps"]
    assert module_step["module"] == {
        "id": str(module.pk),
        "title": "Grenzen stellen",
        "kind": "BASIC",
        "path": "/leeromgeving/modules/grenzen-stellen/",
    }
    assert module_step["part"] is None and module_step["offering"] is None
    assert part_step["part"] == {
        "id": str(part.pk),
        "title": "Onderdeel 1",
        "path": "/leeromgeving/modules/sgg/onderdeel-1/",
    }
    assert offer_step["offering"]["title"] == "Basiscursus LVB"
    assert offer_step["durationMinutes"] == 90 and offer_step["markedByLearner"] is True
    assert assignment == assignment | {
        "description": "Met je werkbegeleider, op je eigen groep.",
        "withinDays": 14,
        "durationMinutes": 240,
        "markedByLearner": True,
        "module": None,
    }
    assert module_step["markedByLearner"] is False
    assert module_step["durationMinutes"] == -(-module.estimated_duration_seconds // 60)
    assert found["durationMinutes"] == -(
        -(module.estimated_duration_seconds + part.estimated_duration_seconds + 330 * 60) // 60
    )


def test_an_unknown_or_draft_route_is_not_found(browser, module):
    draft = factories.route([module], title="Nog niet af", publish=False)
    assert browser.route("bestaat-niet") is None
    assert browser.route(draft.slug) is None
    assert browser.routes() == []
    assert browser.route("x" * 5000) is None


def test_steps_on_hidden_pages_or_inactive_offers_are_left_out(
    browser, route, module, part, offering
):
    factories.restrict(module, "login")
    factories.unpublish(part)
    offering.active = False
    offering.save()
    found = browser.route(route.slug)
    assert [step["kind"] for step in found["steps"]] == ["ASSIGNMENT"]
    assert found["durationMinutes"] == 240


def test_a_signed_in_user_sees_a_login_only_module_step(client, browser, route, module):
    factories.restrict(module, "login")
    client.force_login(factories.user("leerling"))
    assert [step["kind"] for step in browser.route(route.slug)["steps"]] == [
        "MODULE",
        "PART",
        "OFFER",
        "ASSIGNMENT",
    ]


def test_a_draft_of_a_published_route_is_not_shown(browser, route):
    route.title = "Nieuwe naam"
    route.save_revision()
    assert browser.route(route.slug)["title"] == "Inwerkroute begeleider"


def many_steps(section, offering, count):
    """``count`` steps, a quarter of each kind."""
    made = []
    for number in range(count):
        kind = number % 4
        if kind == 0:
            made.append(factories.basic_module(section, f"Module {number}"))
        elif kind == 1:
            module = factories.specialist_module(section, f"Specialistisch {number}", parts=1)
            made.append(module.get_children().first().specific)
        elif kind == 2:
            made.append(factories.OfferingFactory(provider=offering.provider))
        else:
            made.append({"title": f"Opdracht {number}", "duration_minutes": 30})
    return made


def test_a_route_costs_the_same_for_3_and_30_steps(
    client, section, offering, django_assert_num_queries
):
    from tests.helpers.graphql import count_queries

    small = factories.route(many_steps(section, offering, 4), slug="klein")
    large = factories.route(many_steps(section, offering, 32), slug="groot")
    small_count, small_answer = count_queries(client, ROUTE, {"slug": small.slug})
    large_count, large_answer = count_queries(client, ROUTE, {"slug": large.slug})
    assert len(small_answer["data"]["route"]["steps"]) == 4
    assert len(large_answer["data"]["route"]["steps"]) == 32
    assert small_count == large_count == 11
