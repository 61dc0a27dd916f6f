"""The demo frontend as an installable web app: a manifest a browser accepts (the fields it
needs, icons of the sizes it names) and a service worker served from the root for the
whole site, which keeps every file of the app shell. The browser test
(browser/test_offline.py) uses them offline."""

import json
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

from frontend import installable

from .test_csp_headers import directives

pytestmark = pytest.mark.django_db

FRONTEND = Path(__file__).resolve().parents[1] / "frontend"


@pytest.fixture
def frontend(settings):
    """The example site's URLs with the demo frontend (not an installed app here)."""
    settings.ROOT_URLCONF = "example_tests.browser.urls"
    settings.TEMPLATES = [
        {**engine, "DIRS": [FRONTEND / "templates"]} for engine in settings.TEMPLATES
    ]
    settings.STATICFILES_DIRS = [FRONTEND / "static"]


def worker_config(response):
    """The worker's CONFIG, from the line the site puts before its script."""
    first_line = response.content.decode().split("\n", 1)[0]
    return json.loads(re.fullmatch(r"const CONFIG = (.*);", first_line).group(1))


def static_file(url, settings):
    return finders.find(url.removeprefix(settings.STATIC_URL))


def test_the_manifest_has_what_a_browser_needs_to_install_the_app(client, frontend, settings):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Leeromgeving De Borg"
    assert 0 < len(manifest["short_name"]) <= 12  # fits below an icon on a home screen
    assert manifest["id"] == manifest["start_url"] == manifest["scope"] == "/"
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "nl"
    for colour in ("theme_color", "background_color"):
        assert re.fullmatch(r"#[0-9a-f]{6}", manifest[colour])
    sizes = {}
    for icon in manifest["icons"]:
        path = static_file(icon["src"], settings)
        assert path, icon["src"]
        with Image.open(path) as image:
            assert image.format == "PNG" == icon["type"].split("/")[1].upper()
            assert icon["sizes"] == f"{image.width}x{image.height}"
            assert image.width == image.height
        sizes.setdefault(icon["purpose"], set()).add(image.width)
    assert {192, 512} <= sizes["any"]
    assert 512 in sizes["maskable"]


def test_the_shell_links_the_manifest_and_the_worker(client, frontend):
    shell = client.get("/modules/iets/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in shell
    assert '<meta name="borg-service-worker" content="/service-worker.js">' in shell
    assert '<meta name="theme-color" content="#5b2a86">' in shell
    touch_icon = re.search(r'<link rel="apple-touch-icon" href="([^"]+)">', shell).group(1)
    with Image.open(finders.find(touch_icon.removeprefix("/static/"))) as image:
        assert image.size == (180, 180)


def test_the_service_worker_is_served_from_the_root_for_the_whole_site(client, frontend):
    response = client.get("/service-worker.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"  # a browser must see a new version
    assert 'self.addEventListener("fetch"' in response.content.decode()
    # Under the site's strict policy, which lets the worker and the manifest come from it.
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["worker-src"] == policy["manifest-src"] == ["'self'"]


def test_the_worker_keeps_every_file_of_the_app_shell(client, frontend, settings):
    config = worker_config(client.get("/service-worker.js"))
    shell = config["shell"]
    assert shell[0] == config["shellUrl"] == "/"
    assert config["graphql"] == "/graphql/"
    assert config["media"] == settings.MEDIA_URL
    assert len(shell) == len(set(shell))
    assert "/manifest.webmanifest" in shell
    names = {url.rsplit("/", 1)[1] for url in shell}
    # Every module of the app (also each screen's, loaded when first shown), its styles and
    # icons, and every documented query (the progress mutations too: sent later).
    for path in installable.SOURCES.rglob("*"):
        if path.is_file():
            assert path.name in names, path
    assert {"page.graphql", "record_progress.graphql", "answer_exercise.graphql"} <= names
    # Each of them is there for the worker to keep (an install fails on a missing one).
    for url in shell:
        if url.startswith(settings.STATIC_URL):
            assert static_file(url, settings), url
        else:
            assert client.get(url).status_code == 200, url


def test_a_changed_file_is_a_new_worker(client, frontend, settings, tmp_path, monkeypatch):
    settings.DEBUG = True  # the version is worked out again on each request
    before = worker_config(client.get("/service-worker.js"))["version"]
    assert worker_config(client.get("/service-worker.js"))["version"] == before
    changed = tmp_path / "service-worker.js"
    changed.write_text(installable.WORKER.read_text() + "\n// another version\n")
    monkeypatch.setattr(installable, "WORKER", changed)
    assert worker_config(client.get("/service-worker.js"))["version"] != before


def test_in_production_the_worker_is_worked_out_once(client, frontend, settings, monkeypatch):
    """Without DEBUG the static folder is walked and hashed once, not on each visit; a
    changed setting is seen."""
    settings.DEBUG = False
    settings.STATIC_URL = "/static/"
    walks = []
    names = installable.static_names
    monkeypatch.setattr(installable, "static_names", lambda: walks.append(1) or names())
    first = client.get("/service-worker.js").content
    walked = len(walks)

    assert client.get("/service-worker.js").content == first
    assert len(walks) == walked
    settings.STATIC_URL = "/files/"
    shell = worker_config(client.get("/service-worker.js"))["shell"]
    assert any(url.startswith("/files/frontend/") for url in shell)
