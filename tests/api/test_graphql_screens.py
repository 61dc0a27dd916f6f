"""Each screen's query returns what the screen shows."""

import pytest

from borg_learning import models
from tests import factories
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    sgg = factories.theme(slug="sgg", name="SGG")
    agression = factories.theme(slug="agressie", name="Agressie", colour="orange", icon="heart")
    env = factories.learning_environment()
    section = env.add_child(instance=models.SectionPage(title="Basismodules", intro="<p>Start</p>"))
    basic = factories.basic_module(
        section,
        "Wie is de doelgroep?",
        themes=[agression],
        image=factories.image(title="Tegel"),
        body=factories.body_blocks(7, section),
        target_duration=600,
        audience_roles=["support-worker"],
    )
    specialist = factories.specialist_module(section, "SGG", parts=2, themes=[sgg])
    catalogue = env.add_child(instance=models.CataloguePage(title="Opleidingsaanbod"))
    models.StartButton.objects.create(page=env, label="SGG", target_theme=sgg, sort_order=0)
    button = models.StartButton.objects.create
    button(
        page=env,
        label="Basismodules",
        target_page=section,
        colour="green",
        icon="book",
        sort_order=1,
    )
    button(
        page=env,
        label="De Borg",
        target_url="https://deborg.example",
        colour="grey",
        icon="compass",
        sort_order=2,
    )
    return {
        "env": env,
        "section": section,
        "basic": basic,
        "specialist": specialist,
        "catalogue": catalogue,
        "sgg": sgg,
    }


def test_start_page_shows_intro_feedback_and_buttons(graphql, tree):
    page = graphql(screen_query("start_page"))["data"]["learningEnvironment"]
    assert page["title"] == "Leeromgeving"
    assert page["path"] == "/leeromgeving/"
    assert page["intro"] == "<p>Welkom in de leeromgeving.</p>"
    assert page["feedbackLink"] == {
        "label": "Vragen of feedback?",
        "url": "mailto:leren@example.org",
    }
    theme_button, page_button, url_button = page["buttons"]
    assert theme_button["targetType"] == "THEME"
    assert theme_button["theme"] == {"slug": "sgg", "name": "SGG"}
    assert theme_button["colour"] == {"slug": "purple", "name": "Paars", "hex": "#5b2a86"}
    assert theme_button["icon"]["slug"] == "shield"
    assert page_button["targetType"] == "PAGE"
    assert page_button["url"] == "http://localhost/leeromgeving/basismodules/"
    assert page_button["page"]["path"] == "/leeromgeving/basismodules/"
    assert page_button["colour"]["slug"] == "green"
    assert url_button == {
        **url_button,
        "targetType": "URL",
        "url": "https://deborg.example",
        "page": None,
        "theme": None,
    }
    assert [child["__typename"] for child in page["children"]] == [
        "LearningSectionPage",
        "LearningCataloguePage",
    ]


def test_section_lists_its_modules(graphql, tree):
    page = graphql(screen_query("page"), {"path": "/leeromgeving/basismodules/"})["data"]["page"]
    assert page["__typename"] == "LearningSectionPage"
    assert [module["title"] for module in page["modules"]] == ["Wie is de doelgroep?", "SGG"]
    tile = page["modules"][0]
    assert tile["kind"] == "BASIC"
    assert ".fill-400x300" in tile["image"]["rendition"]["url"]
    assert tile["image"]["rendition"]["url"].startswith("http://testserver/media/images/")


def test_basic_module_has_metadata_and_every_block_typed(graphql, tree):
    page = graphql(screen_query("page"), {"id": tree["basic"].pk})["data"]["page"]
    assert page["__typename"] == "LearningBasicModulePage"
    assert page["targetDuration"] == 600
    assert page["estimatedDuration"] == tree["basic"].estimated_duration_minutes > 0
    assert page["copyrightHolder"] == "De Borg"
    assert page["audienceRoles"] == [{"slug": "support-worker", "label": "Begeleider"}]
    assert page["themes"][0]["slug"] == "agressie"
    types = [block["__typename"] for block in page["body"]]
    assert types == [
        "LearningTextBlock",
        "LearningImageBlock",
        "LearningAudioBlock",
        "LearningVideoBlock",
        "LearningExerciseBlock",
        "LearningDownloadBlock",
        "LearningLinkBlock",
    ]
    text, image, audio, video, exercise, download, link = page["body"]
    section_url = "http://localhost/leeromgeving/basismodules/"
    assert f'<a href="{section_url}">deze pagina</a>' in text["html"]
    assert "linktype" not in text["html"]
    assert image["altText"] == "Een tekening"
    assert ".width-800" in image["image"]["rendition"]["url"]
    assert "w, " in image["image"]["srcset"]
    assert audio["audio"]["mimeType"] == "audio/mpeg"
    assert audio["audio"]["url"].startswith("http://testserver/media/")
    assert audio["audio"]["duration"] == 30
    assert video["duration"] == 45 and video["video"]["mimeType"] == "video/mp4"
    assert video["subtitles"]["url"].startswith("http://testserver/documents/")
    assert exercise["exerciseType"] == "SINGLE_CHOICE"
    # Which is correct, the feedback and the explanation come with answerExercise.
    assert [option["text"] for option in exercise["options"]] == ["Dit", "Dat"]
    assert exercise["hasExplanation"] is False
    assert download["document"]["fileExtension"] == "pdf"
    assert download["document"]["contentType"] == "application/pdf"
    assert download["title"] == "Werkblad 5"
    assert link == {
        **link,
        "targetType": "PAGE",
        "linkType": "BORG_WEBSITE",
        "url": section_url,
        "pageId": str(tree["section"].pk),
    }


