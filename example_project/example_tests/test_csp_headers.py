"""The Content-Security-Policy headers (django-csp, as example/settings/base.py sets it
up): the strict policy of the demo frontend and the rest of the site, the admin's own.
The browser tests (browser/test_content_security_policy.py) run the pages under them."""

from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


def directives(response):
    header = response.headers["Content-Security-Policy"]
    parsed = {}
    for directive in header.split(";"):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


@pytest.fixture
def frontend(settings):
    """The example site's URLs with the demo frontend (not an installed app here)."""
    settings.ROOT_URLCONF = "example_tests.browser.urls"
    settings.TEMPLATES = [
        {**engine, "DIRS": [FRONTEND / "templates"]} for engine in settings.TEMPLATES
    ]


def test_the_frontend_gets_the_strict_policy(client, frontend):
    response = client.get("/modules/iets/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'"]
    # The installable app's service worker and manifest, from the site's root.
    assert policy["worker-src"] == ["'self'"]
    assert policy["manifest-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-src"] == ["https://player.vimeo.com", "https://www.youtube-nocookie.com"]
    assert "'self'" in policy["frame-ancestors"]  # the admin's preview panel
    assert not [value for values in policy.values() for value in values if "unsafe" in value]


def test_the_api_gets_the_strict_policy_too(client):
    response = client.get("/api/v2/pages/")
    assert directives(response)["script-src"] == ["'self'"]


def test_the_admin_gets_its_own_policy(client):
    response = client.get("/admin/login/")
    policy = directives(response)
    # Wagtail's admin still has inline scripts and style attributes (wagtail/wagtail#1288).
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]


# Script types a browser runs; any other type is a data block (the frontend's first query).
CODE = {"", "module", "text/javascript", "application/javascript"}


class InlineCode(HTMLParser):
    """Collects what the strict policy would refuse in a page: inline scripts and styles."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and "src" not in attributes and attributes.get("type", "") in CODE:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style>")
        for name in attributes:
            if name == "style" or name.startswith("on"):
                self.found.append(f"{name}= on <{tag}>")


def test_the_frontend_page_has_no_inline_script_or_style(client, frontend):
    parser = InlineCode()
    parser.feed(client.get("/").content.decode())
    assert parser.found == []


def test_the_admin_may_frame_the_frontends_preview_and_nothing_else(client, frontend):
    # Where wagtail-headless-preview sends the preview panel's frame: the frontend's root
    # with the draft's token.
    preview = client.get("/?content_type=borg_learning.basicmodulepage&token=abc:def")
    assert preview.status_code == 200
    assert preview.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert "'self'" in directives(preview)["frame-ancestors"]

    for other in ("/", "/modules/iets/?token=abc", "/api/v2/pages/", "/admin/login/"):
        assert client.get(other).headers["X-Frame-Options"] == "DENY", other
