"""The demo's learning routes: one per role, valid, published, made of the demo's
modules, parts, offers and assignments, each with an image; loading again changes
nothing."""

import json
from pathlib import Path

import pytest

from borg_learning.routes.models import Route, RouteStep
from demo import content

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def test_there_is_a_route_for_a_support_worker_and_one_for_a_starting_psychologist(loaded):
    routes = {route.slug: route for route in Route.objects.all()}
    assert set(routes) == {"inwerkroute-begeleider", "inwerkroute-startend-basispsycholoog"}
    assert routes["inwerkroute-begeleider"].audience_roles == ["support-worker"]
    assert routes["inwerkroute-startend-basispsycholoog"].audience_roles == [
        "starting-psychologist"
    ]
    for route in routes.values():
        assert route.live and not route.has_unpublished_changes
        assert route.intro
        # One of the demo's module images, 16:9 like the rendition the frontend asks for.
        assert route.image.title in {"SGLVG: meer dan een LVB", "Observeren of interpreteren?"}
        assert route.image.width * 9 == route.image.height * 16
        steps = list(route.steps.all())
        kinds = {step.kind for step in steps}
        assert {"module", "offer", "assignment"} <= kinds, route.slug
        for step in steps:
            step.clean()
            assert step.target is not None or step.kind == "assignment"
        assert route.duration_seconds() > 0
    assert "part" in {step.kind for step in routes["inwerkroute-begeleider"].steps.all()}


def test_loading_again_makes_no_route(loaded):
    before = (Route.objects.count(), RouteStep.objects.count())
    report = content.load()
    assert (Route.objects.count(), RouteStep.objects.count()) == before
    assert "Learning routes: 0 created, 2 existing" in report


def test_the_api_shows_the_routes_per_role(loaded, graphql):
    query = (QUERIES / "routes.graphql").read_text()
    answer = graphql(query, {"role": "starting-psychologist"})
    assert "errors" not in answer, answer
    (route,) = answer["data"]["routes"]
    assert route["title"] == "Inwerkroute startend basispsycholoog"
    assert len(route["steps"]) == 5 and route["durationMinutes"] > 0
    detail = graphql(
        (QUERIES / "route.graphql").read_text(), {"slug": "inwerkroute-startend-basispsycholoog"}
    )
    steps = detail["data"]["route"]["steps"]
    assert [step["kind"] for step in steps] == [
        "MODULE",
        "MICROLESSON",
        "MODULE",
        "OFFER",
        "ASSIGNMENT",
    ]
    assert steps[1]["microlesson"]["title"] == "Observeren of interpreteren?"
    detail = graphql((QUERIES / "route.graphql").read_text(), {"slug": "inwerkroute-begeleider"})
    assert "errors" not in detail, detail
    assert [step["kind"] for step in detail["data"]["route"]["steps"]] == [
        "MODULE",
        "PART",
        "PART",
        "OFFER",
        "ASSIGNMENT",
    ]
    image = detail["data"]["route"]["image"]["rendition"]
    assert (image["width"], image["height"]) == (800, 450)
    json.dumps(detail)
