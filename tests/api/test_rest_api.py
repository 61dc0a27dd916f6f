"""Wagtail's REST API v2 serves the same learning pages, images and documents."""

import pytest
from wagtail.models import PageViewRestriction

from borg_learning import models
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    theme = factories.theme(slug="sgg", name="SGG")
    env = factories.learning_environment()
    models.StartButton.objects.create(page=env, label="SGG", target_theme=theme)
    section = env.add_child(instance=models.SectionPage(title="Basismodules"))
    module = factories.basic_module(
        section,
        "Wie is de doelgroep?",
        themes=[theme],
        body=factories.body_blocks(7, section),
        target_duration=600,
        audience_roles=["support-worker"],
    )
    specialist = factories.specialist_module(section, "SGG", parts=1)
    return {"env": env, "section": section, "module": module, "specialist": specialist}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_a_basic_module_has_its_metadata_and_body(client, tree):
    data = get(client, f"/api/v2/pages/{tree['module'].pk}/?fields=*")
    assert data["meta"]["type"] == "borg_learning.BasicModulePage"
    assert data["target_duration"] == 600
    assert data["themes"][0]["slug"] == "sgg"
    assert data["audience_roles"] == [{"slug": "support-worker", "label": "Begeleider"}]
    assert data["copyright_holder"] == "De Borg"
    assert [block["type"] for block in data["body"]] == [
        "text",
        "image",
        "audio",
        "video",
        "exercise",
        "download",
        "link",
    ]
    assert 'href="http://localhost/leeromgeving/basismodules/"' in data["body"][0]["value"]["text"]


def test_the_start_page_lists_its_buttons(client, tree):
    data = get(client, f"/api/v2/pages/{tree['env'].pk}/?fields=*")
    assert data["feedback_href"] == "mailto:leren@example.org"
    (button,) = data["buttons"]
    assert button["label"] == "SGG"
    assert button["target_type"] == "theme"
    assert button["target_theme_slug"] == "sgg"
    assert button["resolved_colour_hex"] == "#5b2a86"


def test_pages_can_be_listed_by_type(client, tree):
    data = get(client, "/api/v2/pages/?type=borg_learning.ModulePartPage&fields=summary,body")
    assert data["meta"]["total_count"] == 1
    assert data["items"][0]["summary"] == "Een onderdeel."


def test_drafts_and_private_pages_are_not_served(client, tree):
    tree["module"].unpublish()
    PageViewRestriction.objects.create(
        page=tree["specialist"], restriction_type="password", password="geheim"
    )
    data = get(client, "/api/v2/pages/?type=borg_learning.BasicModulePage")
    assert data["meta"]["total_count"] == 0
    assert client.get(f"/api/v2/pages/{tree['module'].pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{tree['specialist'].pk}/").status_code == 404


def test_images_documents_and_media_have_endpoints(client, tree):
    assert get(client, "/api/v2/images/")["meta"]["total_count"] >= 1
    assert get(client, "/api/v2/documents/")["meta"]["total_count"] >= 1
    assert get(client, "/api/v2/media/")["meta"]["total_count"] >= 1
