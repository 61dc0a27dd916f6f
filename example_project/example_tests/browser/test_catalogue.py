"""The catalogue's filters, text search and paging change the list as the data implies."""

import pytest
from playwright.sync_api import expect

from borg_learning.models import Offering

from .conftest import GRAPHQL_URL, operation, path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PAGE_SIZE = 5


def titles(offers):
    return sorted(offer.title for offer in offers)


def shown(page):
    page.wait_for_selector(".catalogue__results:not([aria-busy])")
    # The link's own text, without the hidden "(website van de aanbieder)".
    return sorted(
        page.locator(".offer__title a").evaluate_all(
            "links => links.map(link => link.firstChild.textContent)"
        )
    )


def count_text(total):
    return "1 resultaat" if total == 1 else f"{total} resultaten"


def test_paging(desktop, site):
    active = Offering.objects.filter(active=True)
    page = desktop.open(path(site.catalogue))
    count = page.locator(".catalogue__count")
    expect(count).to_have_text(count_text(active.count()))
    expect(page.locator(".offer")).to_have_count(PAGE_SIZE)
    pages = -(-active.count() // PAGE_SIZE)
    expect(page.locator(".pager")).to_contain_text(f"Pagina 1 van {pages}")
    seen = set(shown(page))
    for number in range(2, pages + 1):
        page.get_by_role("button", name="Volgende").click()
        expect(page.locator(".pager")).to_contain_text(f"Pagina {number} van {pages}")
        seen.update(shown(page))
    assert sorted(seen) == titles(active)
    expect(count).to_be_focused()


def test_filters(phone, site):
    active = Offering.objects.filter(active=True)
    page = phone.open(path(site.catalogue))
    count = page.locator(".catalogue__count")

    provider = site.providers["Trajectum"]
    page.get_by_label("Aanbieder").select_option(label=provider.name)
    by_provider = active.filter(provider=provider)
    expect(count).to_have_text(count_text(by_provider.count()))
    assert shown(page) == titles(by_provider)
    assert "aanbieder=" in page.url

    page.get_by_label("Aanbieder").select_option(label="Alle")
    theme = site.themes["agressie-de-escalatie"]
    page.get_by_label("Thema").select_option(label=theme.name)
    by_theme = active.filter(themes=theme).distinct()
    expect(count).to_have_text(count_text(by_theme.count()))
    assert set(shown(page)) <= set(titles(by_theme))

    page.get_by_label("Alleen gratis aanbod").check()
    free = by_theme.filter(cost=0)
    expect(count).to_have_text(count_text(free.count()))
    assert shown(page) == titles(free)

    page.get_by_role("button", name="Wis filters").click()
    expect(count).to_have_text(count_text(active.count()))


def test_search(phone, site, graphql):
    words = "agressie"
    expected = graphql(
        "query($s: String) { catalogue(search: $s, limit: 50) { totalCount items { title } } }",
        {"s": words},
    )["data"]["catalogue"]
    assert 0 < expected["totalCount"] < Offering.objects.filter(active=True).count()
    page = phone.open(path(site.catalogue))
    page.get_by_label("Zoek in het aanbod").fill(words)
    page.get_by_label("Zoek in het aanbod").press("Enter")
    expect(page.locator(".catalogue__count")).to_have_text(count_text(expected["totalCount"]))
    assert set(shown(page)) <= {item["title"] for item in expected["items"]}
    # The filtered list survives a reload: the filters are in the URL.
    page.reload()
    expect(page.locator(".catalogue__count")).to_have_text(count_text(expected["totalCount"]))
    expect(page.get_by_label("Zoek in het aanbod")).to_have_value(words)


def test_a_late_answer_to_an_earlier_filter_does_not_replace_the_latest(phone, site):
    """Two filters changed quickly: the answer to the first may arrive last, and must not
    replace the list of both filters."""
    active = Offering.objects.filter(active=True)
    provider = site.providers["Trajectum"]
    theme = site.themes["agressie-de-escalatie"]
    only_provider = active.filter(provider=provider).count()
    both = active.filter(provider=provider, themes=theme).distinct().count()
    assert only_provider != both
    page = phone.open(path(site.catalogue))
    held = []

    def hold_the_first(route):
        if operation(route.request) == "Catalogue" and not held:
            held.append(route)
        else:
            route.continue_()

    page.route(GRAPHQL_URL, hold_the_first)
    page.get_by_label("Aanbieder").select_option(label=provider.name)
    page.get_by_label("Thema").select_option(label=theme.name)
    count = page.locator(".catalogue__count")
    expect(count).to_have_text(count_text(both))
    with page.expect_response(GRAPHQL_URL):
        held[0].continue_()
    page.wait_for_timeout(200)  # give a stale answer the time to render, were it shown
    expect(count).to_have_text(count_text(both))


def test_results_on_one_page_or_none_have_no_pager_and_no_stray_text(desktop, site):
    """One page of results, or none: the list (or the message) and nothing else, no
    pager and no stray "false" where the pager would be."""
    page = desktop.open(path(site.catalogue))
    results = page.locator(".catalogue__results:not([aria-busy])")

    def nothing_but_the_list():
        expect(page.locator(".pager")).to_have_count(0)
        expect(results).not_to_contain_text("false")
        texts = results.evaluate(
            "results => [...results.childNodes]"
            ".filter(node => node.nodeType === Node.TEXT_NODE).map(node => node.textContent)"
        )
        assert texts == []

    provider = site.providers["Trajectum"]
    assert 0 < Offering.objects.filter(active=True, provider=provider).count() <= PAGE_SIZE
    page.get_by_label("Aanbieder").select_option(label=provider.name)
    expect(page.locator(".offer")).not_to_have_count(0)
    nothing_but_the_list()

    page.get_by_label("Zoek in het aanbod").fill("woordzonderaanbod")
    page.get_by_label("Zoek in het aanbod").press("Enter")
    expect(results).to_contain_text("Geen aanbod gevonden.")
    nothing_but_the_list()


def test_back_undoes_each_filter_and_page_and_keeps_the_scroll_position(phone, site):
    """Each filter state and page is a history entry of its own: Back steps through them
    without leaving the catalogue, with the filters and the scroll position as they were."""
    active = Offering.objects.filter(active=True)
    provider = site.providers["Trajectum"]
    theme = site.themes["agressie-de-escalatie"]
    page = phone.open("/")
    page.get_by_role("link", name="Opleidingsaanbod").first.click()
    expect(page.locator("main h1")).to_have_text(site.catalogue.title)
    count = page.locator(".catalogue__count")

    page.get_by_label("Aanbieder").select_option(label=provider.name)
    expect(count).to_have_text(count_text(active.filter(provider=provider).count()))
    page.get_by_label("Thema").select_option(label=theme.name)
    both = active.filter(provider=provider, themes=theme).distinct().count()
    expect(count).to_have_text(count_text(both))

    page.go_back()
    expect(count).to_have_text(count_text(active.filter(provider=provider).count()))
    expect(page.get_by_label("Aanbieder")).to_have_value(str(provider.pk))
    expect(page.get_by_label("Thema")).to_have_value("")
    page.go_back()
    expect(page.locator("main h1")).to_have_text(site.catalogue.title)
    expect(count).to_have_text(count_text(active.count()))
    expect(page.get_by_label("Aanbieder")).to_have_value("")

    # The next page, read down to its third offer, then away to another screen and back.
    page.get_by_role("button", name="Volgende").click()
    expect(page.locator(".pager")).to_contain_text("Pagina 2 van")
    third = page.locator(".offer").nth(2)
    third.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # smooth scrolling
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 500
    # A click from script, so that Playwright does not scroll to the link first.
    page.evaluate("document.querySelector('.site-nav a[href=\"/themas/\"]').click()")
    expect(page.locator("main h1")).to_have_text("Overzichtskaart")
    page.go_back()
    expect(page.locator(".pager")).to_contain_text("Pagina 2 van")
    page.wait_for_function(f"Math.abs(window.scrollY - {scrolled}) < 5")
    expect(third).to_be_in_viewport()

    page.go_back()
    expect(page.locator(".pager")).to_contain_text("Pagina 1 van")
    expect(page.locator("main h1")).to_have_text(site.catalogue.title)
