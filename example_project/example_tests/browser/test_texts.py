"""The frontend's own Dutch: durations said once, a specialist module named by its theme,
links labelled by where they lead, one heading on the start page, an error summary that
shows the question it points at, transcripts named by their media."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def duration_fact(page):
    return page.locator(".facts .fact").filter(has=page.locator("dt", has_text="Duur"))


def minutes(count):
    return f"{count} {'minuut' if count == 1 else 'minuten'}"


def test_a_duration_is_said_once(phone, site):
    for module in (site.basic_module, site.sgg, site.sgg_parts[0]):
        page = phone.open(path(module))
        estimate, target = module.estimated_duration_minutes, module.target_duration
        said = (
            minutes(target)
            if estimate == target
            else f"ongeveer {minutes(estimate)}, hoogstens {target}"
        )
        expect(duration_fact(page).locator("dd")).to_have_text(said)
    assert site.basic_module.estimated_duration_minutes == site.basic_module.target_duration


def test_a_specialist_module_is_named_by_its_theme(phone, site):
    theme = site.themes["sgg"]
    page = phone.open(path(site.sgg))
    expect(page.locator("main h1")).to_have_text(theme.name)
    assert page.title().startswith(theme.name)


def test_links_within_the_environment_are_not_labelled_as_the_website(phone, site):
    page = phone.open(path(site.basic_module))
    cards = page.locator(".card--link")
    expect(cards).not_to_have_count(0)
    for card in cards.all():
        expect(card.locator(".card__kind")).to_have_text("In deze leeromgeving")


def test_the_start_page_has_one_heading_where_the_intro_has_its_own(phone, site):
    welcome = re.search(r"<h2>(.*?)</h2>", site.environment.intro).group(1)
    page = phone.open("/")
    expect(page.locator("main h1")).to_have_text(welcome)
    expect(page.locator("main h2", has_text=welcome)).to_have_count(0)
    # Nothing between the heading and the intro's first paragraph.
    follows = page.locator("main h1").evaluate("h1 => h1.nextElementSibling?.tagName")
    assert follows != "H2"
    assert page.title().startswith(site.environment.title)


def test_the_error_summary_shows_the_question_it_points_at(phone, site):
    page = phone.open(path(site.basic_module))
    form = page.locator("#evaluation")
    form.get_by_role("button", name="Versturen").click()
    summary = form.locator(".error-summary")
    expect(summary).to_be_focused()
    summary.get_by_role("link").first.click()
    question = form.locator(".question--invalid").first
    expect(question.get_by_role("radio").first).to_be_focused()
    page.wait_for_timeout(400)  # smooth scrolling
    legend = question.locator("legend").bounding_box()
    assert 0 <= legend["y"] < page.viewport_size["height"] / 2, legend


def test_transcripts_are_named_by_their_media(desktop, site):
    page = desktop.page
    seen = 0
    for part in site.sgg_parts:
        desktop.open(path(part))
        for block in part.body:
            if block.block_type in ("audio", "video") and block.value.get("transcript"):
                title = block.value["title"]
                expect(
                    page.get_by_role("group").get_by_text(
                        f"Uitgeschreven tekst van ‘{title}’", exact=True
                    )
                ).to_be_visible()
                seen += 1
    assert seen >= 2
