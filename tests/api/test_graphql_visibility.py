"""Only what may be seen: live, public, unexpired pages and active offers; drafts by preview.

The tree below has, next to pages everyone may see, a page of each kind a learner may
not see: a draft that was never published, a page with a password, a page below a
section that needs a login, an unpublished page and a live page past its expiry date.
Every field of the schema that leads to pages is tried against all of them.
"""

import html
import json
import re
import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail_headless_preview.models import HeadlessPreviewMixin

from borg_learning import models
from tests import factories
from tests.helpers.admin_forms import edit_url, module_data, text_data
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db

SECTION_URL = "http://localhost/leeromgeving/basismodules/"
# Hidden pages, by what hides them. Their titles must never reach a learner.
HIDDEN = (
    "draft",
    "private",
    "internal",
    "unpublished",
    "expired",
    "draft_part",
    "private_part",
    "expired_part",
    "internal_part",
    "internal_section",
    "gone_section",
)


def rich_links(pages):
    return "".join(
        f'<p><a linktype="page" id="{page.pk}">Naar {key}</a></p>' for key, page in pages.items()
    )


def build_tree():
    """The tree of visible and hidden pages the tests below share."""
    theme = factories.theme(slug="grenzen", name="Grenzen")
    env = factories.learning_environment()
    section = env.add_child(instance=models.SectionPage(title="Basismodules"))
    internal_section = env.add_child(instance=models.SectionPage(title="Intern"))
    factories.restrict(internal_section, "login")
    gone_section = factories.unpublish(
        env.add_child(instance=models.SectionPage(title="Oude sectie", slug="oud"))
    )
    env.add_child(instance=models.CataloguePage(title="Opleidingsaanbod"))

    pages = {
        "draft": factories.basic_module(section, "Grens concept", themes=[theme], publish=False),
        "private": factories.basic_module(section, "Grens besloten", themes=[theme]),
        "unpublished": factories.unpublish(
            factories.basic_module(section, "Grens ingetrokken", themes=[theme])
        ),
        "expired": factories.expire(
            factories.basic_module(section, "Grens verlopen", themes=[theme])
        ),
        "internal": factories.basic_module(internal_section, "Grens intern", themes=[theme]),
        "internal_section": internal_section,
        "gone_section": gone_section,
    }
    factories.restrict(pages["private"])

    specialist = factories.specialist_module(
        section, "Grens specialistisch", parts=0, themes=[theme]
    )
    open_part = factories.module_part(specialist, "Grens deel open")
    pages["draft_part"] = factories.module_part(specialist, "Grens deel concept", publish=False)
    pages["private_part"] = factories.module_part(specialist, "Grens deel besloten")
    factories.restrict(pages["private_part"], "password")
    pages["expired_part"] = factories.expire(
        factories.module_part(specialist, "Grens deel verlopen")
    )
    internal_specialist = factories.specialist_module(
        internal_section, "Grens intern geheim", parts=0, themes=[theme]
    )
    pages["internal_part"] = factories.module_part(internal_specialist, "Grens deel intern")

    # A live part of an unpublished module and one of an expired module.
    gone_module = factories.unpublish(
        factories.specialist_module(
            section, "Grens specialistisch ingetrokken", parts=0, themes=[theme]
        )
    )
    orphan = factories.module_part(gone_module, "Wees onderdeel")
    expired_module = factories.expire(
        factories.specialist_module(
            section, "Grens specialistisch verlopen", parts=0, themes=[theme]
        )
    )
    expired_orphan = factories.module_part(expired_module, "Wees verlopen onderdeel")

    hidden = {key: pages[key] for key in HIDDEN}
    hidden_titles = [page.title for page in hidden.values()] + [
        gone_module.title,
        expired_module.title,
        internal_specialist.title,
    ]
    body = [factories.block("text", {"text": rich_links({"open": section, **hidden})})] + [
        factories.block(
            "link",
            {
                "label": f"Naar {key}",
                "description": "",
                "kind": "other",
                "page": page.pk,
                "url": "",
                "document": None,
            },
        )
        for key, page in {"open": section, **hidden}.items()
    ]
    visible = factories.basic_module(
        section, "Grens open", themes=[theme], body=body, summary="Samenvatting van Grens open."
    )

    button = models.StartButton.objects.create
    for order, (key, page) in enumerate({"open": section, **hidden}.items()):
        button(
            page=env,
            label=f"Knop {key}",
            target_page=page,
            colour="green",
            icon="book",
            sort_order=order,
        )
    return {
        "env": env,
        "section": section,
        "visible": visible,
        "specialist": specialist,
        "open_part": open_part,
        "orphan": orphan,
        "expired_orphan": expired_orphan,
        "hidden": hidden,
        "hidden_titles": hidden_titles,
        "theme": theme,
    }


