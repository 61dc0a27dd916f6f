"""Moving between screens by links, keyboard and browser history; what the learner is
told when the API cannot be reached."""

import pytest
from playwright.sync_api import expect

from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import Offering

from .conftest import GRAPHQL_URL, module_heading, path, start_heading
from .test_progress import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_from_the_start_page_to_a_part_and_back(screen, site):
    page = screen.open("/")
    page.get_by_role("link", name="Specialistische modules").first.click()
    expect(page.locator("main h1")).to_have_text(site.specialist_section.title)
    page.get_by_role("link", name=site.sgg.title, exact=True).click()
    expect(page.locator("main h1")).to_have_text(module_heading(site.sgg))
    part = site.sgg_parts[0]
    page.get_by_role("link", name=part.title).click()
    expect(page.locator("main h1")).to_have_text(part.title)
    assert page.url.endswith(path(part))
    page.get_by_role("link", name=f"Terug naar {site.sgg.title}").click()
    expect(page.locator("main h1")).to_have_text(module_heading(site.sgg))
    page.go_back()
    expect(page.locator("main h1")).to_have_text(part.title)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Thema's").click()
    expect(page.locator("main h1")).to_have_text("Overzichtskaart")


def test_a_theme_button_opens_its_theme(screen, site):
    page = screen.open("/")
    page.get_by_role("link", name="Seksueel grensoverschrijdend gedrag").click()
    expect(page.locator("main h1")).to_have_text(site.themes["sgg"].name)
    expect(page.get_by_role("link", name=site.sgg.title, exact=True)).to_be_visible()


def test_keyboard_only(desktop, site):
    """Skip link, then Tab to a start button and Enter; the new screen's heading has focus."""
    page = desktop.open("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    page.keyboard.press("Enter")
    button = page.get_by_role("link", name="Basismodules").first
    for _ in range(20):
        page.keyboard.press("Tab")
        if button.evaluate("link => link === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    heading = page.locator("main h1")
    expect(heading).to_have_text(site.basic_section.title)
    expect(heading).to_be_focused()


def test_search_from_the_search_screen(phone, site):
    page = phone.open("/zoeken/")
    page.get_by_label("Zoek in modules en opleidingsaanbod").fill("melden")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.locator(".result__title")).to_contain_text(["Na een incident"])
    page.get_by_role("link", name="Na een incident").click()
    expect(page.locator("main h1")).to_have_text("Na een incident")


def test_the_api_down(phone, site):
    phone.page.route(GRAPHQL_URL, lambda route: route.abort())
    page = phone.open("/")
    expect(page.locator("main h1")).to_have_text("De leeromgeving is nu niet bereikbaar")
    expect(page.get_by_role("alert")).to_contain_text("geen verbinding met de server")
    phone.check_accessibility()
    page.unroute(GRAPHQL_URL)
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(page.locator("main h1")).to_have_text(start_heading(site.environment))
    # The browser reports each refused request itself, some only after the screen showed
    # (a slow machine): those, and nothing else, may appear.
    phone.errors = [e for e in phone.errors if "Failed to load resource" not in e]


def test_an_expired_preview_link(desktop, site):
    page = desktop.open("/?content_type=borg_learning.basicmodulepage&token=not-a-token")
    expect(page.locator("main h1")).to_have_text("Voorbeeld niet beschikbaar")


def test_a_theme_without_modules_shows_its_offers_and_a_way_back(phone, site):
    """A start button of a theme that has no modules yet leads to that theme's offers in
    the catalogue, not to a dead end."""
    theme = site.themes["agressie-de-escalatie"]
    assert not theme.modules.exists()
    offers = Offering.objects.filter(active=True, themes=theme).distinct()
    assert offers.exists()
    page = phone.open("/")
    page.get_by_role("link", name=theme.name).click()
    expect(page.locator("main h1")).to_have_text(theme.name)
    main = page.locator("main")
    expect(main).to_contain_text("Er zijn nog geen modules bij dit thema.")
    section = main.get_by_role("region", name="Opleidingsaanbod bij dit thema")
    expect(section.locator(".offer__title a")).to_have_count(min(offers.count(), 5))
    for title in section.locator(".offer__title a").evaluate_all(
        "links => links.map(link => link.firstChild.textContent)"
    ):
        assert offers.filter(title=title).exists(), title
    lessons = MicrolessonPage.objects.live().filter(theme=theme).order_by("path")
    assert lessons.exists()
    micro = main.get_by_role("region", name="Microlessen bij dit thema")
    expect(micro.locator(".tile__title")).to_have_text([lesson.title for lesson in lessons[:6]])
    screenshot(page, "theme-without-modules")
    phone.check_accessibility()

    expect(main.get_by_role("link", name="Terug naar de startpagina")).to_be_visible()
    main.get_by_role("link", name=f"Al het aanbod over {theme.name}").click()
    expect(page.locator("main h1")).to_have_text(site.catalogue.title)
    expect(page.get_by_label("Thema")).to_have_value(theme.slug)
    expect(page.locator(".catalogue__count")).to_have_text(f"{offers.count()} resultaten")
    page.go_back()
    expect(page.locator("main h1")).to_have_text(theme.name)
    page.get_by_role("link", name="Terug naar de startpagina").click()
    expect(page.locator("main h1")).to_have_text(start_heading(site.environment))
