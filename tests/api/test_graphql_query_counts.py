"""Each screen costs a fixed number of SQL queries, however much content it shows.

Every measurement runs with Django's caches cleared (Wagtail's renditions and site root
caches cold) after one warm-up request has generated the renditions in the database.
"""

import pytest
from django.db import connection

from borg_learning import models
from tests import factories
from tests.helpers.graphql import count_queries, screen_query

pytestmark = pytest.mark.django_db

SMALL_KINDS = ("text", "image", "video")


@pytest.fixture
def section():
    env = factories.learning_environment()
    return env.add_child(instance=models.SectionPage(title="Modules"))


def test_a_part_with_60_blocks_costs_what_one_with_3_costs(client, section, unindexed):
    # Three blocks that refer to every kind of object: a page and a document (text), an
    # image, and a video with its subtitles.
    small = factories.specialist_module(
        section, "Klein", parts=1, blocks_per_part=3, kinds=SMALL_KINDS
    )
    large = factories.specialist_module(section, "Groot", parts=1, blocks_per_part=60)
    query = screen_query("page")
    small_count, small_page = count_queries(client, query, {"id": small.get_children().first().pk})
    large_count, large_page = count_queries(client, query, {"id": large.get_children().first().pk})
    assert len(small_page["data"]["page"]["body"]) == 3
    body = large_page["data"]["page"]["body"]
    assert len(body) == 60
    assert all(block.get("image") for block in body if block["__typename"] == "LearningImageBlock")
    assert small_count == large_count == 11


def test_a_basic_module_with_60_blocks_costs_what_one_with_3_costs(client, section, unindexed):
    small = factories.basic_module(
        section, "Klein", body=factories.body_blocks(3, section, SMALL_KINDS)
    )
    large = factories.basic_module(section, "Groot", body=factories.body_blocks(60, section))
    query = screen_query("page")
    small_count, _ = count_queries(client, query, {"id": small.pk})
    large_count, payload = count_queries(client, query, {"id": large.pk})
    assert len(payload["data"]["page"]["body"]) == 60
    assert small_count == large_count == 10


def make_modules(section, count):
    for number in range(count):
        factories.basic_module(
            section, f"Module {number}", image=factories.image(title=f"Tegel {number}")
        )


def test_a_list_of_100_modules_costs_what_a_list_of_5_costs(client, section, unindexed):
    make_modules(section, 5)
    query = screen_query("modules")
    small_count, small = count_queries(client, query, {"limit": 100})
    make_modules(section, 95)
    large_count, large = count_queries(client, query, {"limit": 100})
    assert len(small["data"]["modules"]["items"]) == 5
    items = large["data"]["modules"]["items"]
    assert len(items) == 100 and all(item["image"]["rendition"]["url"] for item in items)
    assert small_count == large_count == 7


def test_a_section_of_100_modules_costs_what_one_of_5_costs(client, section, unindexed):
    make_modules(section, 5)
    # The frontend's page query, with the largest page of modules.
    query = screen_query("page").replace("modules {", "modules(limit: 100) {")
    variables = {"id": section.pk}
    small_count, _ = count_queries(client, query, variables)
    make_modules(section, 95)
    large_count, payload = count_queries(client, query, variables)
    assert len(payload["data"]["page"]["modules"]) == 100
    assert small_count == large_count == 9


def make_offerings(count, start=0):
    for number in range(start, start + count):
        provider = factories.provider(name=f"Aanbieder {number}", with_logo=True)
        factories.offering(provider=provider, title=f"Aanbod {number}", target_groups=["lvb"])


def test_a_catalogue_page_of_100_offers_costs_what_one_of_5_costs(client):
    make_offerings(5)
    query = screen_query("catalogue")
    small_count, _ = count_queries(client, query, {"limit": 100})
    make_offerings(95, start=5)
    large_count, payload = count_queries(client, query, {"limit": 100})
    items = payload["data"]["catalogue"]["items"]
    assert len(items) == 100 and all(item["provider"]["logo"] for item in items)
    assert small_count == large_count == 7


def test_the_theme_map_costs_the_same_for_5_and_50_modules(client, section, unindexed):
    themes = [factories.theme(slug=f"thema-{n}", name=f"Thema {n}") for n in range(3)]
    for number in range(5):
        factories.specialist_module(
            section, f"Specialistisch {number}", parts=2, blocks_per_part=1, themes=themes
        )
    query = screen_query("theme_map")
    small_count, _ = count_queries(client, query)
    for number in range(5, 50):
        factories.specialist_module(
            section, f"Specialistisch {number}", parts=2, blocks_per_part=1, themes=themes
        )
    large_count, payload = count_queries(client, query)
    assert len(payload["data"]["themes"][0]["modules"]) == 50
    assert small_count == large_count == 7


def test_the_start_page_costs_the_same_for_4_and_34_buttons(client, section, unindexed):
    env = section.get_parent().specific
    query = screen_query("start_page")

    def add_buttons(count):
        for number in range(count):
            theme = factories.theme(slug=f"t{count}-{number}", name=f"Thema {count}-{number}")
            models.StartButton.objects.create(page=env, label=f"Knop {number}", target_theme=theme)
            module = factories.basic_module(section, f"Module {count}-{number}")
            models.StartButton.objects.create(
                page=env, label=f"Pagina {number}", target_page=module, colour="blue", icon="book"
            )

    add_buttons(2)
    small_count, _ = count_queries(client, query)
    add_buttons(15)
    large_count, payload = count_queries(client, query)
    assert len(payload["data"]["learningEnvironment"]["buttons"]) == 34
    assert small_count == large_count == 8


LIST_FIELDS = "... on LearningModule { image { id } themes { name } developmentGroup { name } }"


def test_a_pages_children_cost_the_same_for_5_and_100_modules(client, section, unindexed):
    make_modules(section, 5)
    query = (
        "query($id: ID) { page(id: $id) { ... on LearningSectionPage { children(limit: 100) { id "
        f"{LIST_FIELDS} }} }} }} }}"
    )
    small_count, _ = count_queries(client, query, {"id": section.pk})
    make_modules(section, 95)
    large_count, payload = count_queries(client, query, {"id": section.pk})
    children = payload["data"]["page"]["children"]
    assert len(children) == 100 and all(child["image"] for child in children)
    assert small_count == large_count == 8


def test_search_costs_the_same_for_5_and_100_module_hits(client, section):
    make_modules(section, 5)
    query = f'query {{ search(query: "Module", limit: 100) {{ items {{ {LIST_FIELDS} }} }} }}'
    small_count, _ = count_queries(client, query)
    make_modules(section, 95)
    large_count, payload = count_queries(client, query)
    items = payload["data"]["search"]["items"]
    assert len(items) == 100 and all(item["image"] for item in items)
    # PostgreSQL counts the hits in the query that reads them; SQLite's ranking in its
    # full-text index reads the hits' ids, and their columns in one more query.
    assert small_count == large_count == (8 if connection.vendor == "postgresql" else 9)
