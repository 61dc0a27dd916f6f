"""The REST API shows no more than GraphQL: hidden targets dropped the same way, and only
the learning environment's pages and the files they use.

The tree of ``build_tree`` (the GraphQL visibility tests') has a page of every kind a
learner may not see; start buttons, link blocks and rich-text links point at each.
"""

import json

import pytest
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, Page

from borg_learning import models
from tests import factories
from tests.api.test_graphql_visibility import SECTION_URL, build_tree, rich_links, site_path

pytestmark = pytest.mark.django_db

LEARNING_PAGE_TYPES = [
    f"borg_learning.{name}"
    for name in (
        "LearningEnvironmentPage",
        "SectionPage",
        "BasicModulePage",
        "SpecialistModulePage",
        "ModulePartPage",
        "CataloguePage",
    )
]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def private_collection():
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


def link_block(label, page=None, document=None, url=""):
    return factories.block(
        "link",
        {
            "label": label,
            "description": "",
            "kind": "other",
            "page": page,
            "url": url,
            "document": document,
        },
    )


class HiddenTargetTests(TestCase):
    """Buttons, blocks and rich text that point at what a learner may not see."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        env, section = cls.tree["env"], cls.tree["section"]
        models.LearningEnvironmentPage.objects.filter(pk=env.pk).update(
            intro=rich_links({"open": section, **cls.tree["hidden"]})
        )
        private = private_collection()
        cls.secret_document = factories.document(title="Geheim werkblad", collection=private)
        cls.secret_image = factories.image(title="Geheime foto", collection=private)
        cls.open_document = factories.document(title="Open werkblad")
        secret, public = cls.secret_document.pk, cls.open_document.pk
        cls.files_module = factories.basic_module(
            section,
            "Grens bestanden",
            image=cls.secret_image,
            body=[
                factories.block(
                    "text",
                    {
                        "text": f'<p><a linktype="document" id="{secret}">Geheim</a> '
                        f'<a linktype="document" id="{public}">Open</a></p>'
                        f'<embed embedtype="image" id="{cls.secret_image.pk}" alt="Foto" '
                        'format="fullwidth"/>'
                    },
                ),
                factories.block("download", {"document": secret, "title": "", "description": ""}),
                link_block("Geheim", document=secret),
                link_block("Open", document=public),
                factories.block(
                    "image", {"image": cls.secret_image.pk, "alt_text": "Foto", "caption": ""}
                ),
                factories.block(
                    "video",
                    {
                        "title": "Film",
                        "video": None,
                        "embed_url": "https://www.youtube.com/watch?v=abc",
                        "embed_duration": 60,
                        "transcript": "",
                        "subtitles": secret,
                    },
                ),
            ],
        )

    def detail(self, page):
        return get(self.client, f"/api/v2/pages/{page.pk}/")

    def assert_no_hidden_title(self, answer):
        text = json.dumps(answer, ensure_ascii=False)
        leaked = [title for title in self.tree["hidden_titles"] if title in text]
        assert not leaked, leaked

    def assert_no_hidden_path(self, html):
        leaked = [key for key, page in self.tree["hidden"].items() if site_path(page) in html]
        assert not leaked, leaked

    # --- Start buttons ---------------------------------------------------------------

    def test_a_button_to_a_hidden_page_has_neither_page_nor_url(self):
        data = self.detail(self.tree["env"])
        buttons = {button["label"]: button for button in data["buttons"]}
        for key in self.tree["hidden"]:
            button = buttons[f"Knop {key}"]
            assert button["target_type"] == "page"
            assert (button["target_page"], button["url"]) == (None, None), key
        self.assert_no_hidden_title(data)

    def test_a_button_to_a_visible_page_has_the_page_and_its_url(self):
        section = self.tree["section"]
        button = next(
            b for b in self.detail(self.tree["env"])["buttons"] if b["label"] == "Knop open"
        )
        assert button["url"] == SECTION_URL
        target = button["target_page"]
        assert (target["id"], target["title"]) == (section.pk, "Basismodules")
        assert target["meta"]["type"] == "borg_learning.SectionPage"
        assert target["meta"]["html_url"] == SECTION_URL
        assert target["meta"]["detail_url"].endswith(f"/api/v2/pages/{section.pk}/")

    # --- Link blocks -----------------------------------------------------------------

    def test_a_link_block_to_a_hidden_page_loses_page_and_url(self):
        links = {
            block["value"]["label"]: block["value"]
            for block in self.detail(self.tree["visible"])["body"]
            if block["type"] == "link"
        }
        assert links["Naar open"]["page"] == self.tree["section"].pk
        assert links["Naar open"]["url"] == SECTION_URL
        for key in self.tree["hidden"]:
            assert (links[f"Naar {key}"]["page"], links[f"Naar {key}"]["url"]) == (None, None), key

    def test_blocks_lose_the_files_of_a_private_collection(self):
        data = self.detail(self.files_module)
        body = {block["type"]: block["value"] for block in data["body"] if block["type"] != "link"}
        links = {b["value"]["label"]: b["value"] for b in data["body"] if b["type"] == "link"}
        assert body["download"]["document"] is None
        assert body["image"]["image"] is None
        assert body["video"]["subtitles"] is None
        assert (links["Geheim"]["document"], links["Geheim"]["url"]) == (None, None)
        assert links["Open"]["document"] == self.open_document.pk
        assert links["Open"]["url"] == f"http://testserver{self.open_document.url}"
        assert data["image"] is None
        text = json.dumps(data, ensure_ascii=False)
        assert "Geheim werkblad" not in text and "Geheime foto" not in text

    # --- Rich text -------------------------------------------------------------------

    def assert_page_links_resolved(self, html):
        assert f'<a href="{SECTION_URL}">Naar open</a>' in html
        for key in self.tree["hidden"]:
            assert f"<a>Naar {key}</a>" in html, key
        assert "linktype" not in html and 'href="None"' not in html
        self.assert_no_hidden_path(html)

    def test_rich_text_links_to_hidden_pages_lose_their_href(self):
        """Wagtail's serve route is there: it would give a hidden page's real URL."""
        text_block = self.detail(self.tree["visible"])["body"][0]
        self.assert_page_links_resolved(text_block["value"]["text"])
        self.assert_page_links_resolved(self.detail(self.tree["env"])["intro"])

    @override_settings(ROOT_URLCONF="tests.headless_urls")
    def test_rich_text_links_resolve_without_a_serve_route(self):
        """A headless site routes no page: Wagtail's own expansion gave href="None"."""
        text_block = self.detail(self.tree["visible"])["body"][0]
        self.assert_page_links_resolved(text_block["value"]["text"])
        self.assert_page_links_resolved(self.detail(self.tree["env"])["intro"])

    def test_rich_text_loses_links_to_private_documents_and_their_images(self):
        html = self.detail(self.files_module)["body"][0]["value"]["text"]
        assert "<a>Geheim</a>" in html
        assert f'<a href="http://testserver{self.open_document.url}">Open</a>' in html
        assert "<img" not in html and "<embed" not in html

    def test_listings_of_every_page_type_show_no_hidden_target(self):
        for label in LEARNING_PAGE_TYPES:
            self.assert_no_hidden_title(get(self.client, f"/api/v2/pages/?type={label}&fields=*"))

    def test_stored_rich_text_is_not_served(self):
        """``db_html`` and the markdown formats name hidden pages by id."""
        for requested in ("db_html", "db_markdown", "markdown"):
            url = f"/api/v2/pages/{self.tree['visible'].pk}/?rich_text_format={requested}"
            assert self.client.get(url).status_code == 400, requested


