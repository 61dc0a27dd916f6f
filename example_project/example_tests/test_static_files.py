"""The example site's static files as production serves them: WhiteNoise, from what
`collectstatic` wrote, compressed and cached for a year under names with a hash of their
content, also where the frontend's modules import each other and in what its service
worker keeps; the frontend's shell and the API's answers gzipped, the admin's pages not."""

import gzip
import json
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from example.settings import base
from frontend.preload import preloads

FRONTEND = base.BASE_DIR / "frontend"
FRONTEND_STATIC = FRONTEND / "static"
HASHED = re.compile(r"/static/frontend/[\w/]+\.[0-9a-f]{12}\.js")
A_YEAR = 365 * 24 * 60 * 60

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """The frontend's files collected as the example site's settings collect them, and
    the frontend served (as in the browser tests, without reinstalling apps)."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("static")
    templates = [{**engine, "DIRS": [FRONTEND / "templates"]} for engine in settings.TEMPLATES]
    with override_settings(
        DEBUG=False,
        ROOT_URLCONF="example_tests.browser.urls",
        TEMPLATES=templates,
        STATIC_ROOT=root,
        STORAGES=base.STORAGES,
        STATICFILES_DIRS=[FRONTEND_STATIC],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield root


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Encoding") == "gzip":
        content = gzip.decompress(content)
    return content.decode()


def test_the_shell_points_at_hashed_files_and_they_at_each_other(collected, client):
    shell = body(client.get("/"))
    preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', shell)
    modules, _query = preloads("/", {})
    assert len(preloaded) == len(modules)
    assert all(HASHED.fullmatch(href) for href in preloaded)
    app = next(href for href in preloaded if "/app." in href)
    assert f'<script type="module" src="{app}">' in shell
    imports = re.findall(r'from "\./([^"]+)";|import\("\./([^"]+)"\)', body(client.get(app)))
    names = [static or dynamic for static, dynamic in imports]
    assert names and all(re.fullmatch(r"[\w/]+\.[0-9a-f]{12}\.js", name) for name in names)


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_static_files_come_compressed_and_cached_for_a_year(collected, client, encoding):
    shell = body(client.get("/"))
    app = re.search(r'<script type="module" src="([^"]+)">', shell).group(1)
    css = re.search(r'<link rel="stylesheet" href="([^"]+)">', shell).group(1)
    for url in (app, css):
        response = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
        assert response.status_code == 200
        assert response["Content-Encoding"] == encoding
        cache = response["Cache-Control"]
        assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= A_YEAR
        assert "immutable" in cache


def test_the_shell_and_the_api_answers_are_gzipped(collected, client):
    shell = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert shell["Content-Encoding"] == "gzip"
    assert "Bezig met laden" in body(shell)
    answer = client.post(
        "/graphql/",
        {"query": "{ __schema { types { name description } } }"},
        content_type="application/json",
        HTTP_ACCEPT_ENCODING="gzip",
    )
    assert answer["Content-Encoding"] == "gzip"


def test_the_service_worker_keeps_the_hashed_files_the_shell_loads(collected, client):
    worker = body(client.get("/service-worker.js"))
    kept = set(json.loads(re.match(r"const CONFIG = (.*);\n", worker).group(1))["shell"])
    shell = body(client.get("/"))
    loaded = re.findall(r'(?:src|href)="(/static/[^"]+)"', shell)
    assert loaded and set(loaded) <= kept
    for url in kept - {"/"}:
        response = client.get(url)
        assert response.status_code == 200, url
        if url.startswith("/static/"):  # hashed, so a new version is a new name
            assert re.search(r"\.[0-9a-f]{12}\.\w+$", url), url


@pytest.mark.parametrize("path", ["/admin/login/", "/django-admin/", "/documents/1/a.pdf"])
def test_admin_pages_and_files_are_not_gzipped(rf, path):
    from django.http import HttpResponse

    from example.static import CompressMiddleware

    page = "<form><input name=csrfmiddlewaretoken value=secret></form>" * 20
    compress = CompressMiddleware(lambda request: HttpResponse(page))
    response = compress(rf.get(path, HTTP_ACCEPT_ENCODING="gzip"))
    assert not response.has_header("Content-Encoding")
    assert response.content.decode() == page
