"""The app's URLs mounted under a prefix, beside wagtail-grapple on ``/graphql/``: both
APIs answer, and a browser's CORS preflight to ours passes with the documented setting."""

import json

import pytest

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.mounted_urls")]

ORIGIN = "http://frontend.test"


@pytest.fixture
def module(environment):
    return factories.basic_module(environment, "Grenzen stellen")


def post(client, url, query):
    response = client.post(url, json.dumps({"query": query}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def site_settings(settings):
    settings.CORS_URLS_REGEX = r"^/learning/(graphql|api)/"
    return settings


def test_ours_below_the_prefix_and_grapple_s_at_the_root(client, module, site_settings):
    ours = post(client, "/learning/graphql/", "{ modules { items { title } } }")
    assert ours == {"data": {"modules": {"items": [{"title": "Grenzen stellen"}]}}}
    grapple = post(client, "/graphql/", "{ pages { title } }")
    assert {"title": "Grenzen stellen"} in grapple["data"]["pages"]


def test_the_rest_api_s_links_keep_the_prefix(client, module, site_settings):
    response = client.get("/learning/api/v2/pages/?type=borg_learning.BasicModulePage")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["meta"]["detail_url"].endswith(f"/learning/api/v2/pages/{module.pk}/")


def test_a_preflight_to_ours_passes_with_the_documented_regex(client, site_settings):
    response = client.options(
        "/learning/graphql/",
        HTTP_ORIGIN=ORIGIN,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, x-learner-token",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "x-learner-token" in response["Access-Control-Allow-Headers"]