def test_an_alias_does_not_name_a_hidden_original(client, environment):
    internal = factories.section(environment, title="Intern")
    factories.restrict(internal, "login")
    original = factories.basic_module(internal, "Grenzen intern")
    open_section = factories.section(environment, title="Open")
    alias = original.create_alias(parent=open_section, update_slug="grenzen-open")
    assert get(client, f"/api/v2/pages/{alias.pk}/")["meta"]["alias_of"] is None
    internal.get_view_restrictions().delete()
    assert get(client, f"/api/v2/pages/{alias.pk}/")["meta"]["alias_of"]["id"] == original.pk


# --- Only the learning environment -------------------------------------------------------


def test_pages_of_the_rest_of_the_site_are_not_served(client, environment):
    home = factories.site_root()
    news = home.add_child(instance=Page(title="Nieuws", slug="nieuws"))
    for page in (home, news):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    listed = get(client, "/api/v2/pages/")["items"]
    assert [item["id"] for item in listed] == [environment.pk]
    assert get(client, "/api/v2/pages/?type=testapp.HomePage")["meta"]["total_count"] == 0
    assert [item["id"] for item in get(client, "/api/v2/pages/?child_of=root")["items"]] == [
        environment.pk
    ]
    assert client.get("/api/v2/pages/find/?html_path=/nieuws/").status_code == 404