def test_a_link_block_to_a_document_gives_its_type_and_size(graphql, tree):
    """So the frontend can label it "(PDF, 4 kB)"; a hidden document gives nothing."""
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    card = factories.document(title="Zakkaart")
    size = card.get_file_size()  # stored, as the admin's upload stores it
    secret = factories.document(title="Geheim", collection=private)

    def link(document):
        value = {"label": "Zakkaart", "kind": "other", "description": "", "page": None}
        return factories.block("link", {**value, "url": "", "document": document.pk})

    module = factories.basic_module(
        tree["section"], "Met een zakkaart", body=[link(card), link(secret)]
    )
    page = graphql(screen_query("page"), {"id": str(module.pk)})["data"]["page"]
    public, hidden = page["body"]
    assert public["targetType"] == "DOCUMENT"
    assert public["document"]["fileExtension"] == "pdf"
    assert public["document"]["fileSize"] == size > 0
    assert public["url"].endswith(card.url)
    assert (hidden["url"], hidden["document"]) == (None, None)


def test_specialist_module_shows_part_tiles_in_tree_order(graphql, tree):
    page = graphql(screen_query("page"), {"path": "/leeromgeving/basismodules/sgg/"})
    page = page["data"]["page"]
    assert page["__typename"] == "LearningSpecialistModulePage"
    assert [part["title"] for part in page["parts"]] == ["Onderdeel 1", "Onderdeel 2"]
    assert page["parts"][0]["icon"]["slug"] == "book"


def test_module_part_shows_its_body_and_its_module(graphql, tree):
    part = tree["specialist"].get_children().first()
    page = graphql(screen_query("page"), {"id": part.pk})["data"]["page"]
    assert page["__typename"] == "LearningModulePartPage"
    assert page["module"]["title"] == "SGG"
    assert [block["__typename"] for block in page["body"]] == [
        "LearningTextBlock",
        "LearningImageBlock",
        "LearningAudioBlock",
    ]


def test_theme_map_groups_modules_and_parts_by_theme(graphql, tree):
    themes = graphql(screen_query("theme_map"))["data"]["themes"]
    by_slug = {theme["slug"]: theme for theme in themes}
    assert [m["title"] for m in by_slug["agressie"]["modules"]] == ["Wie is de doelgroep?"]
    (sgg,) = by_slug["sgg"]["modules"]
    assert [part["title"] for part in sgg["parts"]] == ["Onderdeel 1", "Onderdeel 2"]


def test_modules_filter_by_theme_role_and_kind(graphql, tree):
    query = screen_query("modules")

    def titles(**variables):
        result = graphql(query, variables)["data"]["modules"]
        return result["totalCount"], [item["title"] for item in result["items"]]

    assert titles() == (2, ["Wie is de doelgroep?", "SGG"])
    assert titles(theme="sgg") == (1, ["SGG"])
    assert titles(role="support-worker") == (1, ["Wie is de doelgroep?"])
    assert titles(kind="SPECIALIST") == (1, ["SGG"])
    assert titles(limit=1, offset=1) == (2, ["SGG"])


def test_catalogue_filters_searches_and_pages(graphql, tree):
    ggz = factories.provider(name="GGZ Ecademy", with_logo=True, access="membership")
    forensic = factories.provider(name="Forensische Leerlijn", with_logo=True)
    factories.offering(
        provider=ggz,
        title="Omgaan met agressie",
        format="e-learning",
        cost=0,
        target_groups=["lvb"],
        themes=[],
    )
    gedrag = factories.offering(
        provider=forensic,
        title="Seksueel grensoverschrijdend gedrag herkennen",
        format="webinar",
        cost=95,
        target_groups=["sglvg", "forensic"],
    )
    gedrag.themes.set([tree["sgg"]])
    gedrag.save()
    factories.offering(provider=forensic, title="Verouderd aanbod", active=False)
    query = screen_query("catalogue")

    def titles(**variables):
        result = graphql(query, variables)["data"]["catalogue"]
        return result["totalCount"], [item["title"] for item in result["items"]]

    assert titles() == (2, ["Omgaan met agressie", "Seksueel grensoverschrijdend gedrag herkennen"])
    assert titles(provider=str(ggz.pk)) == (1, ["Omgaan met agressie"])
    assert titles(theme="sgg") == (1, ["Seksueel grensoverschrijdend gedrag herkennen"])
    assert titles(targetGroup="forensic")[1] == ["Seksueel grensoverschrijdend gedrag herkennen"]
    assert titles(format="WEBINAR")[0] == 1
    assert titles(free=True)[1] == ["Omgaan met agressie"]
    assert titles(maxCost=50)[1] == ["Omgaan met agressie"]
    assert titles(search="agressie")[1] == ["Omgaan met agressie"]
    assert titles(limit=1, offset=1) == (2, ["Seksueel grensoverschrijdend gedrag herkennen"])
    item = graphql(query, {"provider": str(ggz.pk)})["data"]["catalogue"]["items"][0]
    assert item["provider"]["access"] == "MEMBERSHIP"
    assert item["provider"]["logo"]["rendition"]["url"].startswith("http://testserver/media/")
    assert [chapter["title"] for chapter in item["chapters"]] == ["Hoofdstuk 1", "Hoofdstuk 2"]


def test_search_finds_modules_parts_and_offers(graphql, tree):
    forensic = factories.provider(name="Forensische Leerlijn", with_logo=True)
    factories.offering(provider=forensic, title="Doelgroep in beeld")
    result = graphql(screen_query("search"), {"query": "doelgroep"})["data"]["search"]
    found = {(item["__typename"], item["title"]) for item in result["items"]}
    assert ("LearningBasicModulePage", "Wie is de doelgroep?") in found
    assert ("LearningOffering", "Doelgroep in beeld") in found
    assert result["totalCount"] == len(result["items"])
