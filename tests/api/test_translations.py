"""Translated themes, offers, providers and questionnaires: each language's answer shows
its own, whether the translations were made with wagtail-localize (its translation
memory and PO files) or with Wagtail's own "Translate" (a copy that keeps the original's
themes)."""

import polib
import pytest
from django.test import TestCase
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from borg_learning.models import Questionnaire, Theme
from tests import factories
from tests.helpers.admin_forms import field_errors, snippet_url

pytestmark = pytest.mark.django_db

THEMES = """query ($locale: String) {
  themes(locale: $locale) { name slug modules { title } }
  modules(locale: $locale) { items { title ... on LearningModule { themes { name } } } }
}"""


@pytest.fixture
def french(settings):
    settings.WAGTAIL_I18N_ENABLED = True
    settings.LANGUAGES = [*settings.LANGUAGES, ("fr", "Français")]
    settings.WAGTAIL_CONTENT_LANGUAGES = [("nl", "Nederlands"), ("fr", "Français")]
    return Locale.objects.create(language_code="fr")


def translate(instance, locale, strings):
    """Translate ``instance`` as a translator does with wagtail-localize: download the
    PO file, fill in the strings, upload it, publish the translation (when the
    transaction commits, which the test's own never does)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(polib.pofile(str(po)))
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    Site.clear_site_root_paths_cache()
    return instance.get_translation(locale)


def copy(page, locale, **fields):
    """Translate ``page`` as Wagtail's own "Translate" does: a copy, themes and all."""
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    Site.clear_site_root_paths_cache()
    return Page.objects.get(pk=translated.pk).specific


def test_wagtail_localize_translates_a_module_and_its_theme_and_each_language_reads_its_own(
    graphql, french
):
    theme = factories.theme(name="Grenzen", slug="grenzen")
    environment = factories.learning_environment()
    module = factories.basic_module(environment, title="Grenzen stellen", themes=[theme])

    translate(theme, french, {"Grenzen": "Limites", "Over Grenzen.": "À propos des limites."})
    translate(module, french, {"Grenzen stellen": "Poser des limites"})

    dutch = graphql(THEMES)["data"]
    french_answer = graphql(THEMES, {"locale": "fr"})["data"]
    assert dutch == {
        "themes": [
            {"name": "Grenzen", "slug": "grenzen", "modules": [{"title": "Grenzen stellen"}]}
        ],
        "modules": {"items": [{"title": "Grenzen stellen", "themes": [{"name": "Grenzen"}]}]},
    }
    assert french_answer == {
        "themes": [
            {"name": "Limites", "slug": "grenzen", "modules": [{"title": "Poser des limites"}]}
        ],
        "modules": {"items": [{"title": "Poser des limites", "themes": [{"name": "Limites"}]}]},
    }
    one = graphql('query { theme(slug: "grenzen", locale: "fr") { name description } }')["data"][
        "theme"
    ]
    assert one == {"name": "Limites", "description": "À propos des limites."}


def test_a_copy_keeps_the_original_s_themes_and_answers_with_their_translations(graphql, french):
    translated, untranslated = factories.theme(name="Grenzen"), factories.theme(name="Agressie")
    environment = factories.learning_environment()
    module = factories.basic_module(
        environment, title="Grenzen stellen", themes=[translated, untranslated]
    )
    limits = translated.copy_for_translation(french)
    limits.name = "Limites"
    limits.save()
    copy(module, french, title="Poser des limites")

    answer = graphql(THEMES, {"locale": "fr"})["data"]

    # The French list has the French themes only; a module shows an untranslated one as it is.
    assert answer["themes"] == [
        {"name": "Limites", "slug": "grenzen", "modules": [{"title": "Poser des limites"}]}
    ]
    assert answer["modules"]["items"] == [
        {"title": "Poser des limites", "themes": [{"name": "Agressie"}, {"name": "Limites"}]}
    ]


def test_a_translated_module_asks_the_translated_questionnaire(graphql, french, settings):
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "DEFAULT_QUESTIONNAIRE": "evaluatie"}
    own = factories.questionnaire(slug="eigen", title="Eigen vragen")
    factories.questionnaire(slug="evaluatie", title="Evaluatie")
    for original, title in (
        (own, "Questions propres"),
        (Questionnaire.objects.get(slug="evaluatie"), "Évaluation"),
    ):
        copied = original.copy_for_translation(french)
        copied.title = title
        copied.save()
    environment = factories.learning_environment()
    with_own = factories.basic_module(environment, title="Eigen", questionnaire=own)
    default = factories.basic_module(environment, title="Standaard")
    copy(with_own, french, title="Propre", slug="propre")
    copy(default, french, title="Par défaut", slug="par-defaut")
    query = """query ($locale: String) { modules(locale: $locale) { items { title
      ... on LearningModule { questionnaire { title } } } } }"""

    def asked(locale=None):
        items = graphql(query, {"locale": locale})["data"]["modules"]["items"]
        return {item["title"]: item["questionnaire"]["title"] for item in items}

    assert asked() == {"Eigen": "Eigen vragen", "Standaard": "Evaluatie"}
    assert asked("fr") == {"Propre": "Questions propres", "Par défaut": "Évaluation"}


