"""Every screen can be used with a finger and at 400 % zoom.

Target size: every link and button (and `<summary>`) is at least 44 × 44 CSS px at
phone width (WCAG 2.5.5, stricter than 2.5.8's 24 px), except links in running text
(the editors' rich text, the lists of themes in a module's facts, the sentences of an
error summary), which both criteria exempt. A card that links somewhere (a module or
part tile, a search result) is one link stretched over the whole card, so the card is
the target. Reflow: at 320 CSS px (1280 px at 400 %) no screen scrolls sideways.
"""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, every_screen, microlearning_section, microlesson, path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

NARROW = {"width": 320, "height": 640}

# Targets smaller than 44 × 44, with the area that counts: a stretched link's card.
SMALL_TARGETS = """() => {
  const running = ".rich-text a, .error-summary li a, .fact dd a";
  const small = [];
  for (const element of document.querySelectorAll("a[href], button, summary")) {
    if (element.matches(running) || element.matches(".skip-link")) continue;
    const style = getComputedStyle(element);
    if (!element.getClientRects().length || style.visibility === "hidden") continue;
    const area = element.closest(".stretched") || element;
    const box = area.getBoundingClientRect();
    if (box.width < 43.5 || box.height < 43.5) {
      small.push(`${Math.round(box.width)}×${Math.round(box.height)} `
        + element.outerHTML.replace(/\\s+/g, " ").slice(0, 100));
    }
  }
  return small;
}"""

SIDEWAYS = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > width + 0.5
      && !element.closest(".visually-hidden, .skip-link"))
    .slice(0, 5)
    .map((element) => `${Math.round(element.getBoundingClientRect().right)}px `
      + element.outerHTML.replace(/\\s+/g, " ").slice(0, 80));
}"""


def open_fully(tab, screen_path):
    """The screen with what loads after it (the evaluation at a module's end)."""
    page = tab.open(screen_path)
    page.wait_for_load_state("networkidle")
    return page


def test_every_target_is_at_least_44_px(browser, site):
    from .conftest import opened

    tabs = opened(browser, site, PHONE)
    tab = next(tabs)
    small = {}
    for screen_path in every_screen(site):
        found = open_fully(tab, screen_path).evaluate(SMALL_TARGETS)
        if found:
            small[screen_path] = found
    assert not small, "\n".join(f"{p}:\n  " + "\n  ".join(s) for p, s in small.items())
    next(tabs, None)


def test_no_screen_scrolls_sideways_at_320_px(browser, site):
    from .conftest import opened

    tabs = opened(browser, site, NARROW)
    tab = next(tabs)
    wide = {}
    for screen_path in every_screen(site):
        page = open_fully(tab, screen_path)
        if page.evaluate("document.documentElement.scrollWidth") > NARROW["width"]:
            wide[screen_path] = page.evaluate(SIDEWAYS)
    assert not wide, "\n".join(f"{p}:\n  " + "\n  ".join(s) for p, s in wide.items())
    tab.check_accessibility()
    next(tabs, None)


@pytest.mark.parametrize("card", ["module tile", "part tile", "microlesson tile", "search result"])
def test_a_card_is_one_link_over_the_whole_card(phone, site, card):
    where, selector, title = {
        "module tile": (path(site.basic_section), ".tile", site.basic_module.title),
        "part tile": (path(site.sgg), ".tile--part", site.sgg_parts[0].title),
        "microlesson tile": (
            path(microlearning_section()),
            ".tile--micro",
            microlesson("podcast").title,
        ),
        "search result": ("/zoeken/?q=melden", ".result", "Na een incident"),
    }[card]
    page = phone.open(where)
    tile = page.locator(selector).filter(has_text=title).first
    expect(tile.locator("a")).to_have_count(1)
    # A tap on the card's last line, away from the title, opens it.
    tile.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # smooth scrolling
    box = tile.locator("p").last.bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + box["height"] / 2)
    expect(page.locator("main h1")).to_have_text(title)