@pytest.fixture
def files_in_use(environment):
    """Files a visible module uses, files no page uses, and files only hidden pages use."""

    def files():
        return {
            "image": factories.image(),
            "document": factories.document(),
            "media": factories.media(),
        }

    def body(found):
        return [
            factories.block("image", {"image": found["image"].pk, "alt_text": "x", "caption": ""}),
            factories.block("download", {"document": found["document"].pk, "title": ""}),
            factories.block(
                "audio", {"title": "Podcast", "audio": found["media"].pk, "transcript": ""}
            ),
        ]

    used, unused, draft, restricted = files(), files(), files(), files()
    factories.basic_module(environment, "Gebruikt", body=body(used))
    factories.basic_module(environment, "Concept", body=body(draft), publish=False)
    factories.restrict(factories.basic_module(environment, "Besloten", body=body(restricted)))
    return {"used": used, "unused": unused, "draft": draft, "restricted": restricted}


@pytest.mark.parametrize(
    ("endpoint", "kind"), [("images", "image"), ("documents", "document"), ("media", "media")]
)
def test_only_files_the_visible_learning_pages_use_are_served(client, files_in_use, endpoint, kind):
    used = files_in_use["used"][kind]
    listed = get(client, f"/api/v2/{endpoint}/")
    assert [item["id"] for item in listed["items"]] == [used.pk]
    assert client.get(f"/api/v2/{endpoint}/{used.pk}/").status_code == 200
    for group in ("unused", "draft", "restricted"):
        other = files_in_use[group][kind]
        assert client.get(f"/api/v2/{endpoint}/{other.pk}/").status_code == 404, group


def test_a_module_image_counts_as_used(client, environment):
    image = factories.image()
    factories.basic_module(environment, "Met beeld", image=image)
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 200


# --- Search ------------------------------------------------------------------------------


def test_search_finds_the_visible_learning_pages(client, environment):
    factories.basic_module(environment, "Grenzen stellen")
    factories.restrict(factories.basic_module(environment, "Grenzen besloten"))
    factories.site_root().add_child(instance=Page(title="Grenzen van de website", slug="grenzen"))
    found = get(client, "/api/v2/pages/?search=grenzen")
    assert [item["title"] for item in found["items"]] == ["Grenzen stellen"]
    ordered = get(client, "/api/v2/pages/?search=grenzen&search_operator=and&order=-title")
    assert [item["title"] for item in ordered["items"]] == ["Grenzen stellen"]


def test_search_finds_the_files_in_use(client, files_in_use):
    used = files_in_use["used"]["image"]
    found = get(client, f"/api/v2/images/?search={used.title}")
    assert [item["id"] for item in found["items"]] == [used.pk]


# --- Queries -----------------------------------------------------------------------------


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries.captured_queries)


def test_a_module_costs_as_many_queries_with_2_links_as_with_8(client, environment, unindexed):
    """References load in one query per kind, not one per link or block."""

    def module(count):
        pages = [factories.section(environment) for _ in range(count)]
        documents = [factories.document() for _ in range(count)]
        images = [factories.image() for _ in range(count)]
        body = []
        for page, document, image in zip(pages, documents, images, strict=True):
            body += [
                link_block("Pagina", page=page.pk),
                link_block("Document", document=document.pk),
                factories.block("image", {"image": image.pk, "alt_text": "x", "caption": ""}),
                factories.block("text", {"text": factories.rich_link(page)}),
            ]
        return factories.basic_module(environment, body=body)

    small, large = module(2), module(8)
    count_queries(client, f"/api/v2/pages/{small.pk}/")  # fills the caches of the site
    assert count_queries(client, f"/api/v2/pages/{small.pk}/") == count_queries(
        client, f"/api/v2/pages/{large.pk}/"
    )
    listing = "/api/v2/pages/?type=borg_learning.BasicModulePage&fields=body"
    assert count_queries(client, listing) == count_queries(client, listing + "&limit=1")


def test_a_start_page_costs_as_many_queries_with_2_buttons_as_with_8(client, unindexed):
    def start_page(count, slug):
        env = factories.learning_environment(slug=slug)
        theme = factories.theme()
        for _ in range(count):
            target = factories.section(env)
            models.StartButton.objects.create(page=env, label="Pagina", target_page=target)
            models.StartButton.objects.create(page=env, label="Thema", target_theme=theme)
            models.StartButton.objects.create(
                page=env, label="Web", target_url="https://example.org", colour="green", icon="book"
            )
        return env

    small, large = start_page(2, "klein"), start_page(8, "groot")
    count_queries(client, f"/api/v2/pages/{small.pk}/")
    assert count_queries(client, f"/api/v2/pages/{small.pk}/") == count_queries(
        client, f"/api/v2/pages/{large.pk}/"
    )