def test_the_catalogue_answers_in_the_locale_with_the_provider_s_translation(graphql, french):
    provider, other = factories.provider(name="Academie"), factories.provider(name="Ander")
    factories.offering(title="Nederlandse training", provider=provider)
    french_offer = factories.offering(title="Formation", provider=provider).copy_for_translation(
        french
    )
    french_offer.save()
    factories.offering(title="Formation autre", provider=other).copy_for_translation(french).save()
    academy = provider.copy_for_translation(french)
    academy.name = "Académie"
    academy.save()
    query = """query ($locale: String, $provider: ID) {
      catalogue(locale: $locale, provider: $provider) { totalCount items { title provider { name } } }
      providers(locale: $locale) { name }
    }"""

    dutch = graphql(query)["data"]
    answer = graphql(query, {"locale": "fr"})["data"]
    by_french_provider = graphql(query, {"locale": "fr", "provider": str(academy.pk)})["data"]

    assert [item["title"] for item in dutch["catalogue"]["items"]] == [
        "Formation",
        "Formation autre",
        "Nederlandse training",
    ]
    assert answer["catalogue"]["items"] == [
        {"title": "Formation", "provider": {"name": "Académie"}},
        {"title": "Formation autre", "provider": {"name": "Ander"}},
    ]
    # The untranslated provider is listed as it is, the translated one in French.
    assert answer["providers"] == [{"name": "Académie"}, {"name": "Ander"}]
    assert by_french_provider["catalogue"]["items"] == [
        {"title": "Formation", "provider": {"name": "Académie"}}
    ]


def test_a_page_lists_its_translations_for_a_language_switcher(graphql, french):
    environment = factories.learning_environment()
    module = factories.basic_module(environment, title="Grenzen stellen", slug="grenzen")
    hidden = factories.basic_module(environment, title="Nog niet vertaald", slug="nog-niet")
    translated = copy(module, french, title="Poser des limites", slug="limites")
    draft = hidden.copy_for_translation(french, copy_parents=True)  # never published
    query = """query ($path: String, $locale: String) {
      page(path: $path, locale: $locale) { translations { id title locale path url } }
    }"""

    dutch = graphql(query, {"path": "/leeromgeving/grenzen/"})["data"]["page"]
    back = graphql(query, {"path": "/leeromgeving/limites/", "locale": "fr"})["data"]["page"]
    unpublished = graphql(query, {"path": "/leeromgeving/nog-niet/"})["data"]["page"]

    assert dutch["translations"] == [
        {
            "id": str(translated.pk),
            "title": "Poser des limites",
            "locale": "fr",
            "path": "/leeromgeving/limites/",
            "url": "http://localhost/leeromgeving/limites/",
        }
    ]
    assert [(item["locale"], item["path"]) for item in back["translations"]] == [
        ("nl", "/leeromgeving/grenzen/")
    ]
    assert not draft.live
    assert unpublished["translations"] == []


def test_the_rest_api_reads_the_locale_it_is_asked_for(client, french):
    theme = factories.theme(name="Grenzen")
    environment = factories.learning_environment()
    module = factories.basic_module(environment, title="Grenzen stellen", themes=[theme])
    limits = theme.copy_for_translation(french)
    limits.name = "Limites"
    limits.save()
    translated = copy(module, french, title="Poser des limites")
    url = "/api/v2/pages/?type=borg_learning.BasicModulePage&fields=themes"

    dutch = client.get(url).json()["items"]
    french_items = client.get(url + "&locale=fr").json()["items"]
    unknown = client.get(url + "&locale=de")

    assert [(item["title"], item["themes"][0]["name"]) for item in dutch] == [
        ("Grenzen stellen", "Grenzen")
    ]
    assert [(item["id"], item["title"], item["themes"][0]["name"]) for item in french_items] == [
        (translated.pk, "Poser des limites", "Limites")
    ]
    assert unknown.status_code == 400
    assert unknown.json() == {"message": "locale 'de' is not a language of this site"}


def test_a_slug_is_unique_within_a_language_not_across_languages(editor, french):
    factories.theme(name="Grenzen", slug="grenzen")
    form = {"name": "Limites", "slug": "grenzen", "colour": "purple", "icon": "shield"}
    add_in_french = snippet_url(Theme, "add") + "?locale=fr"

    first = editor.post(add_in_french, {**form, "sort_order": "0"})
    second = editor.post(add_in_french, {**form, "name": "Limites bis", "sort_order": "0"})

    assert first.status_code == 302
    assert field_errors(second, "slug") == ["Er bestaat al een thema met deze slug."]
    assert sorted(Theme.objects.values_list("locale__language_code", "name")) == [
        ("fr", "Limites"),
        ("nl", "Grenzen"),
    ]
