"""A multilingual site: each locale's pages answer in their own tree, with their own
paths, and lists never mix languages (Wagtail's i18n, translations made as Wagtail
and wagtail-localize make them: copies of the pages in the other locale's tree)."""

import pytest
from wagtail.models import Locale, Page, Site

from tests import factories

pytestmark = pytest.mark.django_db

MODULES = "query ($locale: String) { modules(locale: $locale) { totalCount items { title ... on LearningPage { path } } } }"


@pytest.fixture
def bilingual(settings):
    """A Dutch site with an English translation of its environment and one of its two
    modules."""
    settings.WAGTAIL_I18N_ENABLED = True
    settings.WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
    english = Locale.objects.create(language_code="en")
    environment = factories.learning_environment()
    module = factories.basic_module(environment, title="Grenzen stellen", slug="grenzen")
    factories.basic_module(environment, title="Alleen in het Nederlands", slug="alleen-nl")

    # The parents come as aliases of the Dutch ones (live, as Wagtail makes them).
    translated = module.copy_for_translation(english, copy_parents=True).specific
    translated.title, translated.slug = "Setting boundaries", "boundaries"
    translated.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return module, Page.objects.get(pk=translated.pk).specific


def test_lists_answer_in_the_asked_locale_only(graphql, bilingual):
    dutch = graphql(MODULES)["data"]["modules"]
    english = graphql(MODULES, {"locale": "en"})["data"]["modules"]

    assert dutch["totalCount"] == 2
    assert {item["title"] for item in dutch["items"]} == {
        "Grenzen stellen",
        "Alleen in het Nederlands",
    }
    assert english == {
        "totalCount": 1,
        "items": [{"title": "Setting boundaries", "path": "/leeromgeving/boundaries/"}],
    }


def test_a_translation_has_its_own_path_and_is_found_by_it(graphql, bilingual):
    query = "query ($path: String, $locale: String) { page(path: $path, locale: $locale) { title path } }"

    english = graphql(query, {"path": "/leeromgeving/boundaries/", "locale": "en"})
    dutch = graphql(query, {"path": "/leeromgeving/grenzen/"})
    crossed = graphql(query, {"path": "/leeromgeving/grenzen/", "locale": "en"})

    assert english["data"]["page"] == {
        "title": "Setting boundaries",
        "path": "/leeromgeving/boundaries/",
    }
    assert dutch["data"]["page"] == {"title": "Grenzen stellen", "path": "/leeromgeving/grenzen/"}
    assert crossed["data"]["page"] is None


def test_the_start_page_and_search_follow_the_locale(graphql, bilingual):
    query = """query ($locale: String) {
      learningEnvironment(locale: $locale) { locale }
      search(query: "boundaries", locale: $locale) { items { ... on LearningPage { title } } }
    }"""
    english = graphql(query, {"locale": "en"})["data"]
    dutch = graphql(query)["data"]

    assert english["learningEnvironment"]["locale"] == "en"
    assert dutch["learningEnvironment"]["locale"] == "nl"
    assert english["search"]["items"] == [{"title": "Setting boundaries"}]
    assert dutch["search"]["items"] == []


def test_a_locale_without_a_translation_of_the_site_shows_nothing(graphql, bilingual, settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
    Locale.objects.create(language_code="de")

    answer = graphql(MODULES, {"locale": "de"})["data"]["modules"]
    start = graphql('{ learningEnvironment(locale: "de") { title } }')["data"]

    assert answer == {"totalCount": 0, "items": []}
    assert start == {"learningEnvironment": None}


def test_an_unknown_or_second_locale_is_a_clear_error_and_nothing_else(graphql, bilingual):
    unknown = graphql(MODULES, {"locale": "xx"})
    two = graphql(
        '{ a: modules(locale: "en") { totalCount } b: modules(locale: "nl") { totalCount } }'
    )

    assert unknown["errors"][0]["message"] == "There is no locale 'xx'; this site has: en, nl."
    assert "data" not in unknown or unknown["data"] is None
    assert "one locale per request" in two["errors"][0]["message"]


def test_a_locale_asked_in_a_fragment_holds_for_every_field(graphql, bilingual):
    answer = graphql(
        """query { modules { totalCount } ...English }
        fragment English on Query { learningEnvironment(locale: "en") { locale } }"""
    )["data"]

    assert answer == {"modules": {"totalCount": 1}, "learningEnvironment": {"locale": "en"}}


def test_without_the_view_every_field_reads_the_operation_s_locale(bilingual):
    from borg_learning.api.graphql import schema

    result = schema.execute(
        '{ modules { totalCount } learningEnvironment(locale: "en") { locale } }'
    )

    assert result.errors is None
    assert result.data == {"modules": {"totalCount": 1}, "learningEnvironment": {"locale": "en"}}
