"""Every screen at phone and desktop size: its content appears, nothing is reported
in the console and axe-core finds no serious or critical accessibility problems."""

import re
from pathlib import Path

import pytest
from django.db import connection
from playwright.sync_api import expect

from .conftest import microlearning_section, microlesson, module_heading, path, start_heading
from .test_progress import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[3]
SCREENSHOTS = ROOT / "docs" / "screenshots"
ICONS_JS = ROOT / "example_project" / "frontend" / "static" / "frontend" / "icons.js"


def test_start_page(screen, site):
    page = screen.open("/")
    expect(page.locator("h1")).to_have_text(start_heading(site.environment))
    # The learning routes come after the first paint, each with its image (whose rendition
    # the first request makes: slow on a busy machine).
    routes = page.get_by_role("region", name="Leerroutes voor jou")
    expect(routes.locator(".route-tile")).to_have_count(len(site.routes), timeout=20_000)
    routes.scroll_into_view_if_needed()
    expect(routes.locator("img")).to_have_count(len(site.routes))
    page.wait_for_function(
        "() => [...document.querySelectorAll('.route-tile img')].every((i) => i.complete)"
    )
    buttons = page.get_by_role("navigation", name="Kies een onderwerp").get_by_role("link")
    expect(buttons).to_contain_text([button.label for button in site.environment.buttons.all()])
    expect(page.get_by_role("link", name=site.environment.feedback_label)).to_have_attribute(
        "href", f"mailto:{site.environment.feedback_email}"
    )
    screen.check_accessibility()
    if page.viewport_size["width"] == 390:
        # The whole page: the intro fills the phone's screen, the buttons come below it.
        keep_screenshot(page, "start-phone.png", full_page=True)


@pytest.mark.parametrize("section", ["basic_section", "specialist_section"])
def test_section(screen, site, section):
    section = getattr(site, section)
    page = screen.open(path(section))
    expect(page.locator("h1")).to_have_text(section.title)
    modules = [child.title for child in section.get_children().live()]
    expect(page.locator(".tile__title")).to_have_text(modules)
    screen.check_accessibility()


def test_microlearning(screen, site):
    section = microlearning_section()
    page = screen.open(path(section))
    expect(page.locator("h1")).to_have_text(section.title)
    lessons = [child.title for child in section.get_children().live()]
    expect(page.locator(".tile__title")).to_have_text(lessons)
    screen.check_accessibility()
    screenshot(page, "microlearning")


@pytest.mark.parametrize("kind", ["quiz", "infographic", "podcast", "video"])
def test_microlesson(screen, site, kind):
    lesson = microlesson(kind)
    page = screen.open(path(lesson))
    expect(page.locator("h1")).to_have_text(lesson.title)
    expect(page.locator(".microlesson__format")).to_contain_text(f"{lesson.length} seconden")
    expect(page.get_by_role("link", name="Terug naar alle microlessen")).to_have_attribute(
        "href", path(microlearning_section())
    )
    screen.check_accessibility()
    screenshot(page, f"microlesson-{kind}")


def test_basic_module(screen, site):
    module = site.basic_module
    page = screen.open(path(module))
    expect(page.locator("h1")).to_have_text(module.title)
    facts = page.locator(".facts")
    expect(facts).to_contain_text(f"{module.target_duration} minuten")
    expect(facts).to_contain_text(module.development_group.name)
    expect(facts).to_contain_text(f"© {module.copyright_holder}")
    expect(page.locator(".exercise")).to_have_count(
        sum(block.block_type == "exercise" for block in module.body)
    )
    screen.check_accessibility()
    if page.viewport_size["width"] == 1280:
        keep_screenshot(page, "module-desktop.png")


def test_specialist_module_start_page(screen, site):
    page = screen.open(path(site.sgg))
    expect(page.locator("h1")).to_have_text(module_heading(site.sgg))
    expect(page.locator(".facts")).to_contain_text(site.development_group.name)
    expect(page.locator(".facts")).to_contain_text(f"© {site.sgg.copyright_holder}")
    expect(page.locator(".tiles--parts .tile__title")).to_have_text(
        [part.title for part in site.sgg_parts]
    )
    expect(page.locator(".credits li")).to_have_count(len(site.development_group.members.all()))
    screen.check_accessibility()


@pytest.mark.parametrize("number", [0, 1, 2])
def test_module_part(screen, site, number):
    part = site.sgg_parts[number]
    page = screen.open(path(part))
    expect(page.locator("h1")).to_have_text(part.title)
    expect(page.locator(".module__parent")).to_have_text(f"Onderdeel van {site.sgg.title}")
    expect(page.locator(".facts")).to_contain_text(f"© {site.sgg.copyright_holder}")
    # One rendered block per block in the body, of the same kind.
    kinds = {
        "text": "LearningTextBlock",
        "image": "LearningImageBlock",
        "audio": "LearningAudioBlock",
        "video": "LearningVideoBlock",
        "exercise": "LearningExerciseBlock",
        "download": "LearningDownloadBlock",
        "link": "LearningLinkBlock",
    }
    rendered = page.locator(".blocks > .block").evaluate_all(
        "blocks => blocks.map(b => b.className.replace('block block--', ''))"
    )
    assert rendered == [kinds[block.block_type] for block in part.body]
    screen.check_accessibility()


