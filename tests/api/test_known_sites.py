"""The request's Wagtail site is looked up once per process until a site or the tree
changes (``borg_learning.sites``), never kept past such a change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests import factories

pytestmark = pytest.mark.django_db

QUERY = "{ learningEnvironment { title } modules { items { title } } }"


def site_queries(graphql, query=QUERY):
    with CaptureQueriesContext(connection) as captured:
        answer = graphql(query)
    assert "errors" not in answer, answer
    return answer["data"], sum("wagtailcore_site" in q["sql"] for q in captured.captured_queries)


def test_a_public_answer_finds_its_site_once_per_process(graphql):
    environment = factories.learning_environment()
    factories.basic_module(environment, title="Grenzen stellen")
    factories.basic_module(environment, title="Agressie")

    # Each another query, so executed rather than served from the response cache.
    looked_up = [site_queries(graphql, f"{{ a{n}: {QUERY[2:]}")[1] for n in range(3)]
    data, again = site_queries(graphql, "{ learningEnvironment { title slug } }")

    # Making the site started the sites' generation: the first keeps its site, the rest
    # use it.
    assert looked_up == [1, 0, 0]
    assert again == 0
    assert data["learningEnvironment"] == {"title": "Leeromgeving", "slug": "leeromgeving"}


def test_a_site_given_another_root_is_followed_at_once(graphql):
    first = factories.learning_environment(title="Eerste", slug="eerste")
    other_home = factories.home_page().add_sibling(
        instance=factories.HomePage(title="Andere", slug="andere")
    )
    factories.learning_environment(parent=other_home, title="Tweede", slug="tweede")
    for n in range(3):
        data, _queries = site_queries(graphql, f"{{ a{n}: {QUERY[2:]}")
    assert data[f"a{n}"] == {"title": first.title}

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()
    data, queries = site_queries(graphql)

    assert data["learningEnvironment"] == {"title": "Tweede"}
    assert queries == 1


def test_a_moved_root_is_followed_at_once(graphql):
    factories.learning_environment(title="Eerste", slug="eerste")
    for n in range(3):
        site_queries(graphql, f"{{ a{n}: {QUERY[2:]}")
    site = Site.objects.get(is_default_site=True)
    holder = factories.home_page().add_sibling(instance=factories.HomePage(title="Map", slug="map"))

    site.root_page.move(holder, pos="last-child")
    data, queries = site_queries(graphql)

    assert data["learningEnvironment"] == {"title": "Eerste"}
    assert queries == 1
