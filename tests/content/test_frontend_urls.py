"""A page's URL is where the frontend shows it, also on a headless site that does not
route Wagtail's serve view: Wagtail's "View live" after publishing, the admin's links, the
REST API's ``html_url`` and GraphQL's ``url`` all give it."""

import pytest
from django.contrib.messages import get_messages

from tests import factories
from tests.helpers.admin_forms import edit_url, page_form_data

pytestmark = pytest.mark.django_db

FRONTEND = "https://leren.example.org"


@pytest.fixture
def headless(settings):
    settings.ROOT_URLCONF = "tests.headless_urls"


def publish(editor, module):
    data = page_form_data(
        module.title,
        publish=True,
        slug=module.slug,
        target_duration=10,
        summary="Kort.",
        copyright_holder="De Borg",
        review_interval_months=12,
        **{"body-count": "0", "learning_objectives-count": "0"},
    )
    return editor.post(edit_url(module), data, follow=True)


def view_live_links(response):
    return [str(message) for message in get_messages(response.wsgi_request)] + [
        response.content.decode()
    ]


def test_view_live_after_publishing_leads_to_the_frontend(editor, environment, settings, headless):
    settings.BORG_LEARNING = {"FRONTEND_URL": FRONTEND}
    module = factories.basic_module(environment, title="Grenzen", slug="grenzen", publish=False)

    response = publish(editor, module)

    assert response.status_code == 200
    module.refresh_from_db()
    assert module.live
    url = f"{FRONTEND}/leeromgeving/grenzen/"
    assert module.specific.full_url == url
    assert module.specific.get_url() == url
    page = response.content.decode()
    assert f'href="{url}"' in page
    assert "Bekijk live" in page


def test_the_rest_and_graphql_urls_are_the_frontends(client, graphql, environment, settings):
    settings.BORG_LEARNING = {"FRONTEND_URL": FRONTEND + "/"}
    module = factories.basic_module(environment, slug="grenzen")

    detail = client.get(f"/api/v2/pages/{module.pk}/").json()
    answer = graphql("query($id: ID) { page(id: $id) { url } }", {"id": module.pk})

    assert detail["meta"]["html_url"] == f"{FRONTEND}/leeromgeving/grenzen/"
    assert answer["data"]["page"]["url"] == f"{FRONTEND}/leeromgeving/grenzen/"


def test_without_a_frontend_url_a_headless_page_is_on_the_sites_root(environment, headless):
    module = factories.basic_module(environment, slug="grenzen")

    assert module.specific.full_url == "http://localhost/leeromgeving/grenzen/"
    assert module.specific.get_url() == "/leeromgeving/grenzen/"


def test_a_frontend_url_is_checked(settings):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    settings.BORG_LEARNING = {"FRONTEND_URL": "leren.example.org"}
    with pytest.raises(SystemCheckError, match="FRONTEND_URL"):
        call_command("check")
