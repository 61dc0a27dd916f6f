"""The Content-Security-Policy in a real browser: the demo frontend's screens run under the
strict policy without a violation, a Vimeo video loads only after the click, the policy
refuses what it should, and the Wagtail admin keeps working under its own policy."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, every_screen, log_in_to_admin, path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Every violation, also those the console does not report, collected in the page.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`.trim());
});
"""


def violations(page):
    return page.evaluate("window.cspViolations")


@pytest.fixture
def recorded(desktop):
    desktop.page.add_init_script(RECORD_VIOLATIONS)
    return desktop


def test_every_screen_runs_under_the_strict_policy(recorded, site):
    for screen_path in every_screen(site):
        response = recorded.page.goto(recorded.base_url + screen_path)
        policy = dict(
            directive.strip().split(" ", 1)
            for directive in response.headers["content-security-policy"].split(";")
        )
        assert policy["script-src"] == "'self'"
        assert "unsafe" not in response.headers["content-security-policy"]
        recorded.ready()
        assert violations(recorded.page) == [], screen_path
    # The console too (the fixture fails the test on any console error).


def part_with_embedded_video(site):
    for part in site.sgg_parts:
        if any(block.block_type == "video" and block.value["embed_url"] for block in part.body):
            return part
    raise AssertionError("the demo content has no embedded video")


def test_a_vimeo_video_loads_after_the_click_within_the_policy(recorded, site):
    page = recorded.page
    asked = []

    def player(route):
        asked.append(route.request.url)
        route.fulfill(content_type="text/html", body="<!doctype html><p>Vimeo-speler</p>")

    # Vimeo's player, answered here: the test does not reach out to the internet.
    page.route("https://player.vimeo.com/**", player)
    recorded.open(path(part_with_embedded_video(site)))
    button = page.get_by_role("button", name="Video laden van vimeo.com")
    expect(button).to_be_visible()
    assert asked == []  # nothing goes to Vimeo before the learner asks for the video

    button.click()
    expect(page.locator(".embed iframe")).to_have_attribute(
        "src", "https://player.vimeo.com/video/76979871"
    )
    expect(page.frame_locator(".embed iframe").locator("p")).to_have_text("Vimeo-speler")
    assert asked == ["https://player.vimeo.com/video/76979871"]
    assert violations(page) == []


def test_the_policy_refuses_inline_script_styles_and_other_frames(recorded, site):
    page = recorded.open("/")
    page.evaluate(
        """() => {
          const script = document.createElement("script");
          script.textContent = "window.injected = true";
          document.body.append(script);
          document.body.insertAdjacentHTML("beforeend",
            '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onerror="window.injected = true">');
          document.body.setAttribute("style", "background: red");
          const frame = document.createElement("iframe");
          frame.src = "https://example.com/";
          document.body.append(frame);
        }"""
    )
    # A function, not a string: the policy refuses eval, which a string would need.
    page.wait_for_function("() => window.cspViolations.length >= 5")
    assert page.evaluate("window.injected") is None
    assert {violation.split()[0] for violation in violations(page)} >= {
        "script-src-elem",
        "script-src-attr",
        "style-src-attr",
        "img-src",
        "frame-src",
    }
    # These violations are on purpose: the console reports them, which the browser tests
    # count as failures, so they are checked here and then set aside.
    assert any("Content Security Policy" in error for error in recorded.errors)
    recorded.errors[:] = [e for e in recorded.errors if "Content Security Policy" not in e]


ADMIN_SCREENS = [
    "/admin/",
    "/admin/pages/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/media/",
    "/admin/snippets/",
]


def test_the_wagtail_admin_works_under_its_own_policy(browser, site):
    context = browser.new_context(viewport=DESKTOP, locale="nl-NL")
    context.add_init_script(RECORD_VIOLATIONS)
    # The dashboard asks wagtail.org for the latest version; answered here, offline.
    context.route("https://releases.wagtail.org/**", lambda route: route.fulfill(body="{}"))
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = page.goto(f"{site.url}/admin/login/")
        assert "'unsafe-inline'" in response.headers["content-security-policy"]
        log_in_to_admin(page, site)
        for admin_path in [*ADMIN_SCREENS, f"/admin/pages/{site.sgg_parts[0].pk}/edit/"]:
            page.goto(site.url + admin_path)
            page.wait_for_load_state("networkidle")
            assert violations(page) == [], admin_path

        # The page editor: its preview panel shows the frontend in a frame.
        page.get_by_role("button", name="Toon/verberg voorvertoning").click()
        # (The panel loads a new frame next to the old one and then swaps them.)
        preview = page.frame_locator("[data-side-panel='preview'] iframe >> nth=-1")
        expect(preview.locator("main:not([aria-busy]) h1")).to_have_text(site.sgg_parts[0].title)
        # A new module's image chooser opens in a modal, with the images' thumbnails.
        page.goto(
            f"{site.url}/admin/pages/add/borg_learning/basicmodulepage/{site.basic_section.pk}/"
        )
        # (The image field is on another tab: the click goes to the button directly.)
        page.locator("#id_image-chooser .chooser__choose-button").dispatch_event("click")
        expect(page.locator(".modal-content img").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert violations(page) == []
        assert not [error for error in errors if "Content Security Policy" in error], errors
    finally:
        context.close()
