"""GraphiQL comes from the app's own static files: it works offline and under a
Content-Security-Policy that allows only the site itself."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings

pytestmark = pytest.mark.django_db

HTML = {"HTTP_ACCEPT": "text/html"}


@pytest.fixture
def page(client):
    with override_settings(BORG_LEARNING={"GRAPHIQL": True}):
        response = client.get("/graphql/", **HTML)
    assert response.status_code == 200
    return response.content.decode()


def test_every_script_and_stylesheet_is_one_of_the_app_s_static_files(page, settings):
    urls = re.findall(r'<(?:script|link)[^>]*(?:src|href)="([^"]+)"', page)
    assert len(urls) == 11
    for url in urls:
        assert url.startswith(settings.STATIC_URL), url
        assert finders.find(url.removeprefix(settings.STATIC_URL)), url


def test_the_page_has_no_inline_script(page):
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    inline = [attrs for attrs, body in scripts if body.strip()]
    # The one with a body is data (JSON), which no Content-Security-Policy blocks.
    assert inline == [' id="graphiql-settings" type="application/json"']
