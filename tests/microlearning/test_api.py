"""Microlessons in the API: the list by theme and format, one by id or slug, typed, and
never a draft or a private one; a list costs the same queries for 3 as for 30."""

import pytest

from tests import factories
from tests.helpers.graphql import count_queries

pytestmark = pytest.mark.django_db

LIST = """
query ($theme: String, $format: LearningMicrolessonFormat, $limit: Int, $offset: Int) {
  microlessons(theme: $theme, format: $format, limit: $limit, offset: $offset) {
    totalCount
    items {
      id title path format length estimatedDurationSeconds summary
      theme { slug name }
      body {
        __typename
        ... on LearningTextBlock { html }
        ... on LearningImageBlock { image { title rendition(filter: WIDTH_400) { url } } altText }
        ... on LearningAudioBlock { audio { url } transcript }
        ... on LearningExerciseBlock { question }
      }
    }
  }
}
"""
ONE = """
query ($id: ID, $slug: String) {
  microlesson(id: $id, slug: $slug) { id title format length theme { slug } }
}
"""


@pytest.fixture
def themes(db):
    return {
        "agressie": factories.ThemeFactory(name="Agressie", slug="agressie"),
        "sgg": factories.ThemeFactory(name="SGG", slug="sgg"),
    }


def titles(answer):
    return [item["title"] for item in answer["data"]["microlessons"]["items"]]


def test_the_list_shows_live_microlessons_in_tree_order_with_what_they_are(
    graphql, section, themes
):
    factories.microlesson(section, "De-escaleren in 30 seconden", theme=themes["agressie"])
    audio = factories.media("audio", duration=55)
    factories.microlesson(
        section,
        "Podcast: grenzen",
        theme=themes["sgg"],
        format="podcast",
        length=60,
        body=[("audio", {"title": "Grenzen", "audio": audio, "transcript": "<p>Welkom.</p>"})],
    )
    answer = graphql(LIST)
    listed = answer["data"]["microlessons"]
    assert listed["totalCount"] == 2
    first, second = listed["items"]
    assert first["title"] == "De-escaleren in 30 seconden"
    assert (first["format"], first["length"], first["estimatedDurationSeconds"]) == ("TEXT", 60, 12)
    assert first["theme"] == {"slug": "agressie", "name": "Agressie"}
    assert first["path"] == "/leeromgeving/microlearning/de-escaleren-in-30-seconden/"
    assert first["body"][0]["__typename"] == "LearningTextBlock"
    assert (second["format"], second["estimatedDurationSeconds"]) == ("PODCAST", 55)
    assert second["body"] == [
        {
            "__typename": "LearningAudioBlock",
            "audio": {"url": second["body"][0]["audio"]["url"]},
            "transcript": "<p>Welkom.</p>",
        }
    ]
    assert second["body"][0]["audio"]["url"].endswith(".mp3")


def test_the_list_filters_by_theme_and_format(graphql, section, themes):
    factories.microlesson(section, "Tekst agressie", theme=themes["agressie"])
    factories.microlesson(
        section,
        "Quiz agressie",
        theme=themes["agressie"],
        format="quiz",
        body=[factories.exercise_block()],
    )
    factories.microlesson(section, "Tekst SGG", theme=themes["sgg"])
    assert titles(graphql(LIST, {"theme": "agressie"})) == ["Tekst agressie", "Quiz agressie"]
    assert titles(graphql(LIST, {"format": "QUIZ"})) == ["Quiz agressie"]
    assert titles(graphql(LIST, {"theme": "sgg", "format": "TEXT"})) == ["Tekst SGG"]
    assert titles(graphql(LIST, {"theme": "onbekend"})) == []


def test_the_list_pages_with_the_total(graphql, section, themes):
    for number in range(5):
        factories.microlesson(section, f"Microles {number}", theme=themes["sgg"])
    answer = graphql(LIST, {"limit": 2, "offset": 2})
    assert answer["data"]["microlessons"]["totalCount"] == 5
    assert titles(answer) == ["Microles 2", "Microles 3"]
    beyond = graphql(LIST, {"limit": 2, "offset": 10})
    assert beyond["data"]["microlessons"] == {"totalCount": 5, "items": []}
    refused = graphql(LIST, {"limit": 0})
    assert refused["errors"][0]["message"].startswith("limit must be between 1 and")


def test_drafts_private_and_unpublished_microlessons_never_show(graphql, section, themes):
    theme = themes["sgg"]
    live = factories.microlesson(section, "Gepubliceerd", theme=theme)
    draft = factories.microlesson(section, "Concept", theme=theme, publish=False)
    private = factories.microlesson(section, "Alleen intern", theme=theme)
    factories.restrict(private, "login")
    gone = factories.unpublish(factories.microlesson(section, "Offline", theme=theme))
    factories.save_draft(live, title="Nieuwe titel in concept")

    assert titles(graphql(LIST)) == ["Gepubliceerd"]
    for page in (draft, private, gone):
        assert graphql(ONE, {"id": str(page.pk)})["data"]["microlesson"] is None
        assert graphql(ONE, {"slug": page.slug})["data"]["microlesson"] is None
    assert graphql(ONE, {"id": str(live.pk)})["data"]["microlesson"]["title"] == "Gepubliceerd"


