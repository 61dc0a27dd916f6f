"""The first paint on a slow connection: the shell shows that it is loading before any
script runs, and the first screen needs one round trip for its code (everything it loads
is preloaded by the shell) and none for its query; other screens' code loads when they
are shown. How fast that is: benchmarks/first_paint.py."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Loaded after the screen is shown: the visit counter, the header's points, progress, the
# evaluation and the installable app's service worker and offline notice.
AFTER_THE_SCREEN = {
    "visits.js",
    "points.js",
    "tracking.js",
    "evaluation.js",
    "questionnaire.js",
    "offline.js",
}


def test_the_shell_shows_that_it_is_loading_before_any_script_runs(phone, site):
    page = phone.page
    page.route(re.compile(r".*\.js$"), lambda route: route.abort())
    page.goto(site.url + "/")
    main = page.locator("main")
    expect(main).to_have_attribute("aria-busy", "true")
    expect(main.locator(".loading")).to_have_text("Bezig met laden…")
    expect(main.locator(".loading")).to_be_visible()
    # The browser reports the refused scripts itself; nothing else may appear.
    phone.errors = [e for e in phone.errors if "Failed to load resource" not in e]


def first_screens(site):
    return {
        "start page": ("/", "start_page"),
        "basic module": (path(site.basic_module), "page"),
        "specialist module": (path(site.sgg), "page"),
        "module part": (path(site.sgg_parts[0]), "page"),
        "theme map": ("/themas/", "theme_map"),
        "learning route": ("/leerroutes/inwerkroute-begeleider/", "route"),
        "learning routes": ("/leerroutes/", "routes"),
        "daily review": ("/dagelijkse-herhaling/", "due_reviews"),
    }


@pytest.mark.parametrize(
    "screen_name",
    [
        "start page",
        "basic module",
        "specialist module",
        "module part",
        "theme map",
        "learning route",
        "learning routes",
        "daily review",
    ],
)
def test_the_first_screen_loads_what_the_shell_preloads(desktop, site, screen_name):
    screen_path, query = first_screens(site)[screen_name]
    page = desktop.page
    requested = []
    page.on("request", lambda request: requested.append(request))
    desktop.open(screen_path)
    page.wait_for_load_state("networkidle")
    preloaded = set(
        page.locator("link[rel=modulepreload]").evaluate_all(
            "links => links.map(link => link.href)"
        )
    )
    scripts = {request.url for request in requested if request.resource_type == "script"}
    names = {url.rsplit("/", 1)[1] for url in scripts - preloaded}
    assert names <= AFTER_THE_SCREEN, f"loaded without a preload: {names}"
    # The first query's text comes with the shell.
    assert not [r.url for r in requested if r.url.endswith(f"/frontend/queries/{query}.graphql")]


def test_other_screens_load_their_code_when_they_are_shown(desktop, site):
    page = desktop.page
    scripts = []
    page.on("request", lambda r: r.resource_type == "script" and scripts.append(r.url))
    desktop.open("/")
    page.wait_for_load_state("networkidle")
    names = {url.rsplit("/", 1)[1] for url in scripts}
    assert not names & {"module.js", "blocks.js", "exercise.js", "catalogue.js", "themes.js"}
    page.get_by_role("link", name="Opleidingsaanbod").first.click()
    expect(page.locator("main h1")).to_have_text(site.catalogue.title)
    assert "catalogue.js" in {url.rsplit("/", 1)[1] for url in scripts}
