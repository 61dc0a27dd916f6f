"""A section's modules and a page's children come a page at a time, with their total."""

import pytest

from tests import factories
from tests.helpers.graphql import error_messages, post_query
from tests.helpers.sites import bulk_modules

pytestmark = pytest.mark.django_db

SECTION = """query($id: ID, $limit: Int, $offset: Int) { page(id: $id) {
  ... on LearningSectionPage {
    moduleCount childCount
    modules(limit: $limit, offset: $offset) { title }
    children(limit: $limit, offset: $offset) { title }
  } } }"""


@pytest.fixture
def section(environment):
    section = factories.section(environment, title="Lijst")
    bulk_modules(section, 120)
    return section


def titles(items):
    return [item["title"] for item in items]


def test_a_section_lists_its_modules_a_page_at_a_time(graphql, section):
    page = graphql(SECTION, {"id": section.pk, "limit": 30, "offset": 100})["data"]["page"]
    assert page["moduleCount"] == page["childCount"] == 120
    assert titles(page["modules"]) == [f"Module {number}" for number in range(100, 120)]
    assert titles(page["children"]) == titles(page["modules"])


def test_without_a_limit_a_section_shows_the_default_page_size(graphql, section):
    page = graphql(SECTION, {"id": section.pk})["data"]["page"]
    assert titles(page["modules"]) == [f"Module {number}" for number in range(50)]
    assert page["moduleCount"] == 120


def test_the_count_can_be_asked_without_the_list(graphql, section):
    query = "query($id: ID) { page(id: $id) { ... on LearningSectionPage { moduleCount } } }"
    assert graphql(query, {"id": section.pk})["data"]["page"] == {"moduleCount": 120}


def test_past_the_end_the_list_is_empty_and_the_count_stays(graphql, section):
    page = graphql(SECTION, {"id": section.pk, "limit": 10, "offset": 500})["data"]["page"]
    assert page["modules"] == page["children"] == []
    assert page["moduleCount"] == 120


def test_the_start_page_pages_its_children(graphql, environment):
    for number in range(3):
        factories.section(environment, title=f"Sectie {number}")
    query = "{ learningEnvironment { childCount children(limit: 2, offset: 1) { title } } }"
    answer = graphql(query)["data"]["learningEnvironment"]
    assert answer == {"childCount": 3, "children": [{"title": "Sectie 1"}, {"title": "Sectie 2"}]}


@pytest.mark.parametrize(
    ("limit", "offset", "message"),
    [
        (0, 0, "limit must be between 1 and 100"),
        (-5, 0, "limit must be between 1 and 100"),
        (101, 0, "limit must be between 1 and 100"),
        (10, -1, "offset must be 0 or more; got -1."),
    ],
)
def test_a_bad_window_is_a_clear_error(client, section, limit, offset, message):
    response = post_query(client, SECTION, {"id": section.pk, "limit": limit, "offset": offset})
    assert response.status_code == 200
    messages = error_messages(response)
    assert messages and all(text.startswith(message) for text in messages)
    assert response.json()["data"]["page"] is None


def test_the_catalogue_filter_pages_its_providers_by_name(graphql, db):
    for name in ("Cursus C", "Academie A", "Bureau B"):
        factories.offering(provider=factories.provider(name=name))
    factories.provider(name="Zonder aanbod")
    query = "query($o: Int) { providers(limit: 2, offset: $o) { name } }"
    pages = [graphql(query, {"o": offset})["data"]["providers"] for offset in (0, 2)]
    assert pages == [[{"name": "Academie A"}, {"name": "Bureau B"}], [{"name": "Cursus C"}]]
    assert (
        "limit must be between 1 and 100"
        in graphql("{ providers(limit: 0) { name } }")["errors"][0]["message"]
    )
