"""Who a module or an offer is for: roles on the tiles and offers, a role filter on the
module lists, and the catalogue's client population under a label a support worker
reads right."""

import pytest
from playwright.sync_api import expect

from borg_learning.models import Offering

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# The demo's roles, as the API labels them in Dutch.
ROLES = {
    "support-worker": "Begeleider",
    "starting-psychologist": "Basispsycholoog",
    "nurse": "Verpleegkundige",
}


def labels(page_model):
    return ", ".join(ROLES[slug] for slug in page_model.audience_roles)


@pytest.mark.parametrize("section", ["basic_section", "specialist_section"])
def test_tiles_show_the_roles(screen, site, section):
    section = getattr(site, section)
    page = screen.open(path(section))
    for module in section.get_children().live().specific():
        tile = page.locator(".tile").filter(has_text=module.title)
        expect(tile.locator(".tile__roles")).to_have_text(f"Voor: {labels(module)}")
    screen.check_accessibility()


def test_a_role_filter_on_a_theme_s_modules(phone, site):
    """The LVB theme has the basic module (also for nurses) and SGG (not for nurses)."""
    basic, sgg = site.basic_module, site.sgg
    assert "nurse" in basic.audience_roles and "nurse" not in sgg.audience_roles
    page = phone.open("/themas/lvb/")
    # The theme's modules; its microlessons have a region of their own.
    titles = page.get_by_role("region", name="Modules").locator(".tile__title")
    expect(titles).to_have_text([basic.title, sgg.title])
    role = page.get_by_label("Jouw functie")
    expect(role.locator("option")).to_have_text(["Alle functies", *ROLES.values()])

    role.select_option(label="Verpleegkundige")
    expect(titles).to_have_text([basic.title])
    expect(page.locator(".modules__count")).to_have_text("1 module voor Verpleegkundige")
    assert page.url.endswith("/themas/lvb/?functie=nurse")
    phone.check_accessibility()

    page.reload()
    phone.ready()
    expect(page.get_by_label("Jouw functie")).to_have_value("nurse")
    expect(titles).to_have_text([basic.title])

    page.get_by_label("Jouw functie").select_option(label="Alle functies")
    expect(titles).to_have_text([basic.title, sgg.title])


def test_a_role_filter_on_a_section(desktop, site):
    section = site.basic_section
    modules = [module.title for module in section.get_children().live()]
    page = desktop.open(path(section))
    role = page.get_by_label("Jouw functie")
    role.select_option(label="Basispsycholoog")
    expect(page.locator(".tile__title")).to_have_text(modules)
    assert page.url.endswith("?functie=starting-psychologist")


def test_offers_show_their_roles_and_client_population(phone, site):
    page = phone.open(path(site.catalogue))
    expect(page.get_by_label("Doelgroep", exact=True)).to_have_count(0)
    client_groups = page.get_by_label("Cliëntengroep")
    expect(client_groups).to_be_visible()
    first = page.locator(".offer").first
    title = first.locator(".offer__title a").evaluate("link => link.firstChild.textContent")
    offer = Offering.objects.get(title=title, active=True)
    facts = first.locator(".facts")
    if offer.audience_roles:
        expect(facts.locator(".fact", has_text="Voor")).to_contain_text(
            ROLES[offer.audience_roles[0]]
        )
    expect(facts).not_to_contain_text("Doelgroep")
    expect(facts).to_contain_text("Cliëntengroep")
    phone.check_accessibility()