def test_a_draft_is_seen_through_its_preview_token_only(graphql, section, themes):
    draft = factories.microlesson(section, "Concept", theme=themes["sgg"], publish=False)
    query = (
        "query ($token: String) { page(previewToken: $token) { title isPreview "
        "... on LearningMicrolessonPage { format length } } }"
    )
    answer = graphql(query, {"token": factories.preview_token(draft)})
    assert answer["data"]["page"] == {
        "title": "Concept",
        "isPreview": True,
        "format": "TEXT",
        "length": 60,
    }


def test_a_private_microlesson_shows_to_whom_it_is_shared_with(client, graphql, section, themes):
    private = factories.microlesson(section, "Alleen intern", theme=themes["sgg"])
    factories.restrict(private, "login")
    assert graphql(ONE, {"id": str(private.pk)})["data"]["microlesson"] is None
    client.force_login(factories.user("collega"))
    assert graphql(ONE, {"id": str(private.pk)})["data"]["microlesson"]["title"] == "Alleen intern"


def test_one_microlesson_by_id_or_slug(graphql, section, themes):
    lesson = factories.microlesson(
        section, "Grenzen in 30 seconden", theme=themes["sgg"], length=30
    )
    expected = {
        "id": str(lesson.pk),
        "title": "Grenzen in 30 seconden",
        "format": "TEXT",
        "length": 30,
        "theme": {"slug": "sgg"},
    }
    assert graphql(ONE, {"id": str(lesson.pk)})["data"]["microlesson"] == expected
    assert graphql(ONE, {"slug": "grenzen-in-30-seconden"})["data"]["microlesson"] == expected
    assert graphql(ONE, {"id": "abc"})["data"]["microlesson"] is None


@pytest.mark.parametrize("variables", [{}, {"id": "1", "slug": "grenzen"}])
def test_one_microlesson_needs_exactly_one_of_id_and_slug(graphql, variables):
    answer = graphql(ONE, variables)
    assert answer["errors"][0]["message"] == "Give exactly one of id or slug."
    assert answer["data"]["microlesson"] is None


def test_a_microlesson_is_a_learning_page_a_module_can_link_to(graphql, section, themes):
    lesson = factories.microlesson(section, "Grenzen", theme=themes["sgg"])
    module = factories.basic_module(
        section,
        "Grenzen stellen",
        body=[factories.block("link", {"label": "Microles", "kind": "other", "page": lesson.pk})],
    )
    query = (
        "query ($id: ID) { page(id: $id) { ... on LearningBasicModulePage { body { "
        "... on LearningLinkBlock { url pageId } } } } }"
    )
    answer = graphql(query, {"id": str(module.pk)})
    (link,) = answer["data"]["page"]["body"]
    assert link["pageId"] == str(lesson.pk)
    assert link["url"].endswith("/leeromgeving/microlearning/grenzen/")


def lessons(section, theme, count):
    """``count`` microlessons cycling through text, infographic, podcast and quiz, each
    with its own image or audio file."""
    for number in range(count):
        kind = number % 4
        if kind == 0:
            fields = {"format": "text"}
        elif kind == 1:
            fields = {
                "format": "infographic",
                "body": [
                    factories.block(
                        "image", {"image": factories.ImageFactory().pk, "alt_text": "Schema"}
                    ),
                    factories.block("text", {"text": factories.paragraph(30)}),
                ],
            }
        elif kind == 2:
            audio = factories.media("audio", duration=40)
            fields = {
                "format": "podcast",
                "body": [
                    factories.block(
                        "audio", {"title": "P", "audio": audio.pk, "transcript": "<p>Tekst</p>"}
                    )
                ],
            }
        else:
            fields = {"format": "quiz", "body": [factories.exercise_block()]}
        factories.microlesson(section, f"Microles {number}", theme=theme, **fields)


@pytest.mark.parametrize("count", [3, 30])
def test_a_list_costs_the_same_queries_for_3_and_30(client, section, themes, count):
    lessons(section, themes["sgg"], count)
    queries, answer = count_queries(client, LIST, {"limit": 30})
    assert len(answer["data"]["microlessons"]["items"]) == count
    # The request's site, the window of pages with their themes and total, the site
    # roots (paths), and one query per kind of file: images, their renditions, media.
    assert queries == 6


def test_the_documented_queries_answer(graphql, section, themes):
    from tests.helpers.graphql import screen_query

    lesson = factories.microlesson(section, "Eenvoudige taal", theme=themes["sgg"], length=30)
    listed = graphql(screen_query("microlessons"), {"theme": "sgg", "format": "TEXT"})
    (item,) = listed["data"]["microlessons"]["items"]
    assert (item["slug"], item["theme"]["slug"]) == ("eenvoudige-taal", "sgg")
    one = graphql(screen_query("microlesson"), {"slug": lesson.slug})["data"]["microlesson"]
    assert (one["length"], one["body"][0]["__typename"]) == (30, "LearningTextBlock")


def test_the_rest_api_serves_live_microlessons_only(client, section, themes):
    theme = themes["sgg"]
    live = factories.microlesson(section, "Gepubliceerd", theme=theme)
    draft = factories.microlesson(section, "Concept", theme=theme, publish=False)
    private = factories.microlesson(section, "Alleen intern", theme=theme)
    factories.restrict(private, "login")

    listed = client.get(
        "/api/v2/pages/", {"type": "borg_learning_microlearning.MicrolessonPage"}
    ).json()
    assert [item["title"] for item in listed["items"]] == ["Gepubliceerd"]
    detail = client.get(f"/api/v2/pages/{live.pk}/").json()
    assert (detail["format"], detail["length"]) == ("text", 60)
    for page in (draft, private):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
