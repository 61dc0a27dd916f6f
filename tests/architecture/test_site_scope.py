"""A Wagtail with two sites: each site's frontend sees only its own learning pages."""

import pytest
from wagtail.models import Page, Site

from tests import factories
from tests.testapp.models import HomePage

pytestmark = pytest.mark.django_db

OTHER_HOST = "andere-site.example.org"


@pytest.fixture
def two_sites(environment):
    """The default site's environment with a module, and a second site with its own."""
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    ours = factories.basic_module(environment, "Grenzen stellen", themes=[theme])
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Andere site", slug="andere-site")
    )
    Site.objects.create(hostname=OTHER_HOST, root_page=other_home, site_name="Andere site")
    other_environment = factories.learning_environment(
        other_home, title="Andere leeromgeving", slug="andere-leeromgeving"
    )
    theirs = factories.basic_module(other_environment, "Grenzen bewaken", themes=[theme])
    return ours, theirs


def titles(graphql, query, path, **extra):
    data = graphql(query, **extra)["data"]
    for key in path:
        data = data[key]
    return sorted(item["title"] for item in data)


MODULES = "{ modules { items { title } } }"
THEME = '{ theme(slug: "sgg") { modules { title } } }'
SEARCH = '{ search(query: "grenzen") { items { ... on LearningModule { title } } } }'


@pytest.mark.parametrize(
    ("query", "path"),
    [(MODULES, ("modules", "items")), (THEME, ("theme", "modules")), (SEARCH, ("search", "items"))],
)
def test_each_site_lists_only_its_own_modules(graphql, two_sites, query, path):
    assert titles(graphql, query, path) == ["Grenzen stellen"]
    assert titles(graphql, query, path, HTTP_HOST=OTHER_HOST) == ["Grenzen bewaken"]


def test_a_page_of_another_site_is_not_found_by_id(graphql, two_sites):
    _ours, theirs = two_sites
    query = "query ($id: ID!) { page(id: $id) { title } }"
    assert graphql(query, {"id": str(theirs.pk)})["data"]["page"] is None
    found = graphql(query, {"id": str(theirs.pk)}, HTTP_HOST=OTHER_HOST)["data"]["page"]
    assert found == {"title": "Grenzen bewaken"}


def test_each_site_gets_its_own_learning_environment(graphql, two_sites):
    query = "{ learningEnvironment { title } }"
    assert graphql(query)["data"]["learningEnvironment"]["title"] == "Leeromgeving"
    other = graphql(query, HTTP_HOST=OTHER_HOST)["data"]["learningEnvironment"]
    assert other["title"] == "Andere leeromgeving"


def test_the_rest_api_lists_only_the_sites_own_pages(client, two_sites):
    ours, theirs = two_sites
    listed = client.get("/api/v2/pages/?type=borg_learning.BasicModulePage").json()["items"]
    assert [item["id"] for item in listed] == [ours.pk]
    assert client.get(f"/api/v2/pages/{theirs.pk}/").status_code == 404
