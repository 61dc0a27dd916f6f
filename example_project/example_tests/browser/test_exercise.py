"""Exercises: the learner chooses, then asks for feedback with "Controleer"."""

import pytest
from playwright.sync_api import expect

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def exercises(page_model, kind):
    return [
        block.value
        for block in page_model.body
        if block.block_type == "exercise" and block.value["kind"] == kind
    ]


@pytest.mark.parametrize("kind", ["single", "true_false"])
def test_wrong_then_right(screen, site, kind):
    exercise = exercises(site.basic_module, kind)[0]
    wrong = next(option for option in exercise["options"] if not option["correct"])
    right = next(option for option in exercise["options"] if option["correct"])
    page = screen.open(path(site.basic_module))
    block = page.locator(".exercise").filter(has=page.get_by_label(wrong["text"], exact=True))
    result = block.locator(".exercise__result")

    block.get_by_label(wrong["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_contain_text("Niet goed.")
    expect(result).to_contain_text(wrong["feedback"])
    expect(block.locator(".exercise__explanation")).to_be_hidden()

    block.get_by_label(right["text"], exact=True).check()
    expect(result).to_be_empty()  # a new choice: the feedback on the old one is gone
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_contain_text("Goed.")
    expect(result).not_to_contain_text("Niet goed")
    expect(result).to_contain_text(right["feedback"])
    expect(block.locator(".exercise__explanation")).to_be_visible()


def test_multiple_choice(desktop, site):
    part = next(part for part in site.sgg_parts if exercises(part, "multiple"))
    exercise = exercises(part, "multiple")[0]
    page = desktop.open(path(part))
    first = exercise["options"][0]["text"]
    block = page.locator(".exercise").filter(has=page.get_by_label(first, exact=True))
    result = block.locator(".exercise__result")
    for option in exercise["options"]:
        if not option["correct"]:
            block.get_by_label(option["text"], exact=True).check()
            block.get_by_role("button", name="Controleer").click()
            expect(result).to_contain_text("Niet goed.")
            feedback = block.locator("li", has=page.get_by_label(option["text"], exact=True))
            expect(feedback.locator(".exercise__feedback")).to_contain_text(option["feedback"])
            block.get_by_label(option["text"], exact=True).uncheck()
    for option in exercise["options"]:
        if option["correct"]:
            block.get_by_label(option["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_have_text("Goed. Je hebt alle goede antwoorden gekozen.")
    expect(block.locator(".exercise__explanation")).to_be_visible()


def test_arrow_keys_look_at_the_options_without_answering(screen, site):
    """Keyboard and screen reader users move through a radio group with the arrow keys,
    which selects each option in turn: only "Controleer" answers."""
    exercise = exercises(site.basic_module, "single")[0]
    texts = [option["text"] for option in exercise["options"]]
    page = screen.open(path(site.basic_module))
    block = page.locator(".exercise").filter(has=page.get_by_label(texts[0], exact=True))
    block.get_by_label(texts[0], exact=True).focus()
    page.keyboard.press("Space")
    for text in texts[1:]:
        page.keyboard.press("ArrowDown")
        expect(block.get_by_label(text, exact=True)).to_be_checked()
        expect(block).not_to_contain_text("Goed.")
        expect(block.locator(".exercise__feedback:visible")).to_have_count(0)
        expect(block.locator(".exercise__result")).to_be_empty()
    expect(block.locator(".exercise__explanation")).to_be_hidden()

    block.get_by_role("button", name="Controleer").click()
    last = exercise["options"][-1]
    expect(block.locator(".exercise__result")).to_contain_text(last["feedback"])


def test_checking_without_a_choice(desktop, site):
    exercise = exercises(site.basic_module, "single")[0]
    page = desktop.open(path(site.basic_module))
    first = exercise["options"][0]["text"]
    block = page.locator(".exercise").filter(has=page.get_by_label(first, exact=True))
    block.get_by_role("button", name="Controleer").click()
    expect(block.locator(".exercise__result")).to_have_text("Kies eerst een antwoord.")
