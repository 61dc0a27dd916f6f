"""The admin screens as an editor sees them in Chromium: the preview panel shows the
draft in the frontend, the duration panel follows the typing, and the reports fit the
screen with charts that say what they show."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_preview_panel_shows_the_page_in_the_frontend(admin, site):
    module = site.basic_module
    admin.goto(f"{site.url}/admin/pages/{module.pk}/edit/")
    admin.get_by_role("button", name="Toon/verberg voorvertoning").click()
    frame = admin.frame_locator("#w-preview-iframe")
    expect(frame.locator("main:not([aria-busy]) h1")).to_have_text(module.title, timeout=15000)
    expect(frame.locator(".preview-banner")).to_be_visible()


def test_the_duration_panel_follows_the_target_as_it_is_typed(admin, site):
    module = site.basic_module
    admin.goto(f"{site.url}/admin/pages/{module.pk}/edit/")
    panel = admin.locator("[data-duration-estimate]")
    expect(panel).to_contain_text(f"Dat past binnen de doelduur van {module.target_duration}")
    admin.locator("#id_target_duration").fill("1")
    expect(panel).to_contain_text("langer dan de doelduur van 1 minuut", timeout=10000)
    admin.locator("#id_target_duration").fill(str(module.target_duration))
    expect(panel).to_contain_text("Dat past binnen de doelduur", timeout=10000)


def overflow(tab):
    return tab.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_the_evaluation_report_fits_the_screen_with_readable_distributions(admin, site):
    admin.goto(f"{site.url}/admin/reports/evaluation/")
    expect(admin.locator(".borg-chart-figure figcaption").first).to_be_visible()
    assert overflow(admin) <= 0
    bars = admin.locator(".borg-distribution__bar")
    expect(bars.first).to_be_visible()
    heights = bars.evaluate_all("bars => bars.map(bar => bar.getBoundingClientRect().height)")
    assert min(heights) >= 10
    labels = admin.locator(".borg-distribution__label").all_inner_texts()
    assert "Te kort" in labels and not any(label.endswith("…") for label in labels)
    label = admin.get_by_role("button", name="Toon filters").evaluate(
        "button => getComputedStyle(button, '::after').content"
    )
    assert label == '"Toon filters"'  # shown next to the icon


def test_the_level_4_report_titles_each_chart(admin, site):
    admin.goto(f"{site.url}/admin/reports/level-4/")
    captions = admin.locator(".borg-chart-figure figcaption").all_inner_texts()
    assert captions[0] == "Niveau 4 per thema (0–100)"
    assert "Seksueel grensoverschrijdend gedrag (SGG): niveau 1, 2 en 3 (0–100)" in captions
    assert overflow(admin) <= 0


def test_the_gamification_report_fits_the_screen_with_its_wide_table(admin, site):
    admin.goto(f"{site.url}/admin/reports/gamification/")
    captions = admin.locator(".borg-chart-figure figcaption").all_inner_texts()
    assert captions[:2] == ["Dagelijkse herhaling: onthouden per week (%)", "Punten per week"]
    expect(admin.get_by_role("cell", name="Hele periode")).to_be_visible()
    assert overflow(admin) <= 0  # the table scrolls in its own box
    # Each week's label stays on one line, however many columns follow.
    lines = admin.locator("td.borg-nowrap").evaluate_all(
        """cells => cells.map(cell => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return new Set([...range.getClientRects()].map(rect => Math.round(rect.top))).size;
        })"""
    )
    assert len(lines) == 13 and set(lines) == {1}