def test_every_block_type_is_rendered(desktop, site):
    """Across the SGG parts: players with transcripts, images with alt text, downloads."""
    page = desktop.page
    seen = set()
    for part in site.sgg_parts:
        desktop.open(path(part))
        seen.update(
            page.locator(".blocks > .block").evaluate_all(
                "blocks => blocks.map(b => b.className.replace('block block--', ''))"
            )
        )
        for image in page.locator(".blocks img").all():
            assert image.get_attribute("alt"), "an image without a text alternative"
        for player in page.locator(".media").all():
            title = player.locator(".media__title").evaluate(
                "title => title.firstChild.textContent"
            )
            expect(player.locator(".transcript summary")).to_have_text(
                f"Uitgeschreven tekst van ‘{title}’"
            )
    assert seen == {
        "LearningTextBlock",
        "LearningImageBlock",
        "LearningAudioBlock",
        "LearningVideoBlock",
        "LearningExerciseBlock",
        "LearningDownloadBlock",
        "LearningLinkBlock",
    }
    desktop.open(path(site.sgg_parts[1]))
    video = page.locator("video")
    expect(video.locator("track[kind=subtitles]")).to_have_count(1)
    page.locator(".media .transcript summary").first.click()
    expect(page.locator(".media .transcript .rich-text").first).to_be_visible()


def test_learning_routes(screen, site):
    """The list of routes and one route, each with its image."""
    page = screen.open("/leerroutes/")
    expect(page.locator("h1")).to_have_text("Leerroutes")
    expect(page.locator(".route-tile h2")).to_have_text([route.title for route in site.routes])
    screen.check_accessibility()
    screenshot(page, "routes")
    route = site.routes[0]
    page = screen.open(f"/leerroutes/{route.slug}/")
    expect(page.locator("h1")).to_have_text(route.title)
    image = page.locator("main .route__image")
    expect(image).to_have_attribute("alt", "")
    expect(page.get_by_role("button", name="Start deze route")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("undefined")
    assert image.evaluate("(image) => image.complete && image.naturalWidth > 0")
    screen.check_accessibility()
    screenshot(page, "route")


def test_catalogue(screen, site):
    page = screen.open(path(site.catalogue))
    expect(page.locator("h1")).to_have_text(site.catalogue.title)
    expect(page.locator(".offer")).not_to_have_count(0)
    screen.check_accessibility()


def test_theme_map(screen, site):
    """The overview map: every theme in its colour, branching to its modules and from a
    specialist module to its parts; a theme without modules leads to its offers."""
    page = screen.open("/")
    page.get_by_role("link", name="Overzichtskaart: alle thema's, modules en onderdelen").click()
    expect(page.locator("main h1")).to_have_text("Overzichtskaart")
    themes = page.locator(".map__theme")
    expect(themes.locator("h2")).to_have_text([theme.name for theme in site.themes.values()])
    for theme in themes.all():
        # The band and every line of the theme in the theme's colour.
        colours = theme.evaluate(
            """theme => [getComputedStyle(theme.querySelector(".theme__band")).backgroundColor,
              ...[...theme.querySelectorAll(".map__modules > li, .map__node")]
                .map((element) => getComputedStyle(element).borderTopColor)]"""
        )
        assert len(set(colours)) == 1, colours
    sgg = themes.filter(has=page.get_by_role("link", name=site.themes["sgg"].name))
    module = sgg.locator(".map__module").filter(has_text=site.sgg.title)
    expect(module.locator(".map__node").first).to_have_attribute("href", path(site.sgg))
    expect(module.locator(".map__parts .map__title")).to_have_text(
        [part.title for part in site.sgg_parts]
    )
    empty = themes.filter(has=page.get_by_role("link", name="Agressie en de-escalatie"))
    expect(empty.locator(".map__empty")).to_contain_text("Nog geen modules bij dit thema.")
    screen.check_accessibility()
    empty.get_by_role("link", name="Bekijk het opleidingsaanbod erover").click()
    expect(page.locator("main h1")).to_have_text("Agressie en de-escalatie")


def test_search_results(screen, site):
    page = screen.open("/zoeken/?q=melden")
    expect(page.locator("h1")).to_have_text("Zoeken")
    expect(page.locator(".result__title")).to_contain_text(["Na een incident"])
    screen.check_accessibility()


def test_unknown_page(screen, site):
    page = screen.open("/leeromgeving/bestaat-niet/")
    expect(page.locator("h1")).to_have_text("Pagina niet gevonden")
    expect(page.get_by_role("link", name="Naar de startpagina van de leeromgeving")).to_be_visible()
    screen.check_accessibility()


def test_every_icon_editors_can_pick_is_drawn():
    """The frontend draws each icon of the app's set; an unknown one would be a circle."""
    from borg_learning.conf import SETTINGS

    drawn = set(re.findall(r"^  (\w+): \"", ICONS_JS.read_text(), re.MULTILINE))
    assert {slug for slug, _label in SETTINGS["ICONS"].default} <= drawn


def keep_screenshot(page, name, **options):
    """Keep the README's screenshots current: rewritten on the SQLite run when changed."""
    if connection.vendor != "sqlite":
        return
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    image = page.screenshot(**options)
    if not target.exists() or target.read_bytes() != image:
        target.write_bytes(image)
