"""Browser tests: Debian's Chromium, driven by Playwright, against the example site.

One live server and one load of the demo content serve the whole package (the data
is committed, so the server's thread sees it); afterwards the database is put back as
it was. Tests are marked ``django_db`` for their own queries; what the server writes
during a test stays (on PostgreSQL) or is rolled back (on SQLite in memory, whose one
connection the server shares). One browser per session, a fresh context per test.
"""

import os
import re
import threading
from contextlib import contextmanager, nullcontext
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make for their expectations are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is not installed (`make test` installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def site(django_db_setup, django_db_blocker):
    """The example site with the demo content and the frontend, on a live server.

    Returns a namespace with ``url``, an ``editor`` account and the demo objects of
    ``demo.content.find()``.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.core.signals import request_finished, request_started
    from django.db import connection, transaction
    from django.test.utils import override_settings, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    from borg_learning.routes.models import Route
    from demo import content

    with django_db_blocker.unblock():
        made = made_test_database()
        before = connection.creation.serialize_db_to_string()
        with transaction.atomic():
            content.load()
        demo = content.find()
        demo.routes = list(Route.objects.filter(live=True).order_by("title"))
        demo.editor = editor_account()
        demo.requests = RequestsInFlight()
        request_started.connect(demo.requests.started)
        request_finished.connect(demo.requests.finished)
        server = LiveServer("localhost", start=False)
        demo.serving = nullcontext()
        if connection.vendor == "sqlite":
            demo.serving = threading.Lock()
            serve = server.thread.static_handler
            server.thread.static_handler = lambda application: OneAtATime(
                serve(application), demo.serving
            )
        server.start()
        demo.url = server.url
        # The frontend app's templates and static files, without reinstalling apps.
        templates = [{**engine, "DIRS": [FRONTEND / "templates"]} for engine in settings.TEMPLATES]
        example_site = override_settings(
            TEMPLATES=templates,
            STATICFILES_DIRS=[FRONTEND / "static"],
            ROOT_URLCONF="example_tests.browser.urls",
            # As in the example site: every module asks the demo questionnaire.
            BORG_LEARNING={**settings.BORG_LEARNING, "DEFAULT_QUESTIONNAIRE": "evaluatie-module"},
            # "Preview" in the admin sends the editor to this frontend.
            WAGTAIL_HEADLESS_PREVIEW={
                "CLIENT_URLS": {"default": server.url},
                "REDIRECT_ON_PREVIEW": True,
            },
        )
        example_site.enable()
    try:
        yield demo
    finally:
        example_site.disable()
        server.stop()
        request_started.disconnect(demo.requests.started)
        request_finished.disconnect(demo.requests.finished)
        with django_db_blocker.unblock():
            call_command(
                "flush",
                interactive=False,
                verbosity=0,
                inhibit_post_migrate=True,
                reset_sequences=False,
            )
            connection.creation.deserialize_db_from_string(before)
            if made:
                teardown_databases(made, verbosity=0)
        from wagtail.models import Site

        Site.clear_site_root_paths_cache()


class OneAtATime:
    """The live server's application, serving one request at a time.

    On SQLite in memory every thread of the server shares the test's one connection; two
    requests at once (the admin's preview beside its editor, the frontend's parallel
    queries) would mix their savepoints ("no such savepoint"). The response is built
    inside the lock; sending its bytes is not. A test holds the same lock to write while
    a tab is open (``server_paused``)."""

    def __init__(self, application, lock):
        self.application = application
        self.lock = lock

    def __call__(self, environ, start_response):
        with self.lock:
            return self.application(environ, start_response)


def made_test_database():
    """pytest-django makes the test database only when a test of the run asks for one (the
    ``django_db`` mark); a run of browser tests that all use ``committed_db`` has none, and
    the live server needs it. Returns what ``teardown_databases`` needs, or None."""
    from django.db import OperationalError, connection
    from django.test.utils import setup_databases

    try:
        if "wagtailcore_page" in connection.introspection.table_names():
            return None
    except OperationalError:
        pass  # a database server without the site's database (only the test's is made)
    return setup_databases(verbosity=0, interactive=False, aliases={"default"})


class RequestsInFlight:
    """Counts the requests the live server is handling.

    On SQLite in memory the server's thread shares the test's one connection: a test
    that writes, or rolls back, while the server is inside a request mixes the two
    threads' transactions. Tests wait for quiet first (``quiet_server``)."""

    def __init__(self):
        self.count = 0
        self.changed = threading.Condition()

    def started(self, **kwargs):
        with self.changed:
            self.count += 1

    def finished(self, **kwargs):
        with self.changed:
            self.count -= 1
            self.changed.notify_all()

    def wait_until_none(self, timeout=10):
        with self.changed:
            return self.changed.wait_for(lambda: self.count <= 0, timeout)


@contextmanager
def server_paused(site):
    """For a test that writes while its tabs may still be loading (putting a draft back in
    ``finally``): the live server builds no response meanwhile.

    On SQLite in memory the server shares the test's one connection; a statement a
    request has open makes the test's savepoint fail ("cannot release savepoint - SQL
    statements in progress"). On PostgreSQL the server has its own connection."""
    with site.serving:
        yield


def quiet(request):
    """Close the test's browser tabs and let the server finish their requests."""
    browser = request.node.funcargs.get("browser")
    for context in browser.contexts if browser else ():
        context.close()
    site = request.node.funcargs.get("site")
    if site is not None:
        site.requests.wait_until_none()


@pytest.fixture(autouse=True)
def quiet_server(request):
    """After each test, quiet the server before the test's transaction is rolled back
    (this fixture is torn down before pytest-django's)."""
    yield
    quiet(request)


@pytest.fixture
def committed_db(request, site, django_db_blocker):
    """Database access outside a test transaction, for a test that prepares data the
    live server must see: what it writes is committed and stays until ``site`` puts
    the database back. Not for a test marked ``django_db``: its writes would stay in the
    test's transaction, which the server does not see on PostgreSQL."""
    from django.db import connection

    with django_db_blocker.unblock():
        assert not connection.in_atomic_block, (
            "committed_db needs a test without the django_db mark: its writes must be "
            "committed for the live server to see them"
        )
        yield
        quiet(request)  # a request still running must not find the database blocked


EDITOR_PASSWORD = "round-trip-secret"


def editor_account():
    """A Wagtail admin user the browser logs in as (committed, so the server sees it)."""
    from example_tests.helpers import superuser

    editor = superuser()
    editor.set_password(EDITOR_PASSWORD)
    editor.save()
    return editor


def log_in_to_admin(tab, site):
    """Log ``tab`` in to the Wagtail admin as the editor; the admin's home is shown."""
    tab.goto(f"{site.url}/admin/login/")
    tab.fill("#id_username", site.editor.username)
    tab.fill("#id_password", EDITOR_PASSWORD)
    tab.get_by_role("button", name="Inloggen").click()
    tab.wait_for_url(f"{site.url}/admin/")


@pytest.fixture
def admin(browser, site):
    """A tab logged in to the Wagtail admin."""
    tab = browser.new_context(viewport=DESKTOP, locale="nl-NL", service_workers="block").new_page()
    log_in_to_admin(tab, site)
    yield tab
    tab.context.close()


#: The API's URL as the frontend requests it: POST to /graphql/, GET with parameters.
GRAPHQL_URL = re.compile(r"/graphql/(\?.*)?$")


def operation(request):
    """The GraphQL operation a frontend request runs ("Page", "AnswerExercise"), or None:
    queries go by GET with their name in the URL, mutations by POST with it in the body."""
    from urllib.parse import parse_qs, urlsplit

    url = urlsplit(request.url)
    if url.path != "/graphql/":
        return None
    if request.method == "GET":
        return parse_qs(url.query).get("operationName", [None])[0]
    try:
        return (request.post_data_json or {}).get("operationName")
    except ValueError:
        return None


def path(page):
    """A page's path on the demo site, as the frontend routes it."""
    from wagtail.models import Site

    root = Site.objects.get(is_default_site=True).root_page
    return page.url_path[len(root.url_path) - 1 :]


def every_screen(site):
    """A path for every kind of screen the frontend has, with a theme that has no modules."""
    return [
        "/",
        path(site.basic_section),
        path(site.specialist_section),
        path(site.basic_module),
        path(site.sgg),
        *(path(part) for part in site.sgg_parts),
        path(site.catalogue),
        "/mijn-voortgang/",
        "/mijn-badges/",
        "/dagelijkse-herhaling/",
        "/ranglijst/",
        "/leerroutes/",
        "/leerroutes/inwerkroute-begeleider/",
        "/themas/",
        "/themas/sgg/",
        "/themas/agressie-de-escalatie/",
        "/zoeken/?q=melden",
        "/bestaat-niet/",
        path(microlearning_section()),
        *(path(microlesson(kind)) for kind in ("quiz", "infographic", "podcast", "video")),
    ]


def microlearning_section():
    """The demo's section of microlessons."""
    from borg_learning.models import SectionPage

    return SectionPage.objects.get(slug="microlearning")


def microlesson(kind):
    """The demo's first live microlesson of a format ("quiz", "podcast", ...)."""
    from borg_learning.microlearning.models import MicrolessonPage

    return MicrolessonPage.objects.live().filter(format=kind).order_by("path").first()


def start_heading(environment):
    """The start page's heading: the intro's own first heading, else the page's title."""
    import re

    found = re.match(r"\s*<h[123][^>]*>(.*?)</h[123]>", environment.intro)
    return found.group(1) if found else environment.title


def module_heading(module):
    """A module's heading: a specialist module titled by its theme's abbreviation ("SGG")
    is named by the theme."""
    for theme in module.themes.all():
        if theme.slug == module.title.lower() or theme.name.endswith(f"({module.title})"):
            return theme.name
    return module.title


class Screen:
    """A browser tab on the demo frontend that records console errors."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.errors = []
        page.on(
            "console",
            lambda message: (
                message.type == "error" and self.errors.append(f"console: {message.text}")
            ),
        )
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def open(self, path):
        self.page.goto(self.base_url + path)
        return self.ready()

    def ready(self):
        """Wait until the screen has rendered: the frontend clears aria-busy then."""
        self.page.wait_for_selector("main:not([aria-busy]) h1")
        return self.page

    def check_accessibility(self):
        """axe-core finds nothing serious or critical on the current screen."""
        # Evaluated through the DevTools protocol: a <script> tag added to the page would be
        # an inline script, which the frontend's Content-Security-Policy refuses.
        self.page.evaluate(axe_script().read_text())
        result = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert not serious, f"axe on {self.page.url}:\n" + "\n".join(
            f"- {v['impact']} {v['id']}: {v['help']}\n    "
            + "\n    ".join(node["html"][:160] for node in v["nodes"][:5])
            for v in serious
        )


def axe_script():
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).with_name("axe.min.js")


def new_screen(browser, site, viewport, **options):
    """A tab in a fresh context; ``options`` go to the context (``user_agent``, say).

    The frontend's service worker is blocked unless a test allows it
    (``service_workers="allow"``, test_offline.py): a page it controls is answered by it,
    past the routes a test sets on the page (``page.route``)."""
    options.setdefault("service_workers", "block")
    context = browser.new_context(viewport=viewport, locale="nl-NL", **options)
    return Screen(context.new_page(), site.url)


def opened(browser, site, viewport, **options):
    """A tab for one test; the test fails on any console error."""
    tab = new_screen(browser, site, viewport, **options)
    yield tab
    tab.page.context.close()
    assert not tab.errors, "\n".join(tab.errors)


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def screen(request, browser, site):
    """A tab at phone and at desktop size; the test fails on any console error."""
    yield from opened(browser, site, request.param)


@pytest.fixture
def desktop(browser, site):
    yield from opened(browser, site, DESKTOP)


@pytest.fixture
def phone(browser, site):
    yield from opened(browser, site, PHONE)
