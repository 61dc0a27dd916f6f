"""The demo frontend as an installable web app: its manifest and its service worker.

Both are served from the site's root. The worker's scope is the whole site (``/``): it
answers the frontend's pages, files and API answers without a connection (see
``worker/service-worker.js`` and docs/frontend.md, "Installable and offline"). The
worker's script is this folder's ``worker/service-worker.js`` with one line before it,
``const CONFIG = {...}``: the files of the app shell it keeps, under the names the
static files storage gives them (hashed in production), and a version that is a hash of
all of them, so any change of the app is a new worker.
"""

import hashlib
import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from .preload import SOURCES, STATIC_PREFIX
from .views import QUERIES

WORKER = Path(__file__).resolve().parent / "worker" / "service-worker.js"
NAME = "Leeromgeving De Borg"
SHORT_NAME = "De Borg"
THEME_COLOUR = "#5b2a86"  # the site's --accent
BACKGROUND_COLOUR = "#ffffff"  # the site's --paper
ICONS = [
    ("icons/icon-192.png", 192, "any"),
    ("icons/icon-512.png", 512, "any"),
    ("icons/icon-maskable-512.png", 512, "maskable"),
]
SHELL_TEMPLATE = "frontend/index.html"
GRAPHQL_ENDPOINT = "/graphql/"  # as the shell's borg-graphql-endpoint says


@require_GET
def manifest(request):
    """The web app manifest: what a browser needs to offer "Install" (or "Add to home
    screen"), and how the app looks once installed."""
    data = {
        "id": "/",
        "name": NAME,
        "short_name": SHORT_NAME,
        "description": "Modules, microlessen en leerroutes voor wie werkt met mensen met een "
        "licht verstandelijke beperking en ernstige gedragsproblemen.",
        "lang": "nl",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "categories": ["education"],
        "icons": [
            {
                "src": static(f"{STATIC_PREFIX}/{name}"),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for name, size, purpose in ICONS
        ],
    }
    response = JsonResponse(data, content_type="application/manifest+json")
    response["Cache-Control"] = "no-cache"  # the icons' hashed names change with them
    return response


@require_GET
def service_worker(request):
    """The service worker's script, served from the root so that its scope is the whole
    site; ``Service-Worker-Allowed`` says so too."""
    script = worker_script() if settings.DEBUG else cached_worker_script()
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # The browser checks for a new worker on each visit; it must get this one, not an old copy.
    response["Cache-Control"] = "no-cache"
    return response


def static_names():
    """Every file of the frontend's static folder, by its static name ("frontend/app.js")."""
    return sorted(
        f"{STATIC_PREFIX}/{path.relative_to(SOURCES).as_posix()}"
        for path in SOURCES.rglob("*")
        if path.is_file()
    )


def shell_files():
    """The URLs of the app shell, kept when the worker is installed: the HTML shell, the
    static files, the documented queries and the manifest. Only those on this site: a
    cache may not keep another site's files for the app."""
    urls = [
        "/",
        reverse("frontend:manifest"),
        *(staticfiles_storage.url(name) for name in static_names()),
        *(
            reverse("frontend:query", args=[path.stem])
            for path in sorted(QUERIES.glob("*.graphql"))
        ),
    ]
    return tuple(url for url in urls if url.startswith("/") and not url.startswith("//"))


def worker_script():
    return f"const CONFIG = {json.dumps(worker_config())};\n\n{WORKER.read_text(encoding='utf-8')}"


@cache
def cached_worker_script():
    """The script once per process when DEBUG is off: the files do not change while the
    site runs, so neither a walk over the static folder nor a hash of every file on each
    request (the browser asks on each visit)."""
    return worker_script()


@receiver(setting_changed)
def forget_worker_script(**kwargs):
    """Another setting (the static files' URL or storage, say): the script again."""
    cached_worker_script.cache_clear()


def worker_config():
    files = shell_files()
    media = settings.MEDIA_URL if str(settings.MEDIA_URL).startswith("/") else None
    return {
        "version": version(files),
        "shell": list(files),
        "shellUrl": "/",
        "graphql": GRAPHQL_ENDPOINT,
        "media": media,
    }


def version(files):
    """A hash of what the worker keeps, read from the sources: the shell's template, the
    static files, the queries, and the worker itself."""
    digest = hashlib.sha256()
    template = Path(get_template(SHELL_TEMPLATE).origin.name)
    sources = [
        WORKER,
        template,
        *(SOURCES / name.removeprefix(f"{STATIC_PREFIX}/") for name in static_names()),
        *sorted(QUERIES.glob("*.graphql")),
    ]
    for url in files:
        digest.update(url.encode() + b"\0")
    for path in sources:
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]