def site_path(page):
    """The path of a page on the site, as the page(path:) argument takes it."""
    return page.url_path[len(factories.site_root().url_path) - 1 :]


def titles(items):
    return [item["title"] for item in items]


class TreeTests(TestCase):
    """Every field that leads to pages, tried against the hidden pages of one shared tree."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()

    def graphql(self, query, variables=None):
        response = self.client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
        )
        assert response.status_code == 200
        return response.json()

    def assert_no_hidden_title(self, answer):
        text = json.dumps(answer, ensure_ascii=False)
        leaked = [title for title in self.tree["hidden_titles"] if title in text]
        assert not leaked, leaked

    def draft_of_the_visible_module(self):
        """A draft of the visible module with another title, slug, summary and body."""
        return factories.save_draft(
            self.tree["visible"],
            title="Grens open herzien",
            slug="herzien",
            summary="Conceptsamenvatting.",
            body=[factories.block("text", {"text": "<p>Conceptwoord tekst</p>"})],
        )

    # --- Every way to a page -------------------------------------------------------------------

    def test_the_tree_has_what_the_tests_assume(self):
        pages = self.tree["hidden"]
        assert not pages["draft"].live and pages["draft"].has_unpublished_changes
        assert not pages["unpublished"].live and not pages["gone_section"].live
        assert pages["expired"].live and pages["expired"].expire_at is not None
        assert pages["private"].get_view_restrictions().count() == 1
        assert pages["internal"].get_view_restrictions().get().restriction_type == "login"
        assert pages["expired_part"].live and not pages["draft_part"].live

    def test_page_by_id_or_path_does_not_show_a_hidden_page(self):
        for key, page in self.tree["hidden"].items():
            for variables in ({"id": str(page.pk)}, {"path": site_path(page)}):
                answer = self.graphql(screen_query("page"), variables)
                assert answer == {"data": {"page": None}}, (key, variables)

    def test_page_by_id_and_path_show_a_visible_page(self):
        visible = self.tree["visible"]
        by_id = self.graphql(screen_query("page"), {"id": str(visible.pk)})["data"]["page"]
        by_path = self.graphql(
            screen_query("page"), {"path": "/leeromgeving/basismodules/grens-open/"}
        )["data"]["page"]
        assert by_id == by_path
        assert by_id["title"] == "Grens open" and by_id["isPreview"] is False
        # The paths the hidden pages are tried with are built the same way.
        assert site_path(visible) == "/leeromgeving/basismodules/grens-open/"

    def test_the_tests_find_hidden_pages_at_the_paths_they_try(self):
        """Made public, the hidden pages are found at those paths: the checks above can fail."""
        from wagtail.models import Page, PageViewRestriction

        PageViewRestriction.objects.all().delete()
        Page.objects.update(live=True, expire_at=None)
        for key, page in self.tree["hidden"].items():
            path = site_path(page)
            found = self.graphql("query ($p: String) { page(path: $p) { title } }", {"p": path})
            assert found == {"data": {"page": {"title": page.title}}}, key

    def test_learning_environment_skips_hidden_start_pages(self):
        root = factories.site_root()
        hidden_envs = {
            "private": factories.learning_environment(
                root, title="Besloten omgeving", slug="besloten"
            ),
            "unpublished": factories.unpublish(
                factories.learning_environment(root, title="Oude omgeving", slug="oude")
            ),
            "expired": factories.expire(
                factories.learning_environment(root, title="Verlopen omgeving", slug="verlopen")
            ),
            "draft": factories.learning_environment(
                root, title="Concept omgeving", slug="concept", publish=False
            ),
        }
        factories.restrict(hidden_envs["private"])
        query = "query ($id: ID) { learningEnvironment(id: $id) { title } }"
        for key, env in hidden_envs.items():
            answer = self.graphql(query, {"id": str(env.pk)})
            assert answer == {"data": {"learningEnvironment": None}}, key
        answer = self.graphql(query, {"id": str(self.tree["env"].pk)})
        assert answer == {"data": {"learningEnvironment": {"title": "Leeromgeving"}}}

    def test_start_page_children_and_buttons_show_only_visible_pages(self):
        answer = self.graphql(screen_query("start_page"))
        page = answer["data"]["learningEnvironment"]
        assert titles(page["children"]) == ["Basismodules", "Opleidingsaanbod"]
        buttons = {button["label"]: button for button in page["buttons"]}
        assert buttons["Knop open"]["url"] == SECTION_URL
        assert buttons["Knop open"]["page"]["title"] == "Basismodules"
        for key in HIDDEN:
            button = buttons[f"Knop {key}"]
            assert (button["targetType"], button["url"], button["page"]) == ("PAGE", None, None), (
                key
            )
        self.assert_no_hidden_title(answer)

    def test_a_section_lists_only_visible_modules_and_children(self):
        query = """query ($id: ID) { page(id: $id) { ... on LearningSectionPage {
            modules { title } children { title } } } }"""
        answer = self.graphql(query, {"id": str(self.tree["section"].pk)})
        page = answer["data"]["page"]
        assert titles(page["modules"]) == ["Grens specialistisch", "Grens open"]
        assert titles(page["children"]) == ["Grens specialistisch", "Grens open"]
        self.assert_no_hidden_title(answer)

    def test_a_specialist_module_lists_only_visible_parts(self):
        answer = self.graphql(screen_query("page"), {"id": str(self.tree["specialist"].pk)})
        assert titles(answer["data"]["page"]["parts"]) == ["Grens deel open"]
        self.assert_no_hidden_title(answer)

    def test_a_part_shows_its_module_only_when_the_module_may_be_seen(self):
        query = """query ($id: ID) {
            page(id: $id) { ... on LearningModulePartPage { title module { title } } } }"""

        def module_of(part):
            return self.graphql(query, {"id": str(part.pk)})["data"]["page"]["module"]

        assert module_of(self.tree["open_part"]) == {"title": "Grens specialistisch"}
        assert module_of(self.tree["orphan"]) is None  # the module is unpublished
        assert module_of(self.tree["expired_orphan"]) is None  # the module has expired

    def test_themes_list_only_visible_modules(self):
        answer = self.graphql(screen_query("theme_map"))
        (theme,) = answer["data"]["themes"]
        assert titles(theme["modules"]) == ["Grens specialistisch", "Grens open"]
        specialist = theme["modules"][0]
        assert titles(specialist["parts"]) == ["Grens deel open"]
        self.assert_no_hidden_title(answer)
        one = self.graphql(
            '{ theme(slug: "grenzen") { modules { ... on LearningModule { title } } } }'
        )
        assert titles(one["data"]["theme"]["modules"]) == ["Grens specialistisch", "Grens open"]

    def test_the_module_list_shows_only_visible_modules(self):
        answer = self.graphql(screen_query("modules"), {"limit": 100})
        assert answer["data"]["modules"]["totalCount"] == 2
        assert titles(answer["data"]["modules"]["items"]) == ["Grens specialistisch", "Grens open"]
        self.assert_no_hidden_title(answer)

    def test_search_finds_only_visible_pages(self):
        answer = self.graphql(screen_query("search"), {"query": "grens", "limit": 100})
        result = answer["data"]["search"]
        assert sorted(titles(result["items"])) == [
            "Grens deel open",
            "Grens open",
            "Grens specialistisch",
        ]
        assert result["totalCount"] == 3
        self.assert_no_hidden_title(answer)

    def test_search_finds_hidden_pages_once_they_are_public(self):
        """The search index holds the hidden pages: it is the API that keeps them out."""
        from wagtail.models import Page, PageViewRestriction

        PageViewRestriction.objects.all().delete()
        Page.objects.update(live=True, expire_at=None)
        result = self.graphql(screen_query("search"), {"query": "grens", "limit": 100})
        result = result["data"]["search"]
        assert {"Grens besloten", "Grens intern", "Grens verlopen", "Grens deel besloten"} <= set(
            titles(result["items"])
        )

    def test_rich_text_links_to_hidden_pages_lose_their_href(self):
        answer = self.graphql(screen_query("page"), {"id": str(self.tree["visible"].pk)})
        text = answer["data"]["page"]["body"][0]["html"]
        assert f'<a href="{SECTION_URL}">Naar open</a>' in text
        for key in HIDDEN:
            assert f"<p><a>Naar {key}</a></p>" in text, key
        assert text.count("href=") == 1
        assert "linktype" not in text
        for page in self.tree["hidden"].values():
            assert site_path(page) not in text

    def test_link_blocks_to_hidden_pages_have_no_url(self):
        answer = self.graphql(screen_query("page"), {"id": str(self.tree["visible"].pk)})
        links = {block["label"]: block for block in answer["data"]["page"]["body"][1:]}
        assert links["Naar open"]["url"] == SECTION_URL
        assert links["Naar open"]["pageId"] == str(self.tree["section"].pk)
        for key in HIDDEN:
            link = links[f"Naar {key}"]
            assert (link["targetType"], link["url"], link["pageId"]) == ("PAGE", None, None), key

    def test_rich_text_in_intros_hides_links_too(self):
        private = self.tree["hidden"]["private"]
        models.SectionPage.objects.filter(pk=self.tree["section"].pk).update(
            intro=f'<p><a linktype="page" id="{private.pk}">Besloten</a> en '
            f'<a linktype="page" id="{self.tree["visible"].pk}">open</a></p>'
        )
        answer = self.graphql(screen_query("page"), {"id": str(self.tree["section"].pk)})
        assert answer["data"]["page"]["intro"] == (
            f'<p><a>Besloten</a> en <a href="{SECTION_URL}grens-open/">open</a></p>'
        )

    # --- Drafts of live pages and previews -------------------------------------------------

    def test_the_api_shows_the_live_version_of_a_page_with_a_draft(self):
        self.draft_of_the_visible_module()
        visible = self.tree["visible"]
        page = self.graphql(screen_query("page"), {"id": str(visible.pk)})["data"]["page"]
        assert (page["title"], page["summary"], page["isPreview"]) == (
            "Grens open",
            "Samenvatting van Grens open.",
            False,
        )
        assert page["body"][0]["html"].startswith(f'<p><a href="{SECTION_URL}">Naar open</a>')
        same = self.graphql(screen_query("page"), {"path": site_path(visible)})
        assert same["data"]["page"] == page
        draft_path = site_path(visible).replace("grens-open", "herzien")
        assert self.graphql(screen_query("page"), {"path": draft_path}) == {"data": {"page": None}}

    def test_lists_and_search_show_the_live_version_of_a_page_with_a_draft(self):
        revision = self.draft_of_the_visible_module()
        modules = self.graphql(screen_query("modules"))["data"]["modules"]["items"]
        assert "Grens open" in titles(modules)
        themes = self.graphql(screen_query("theme_map"))["data"]["themes"][0]["modules"]
        assert "Grens open" in titles(themes)
        section = self.graphql(screen_query("page"), {"id": str(self.tree["section"].pk)})
        assert "Grens open" in titles(section["data"]["page"]["modules"])
        answer = json.dumps([modules, themes, section])
        assert "herzien" not in answer and "Concept" not in answer
        found = self.graphql(screen_query("search"), {"query": "conceptwoord"})["data"]["search"]
        assert found == {"totalCount": 0, "items": []}
        # Once published, the draft is what everyone sees and finds.
        revision.publish()
        found = self.graphql(screen_query("search"), {"query": "conceptwoord"})["data"]["search"]
        assert titles(found["items"]) == ["Grens open herzien"]
        modules = self.graphql(screen_query("modules"))["data"]["modules"]["items"]
        assert "Grens open herzien" in titles(modules)

    def test_a_preview_token_shows_the_draft(self):
        self.draft_of_the_visible_module()
        token = factories.preview_token(self.tree["visible"])
        answer = self.graphql(screen_query("page"), {"previewToken": token})
        assert "errors" not in answer
        page = answer["data"]["page"]
        assert page["id"] == str(self.tree["visible"].pk)
        assert (page["title"], page["summary"], page["isPreview"]) == (
            "Grens open herzien",
            "Conceptsamenvatting.",
            True,
        )
        assert [block["html"] for block in page["body"]] == ["<p>Conceptwoord tekst</p>"]
        # The preview does not change what everyone else sees.
        live = self.graphql(screen_query("page"), {"id": str(self.tree["visible"].pk)})
        live = live["data"]["page"]
        assert (live["title"], live["isPreview"]) == ("Grens open", False)

    def test_a_preview_token_shows_a_page_that_was_never_published(self):
        token = factories.preview_token(self.tree["hidden"]["draft"])
        answer = self.graphql(
            "query ($t: String) { page(previewToken: $t) { title isPreview } }", {"t": token}
        )
        assert answer == {"data": {"page": {"title": "Grens concept", "isPreview": True}}}

    def test_a_preview_still_hides_links_to_hidden_pages(self):
        private = self.tree["hidden"]["private"]
        factories.save_draft(
            self.tree["visible"],
            body=[
                factories.block(
                    "text", {"text": f'<p><a linktype="page" id="{private.pk}">Besloten</a></p>'}
                )
            ],
        )
        token = factories.preview_token(self.tree["visible"])
        page = self.graphql(screen_query("page"), {"previewToken": token})["data"]["page"]
        assert page["body"] == [{**page["body"][0], "html": "<p><a>Besloten</a></p>"}]

    def test_a_preview_made_in_the_admin_can_be_queried(self):
        client = self.client
        client.force_login(factories.superuser())
        module = self.tree["visible"]
        preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[module.pk])
        assert preview_url == edit_url(module) + "preview/"
        data = module_data(
            "Grens open in de editor", body=[text_data("<p>Uit de editor</p>")], slug=module.slug
        )
        posted = client.post(preview_url, data)
        assert posted.json() == {"is_valid": True, "is_available": True}
        shown = client.get(preview_url)
        assert shown.status_code == 200
        # The admin hands the editor the frontend's preview URL with the token.
        url = re.search(r'http://frontend\.test/\?[^"\'<>\s]+', shown.content.decode())
        assert url, shown.content.decode()
        query = parse_qs(urlsplit(html.unescape(url.group(0))).query)
        assert query["content_type"] == ["borg_learning.basicmodulepage"]
        client.logout()
        page = self.graphql(screen_query("page"), {"previewToken": query["token"][0]})
        page = page["data"]["page"]
        assert (page["title"], page["isPreview"]) == ("Grens open in de editor", True)
        assert [block["__typename"] for block in page["body"]] == ["LearningTextBlock"]
        assert page["body"][0]["html"].endswith(">Uit de editor</p>")

    def test_a_preview_of_a_page_being_added_can_be_queried(self):
        self.client.force_login(factories.superuser())
        preview_url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=["borg_learning", "basicmodulepage", self.tree["section"].pk],
        )
        data = module_data("Nieuwe module", body=[text_data("<p>Nieuw</p>")])
        assert self.client.post(preview_url, data).json()["is_valid"] is True
        shown = self.client.get(preview_url).content.decode()
        url = re.search(r'http://frontend\.test/\?[^"\'<>\s]+', shown)
        token = parse_qs(urlsplit(html.unescape(url.group(0))).query)["token"][0]
        self.client.logout()
        answer = self.graphql(screen_query("page"), {"previewToken": token})
        assert "errors" not in answer, answer["errors"]
        assert answer["data"]["page"]["title"] == "Nieuwe module"

    def test_a_tampered_preview_token_is_an_error(self):
        self.draft_of_the_visible_module()
        token = factories.preview_token(self.tree["visible"])
        value, signature = token.rsplit(":", 1)
        tampered = [
            f"{value}:{signature[:-1]}{'A' if signature[-1] != 'A' else 'B'}",
            f"id={self.tree['hidden']['private'].pk}:{token.split(':', 2)[1]}:{signature}",
            "id=1",
            ":",
            "not a token",
        ]
        for bad in tampered:
            answer = self.graphql(screen_query("page"), {"previewToken": bad})
            assert answer["data"] == {"page": None}, bad
            assert [error["message"] for error in answer["errors"]] == [
                "The preview token is not valid."
            ], bad

    def test_an_expired_preview_token_is_an_error(self):
        self.draft_of_the_visible_module()
        two_days_ago = time.time() - 2 * 24 * 60 * 60
        with mock.patch("time.time", return_value=two_days_ago):
            token = factories.preview_token(self.tree["visible"])
        answer = self.graphql(screen_query("page"), {"previewToken": token})
        assert answer["data"] == {"page": None}
        assert [error["message"] for error in answer["errors"]] == [
            "The preview token has expired; open the preview again."
        ]
        fresh = self.graphql(
            screen_query("page"), {"previewToken": factories.preview_token(self.tree["visible"])}
        )
        assert fresh["data"]["page"]["title"] == "Grens open herzien"

    def test_a_validly_signed_token_without_a_stored_preview_is_null(self):
        token = HeadlessPreviewMixin.get_preview_signer().sign(f"id={self.tree['visible'].pk}")
        assert self.graphql(screen_query("page"), {"previewToken": token}) == {
            "data": {"page": None}
        }


# --- Start pages ------------------------------------------------------------------------


def test_learning_environment_without_id_passes_over_a_private_first_one(graphql):
    root = factories.site_root()
    private = factories.learning_environment(root, title="Besloten omgeving", slug="besloten")
    factories.restrict(private)
    factories.learning_environment(root, title="Open omgeving", slug="open")
    answer = graphql("{ learningEnvironment { title } }")
    assert answer == {"data": {"learningEnvironment": {"title": "Open omgeving"}}}
    factories.restrict(private.get_next_sibling(), "login")
    assert graphql("{ learningEnvironment { title } }") == {"data": {"learningEnvironment": None}}


# --- Catalogue offers -----------------------------------------------------------------------


@pytest.fixture
def offers():
    provider = factories.provider(name="Forensische Leerlijn")
    retired = factories.provider(name="Oude aanbieder")
    return {
        "active": factories.offering(provider=provider, title="Grensoverschrijdend gedrag actief"),
        "inactive": factories.offering(
            provider=provider, title="Grensoverschrijdend gedrag oud", active=False
        ),
        "retired": factories.offering(
            provider=retired, title="Grensoverschrijdend gedrag gestopt", active=False
        ),
    }


def test_the_catalogue_hides_inactive_offers(graphql, offers):
    query = screen_query("catalogue")
    result = graphql(query)["data"]["catalogue"]
    assert (result["totalCount"], titles(result["items"])) == (
        1,
        ["Grensoverschrijdend gedrag actief"],
    )
    searched = graphql(query, {"search": "grensoverschrijdend"})["data"]["catalogue"]
    assert titles(searched["items"]) == ["Grensoverschrijdend gedrag actief"]
    retired = graphql(query, {"provider": str(offers["retired"].provider_id)})
    assert retired["data"]["catalogue"] == {"totalCount": 0, "items": []}


def test_an_inactive_offer_is_not_found_by_id(graphql, offers):
    query = "query ($id: ID!) { offering(id: $id) { title } }"
    for key in ("inactive", "retired"):
        assert graphql(query, {"id": str(offers[key].pk)}) == {"data": {"offering": None}}
    assert graphql(query, {"id": str(offers["active"].pk)})["data"]["offering"] == {
        "title": "Grensoverschrijdend gedrag actief"
    }


def test_search_leaves_out_inactive_offers(graphql, offers):
    result = graphql(screen_query("search"), {"query": "grensoverschrijdend"})["data"]["search"]
    assert (result["totalCount"], titles(result["items"])) == (
        1,
        ["Grensoverschrijdend gedrag actief"],
    )


def test_providers_lists_only_those_with_an_active_offer(graphql, db):
    from tests import factories

    factories.OfferingFactory(provider=factories.ProviderFactory(name="Actief"), title="Open")
    factories.OfferingFactory(
        provider=factories.ProviderFactory(name="Gestopt"), title="Dicht", active=False
    )
    factories.ProviderFactory(name="Zonder aanbod")
    names = [
        provider["name"] for provider in graphql("{ providers { name } }")["data"]["providers"]
    ]
    assert names == ["Actief"]


def test_blocks_and_rich_text_lose_the_files_of_a_private_collection(graphql, environment):
    from wagtail.models import Collection, CollectionViewRestriction

    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    secret = factories.document(title="Geheim werkblad", collection=private)
    secret_image = factories.image(title="Geheime foto", collection=private)
    public = factories.document(title="Open werkblad")
    module = factories.basic_module(
        environment,
        "Grens bestanden",
        image=secret_image,
        body=[
            factories.block(
                "text",
                {
                    "text": f'<p><a linktype="document" id="{secret.pk}">Geheim</a> '
                    f'<a linktype="document" id="{public.pk}">Open</a></p>'
                },
            ),
            factories.block("download", {"document": secret.pk, "title": "", "description": ""}),
            factories.block("image", {"image": secret_image.pk, "alt_text": "Foto", "caption": ""}),
        ],
    )
    answer = graphql(screen_query("page"), {"id": str(module.pk)})
    page = answer["data"]["page"]
    blocks = {block["__typename"]: block for block in page["body"]}
    assert blocks["LearningDownloadBlock"]["document"] is None
    assert blocks["LearningImageBlock"]["image"] is None
    assert page["image"] is None
    assert "<a>Geheim</a>" in blocks["LearningTextBlock"]["html"]
    assert f'href="http://testserver{public.url}">Open</a>' in blocks["LearningTextBlock"]["html"]
    text = json.dumps(answer, ensure_ascii=False)
    assert "Geheim werkblad" not in text and secret.file.name not in text
    assert secret_image.file.name not in text
