"""An answer costs what it shows, not what the site holds.

Every list, search, section, theme map and a specialist module's parts is asked on a
site of 100 modules and again after 900 more modules (and specialist modules with
parts) were added elsewhere: the same answer must cost the same SQL queries and build
the same number of model instances (rows turned into objects), so nothing loads the
whole site and filters it in Python.
"""

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext

from borg_learning import models
from tests import factories
from tests.helpers.graphql import screen_query
from tests.helpers.sites import analyze_tables, bulk_modules, bulk_specialist_modules

pytestmark = pytest.mark.django_db

LIST_FIELDS = "... on LearningModule { id title themes { name } }"


def cost(client, query, variables=None):
    """(SQL queries, model instances built, answer) of the second run of ``query``,
    with Django's caches cleared."""

    def run():
        payload = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
        ).json()
        assert "errors" not in payload, payload
        return payload["data"]

    run()
    for cache in caches.all():
        cache.clear()
    built = []

    def count(sender, instance, **kwargs):
        built.append(sender)

    post_init.connect(count)
    try:
        with CaptureQueriesContext(connection) as queries:
            data = run()
    finally:
        post_init.disconnect(count)
    return len(queries), len(built), data


def test_every_list_costs_the_same_on_a_site_of_100_and_of_1000_modules(client, unindexed):
    environment = factories.learning_environment()
    theme = factories.theme(slug="sgg", name="SGG")
    listed = factories.section(environment, title="Lijst")
    bulk_modules(listed, 100, index=True)
    # The theme's modules match no search: the modules a search shows have no themes on
    # either site, whichever ranks first.
    themed = factories.section(environment, title="Thema")
    bulk_modules(themed, 20, themes=[theme], title="Thema-les {number}", summary="Kort.")
    specialists = factories.section(environment, title="Specialistisch")
    specialist = bulk_specialist_modules(specialists, 10, parts=3, themes=[theme], index=True)[0]
    part = models.ModulePartPage.objects.child_of(specialist).first()
    more = factories.section(environment, title="Meer")
    section_query = screen_query("page").replace("modules {", "modules(limit: 100) {")
    cases = {
        "list of 100": (screen_query("modules"), {"limit": 100}),
        "search, 100 hits": (screen_query("search"), {"query": "module", "limit": 100}),
        "search of parts": (screen_query("search"), {"query": "onderdeel", "limit": 10}),
        "section of 100": (section_query, {"id": listed.pk}),
        "a section's children": (
            "query($id: ID) { page(id: $id) { ... on LearningSectionPage { "
            f"childCount children(limit: 100) {{ id {LIST_FIELDS} }} }} }} }}",
            {"id": listed.pk},
        ),
        "start page": (screen_query("start_page"), {}),
        "theme map": (screen_query("theme_map"), {}),
        "specialist module": (screen_query("page"), {"id": specialist.pk}),
        "module part": (screen_query("page"), {"id": part.pk}),
    }
    analyze_tables()
    small = {case: cost(client, *arguments) for case, arguments in cases.items()}

    bulk_modules(more, 900, title="Andere module {number}", index=True)
    # Parts that match no search above: a part's module is loaded for the hits alone.
    bulk_specialist_modules(more, 90, parts=3, index=True, part_title="Deel", part_summary="Kort.")
    analyze_tables()
    large = {case: cost(client, *arguments) for case, arguments in cases.items()}

    # The answers are those of a site of 100 modules, but search counts all matches.
    assert small["search, 100 hits"][2]["search"]["totalCount"] == 100
    assert large["search, 100 hits"][2]["search"]["totalCount"] == 1000
    assert large["search of parts"][2]["search"]["totalCount"] == 30
    assert len(large["search, 100 hits"][2]["search"]["items"]) == 100
    assert len(large["search of parts"][2]["search"]["items"]) == 10
    assert all(item["module"] for item in large["search of parts"][2]["search"]["items"])
    assert large["list of 100"][2]["modules"]["totalCount"] == 1120
    assert len(large["section of 100"][2]["page"]["modules"]) == 100
    assert large["a section's children"][2]["page"]["childCount"] == 100
    modules = large["theme map"][2]["themes"][0]["modules"]
    assert len(modules) == 30 and sum(len(module.get("parts", [])) for module in modules) == 30
    assert len(large["specialist module"][2]["page"]["parts"]) == 3
    assert large["module part"][2]["page"]["module"]["id"] == str(specialist.pk)
    # ...and cost what they cost on the small site: queries and objects built.
    assert {case: measured[:2] for case, measured in large.items()} == {
        case: measured[:2] for case, measured in small.items()
    }


def test_search_counts_every_match_and_pages_through_them(client, graphql):
    environment = factories.learning_environment()
    bulk_modules(factories.section(environment), 250, index=True)
    query = 'query($o: Int) { search(query: "module", limit: 100, offset: $o) { totalCount items { ... on LearningModule { id } } } }'
    pages = [graphql(query, {"o": offset})["data"]["search"] for offset in (0, 100, 200, 300)]
    assert [page["totalCount"] for page in pages] == [250] * 4
    assert [len(page["items"]) for page in pages] == [100, 100, 50, 0]
    ids = [item["id"] for page in pages for item in page["items"]]
    assert len(set(ids)) == 250


def test_search_counts_only_what_the_learner_may_see(graphql):
    environment = factories.learning_environment()
    public = factories.section(environment)
    bulk_modules(public, 3, index=True)
    private = factories.section(environment)
    bulk_modules(private, 4, index=True)
    factories.restrict(private)
    answer = graphql('{ search(query: "module") { totalCount items { __typename } } }')
    assert answer["data"]["search"] == {
        "totalCount": 3,
        "items": [{"__typename": "LearningBasicModulePage"}] * 3,
    }
