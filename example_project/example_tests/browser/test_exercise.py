"""Exercises: the learner chooses, then asks for feedback with "Controleer"."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import GRAPHQL_URL, operation, path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


# The editor's feedback often gives the verdict itself ("Ja.", "Klopt.", "Helaas: ...");
# then the frontend adds none, else it starts with "Goed." or "Niet goed.".
OWN_VERDICT = re.compile(
    r"^(ja|nee|klopt|juist|goed|fout|helaas|inderdaad|precies|correct|onjuist"
    r"|niet (juist|goed)|nog niet|dat (klopt|is (niet )?(goed|juist)))\b",
    re.IGNORECASE,
)


def said(feedback, correct, right="Goed.", wrong="Niet goed."):
    """What the learner reads after "Controleer" about one option."""
    if OWN_VERDICT.match(feedback):
        return feedback
    return f"{right if correct else wrong} {feedback}"


def well_formed(text):
    """No doubled punctuation such as "Goed. Ja." or "...er is.'." in the feedback."""
    assert not re.search(r"[.!?]['’]?\s*[.!?]", text), text
    assert not re.search(r"^(Goed|Niet goed)\. (Ja|Nee|Klopt|Juist)\b", text), text


def exercises(page_model, kind):
    return [
        block.value
        for block in page_model.body
        if block.block_type == "exercise" and block.value["kind"] == kind
    ]


@pytest.mark.parametrize("kind", ["single", "true_false"])
def test_wrong_then_right(phone, site, kind):
    exercise = exercises(site.basic_module, kind)[0]
    wrong = next(option for option in exercise["options"] if not option["correct"])
    right = next(option for option in exercise["options"] if option["correct"])
    page = phone.open(path(site.basic_module))
    block = page.locator(".exercise").filter(has=page.get_by_label(wrong["text"], exact=True))
    result = block.locator(".exercise__result")

    block.get_by_label(wrong["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_have_text(said(wrong["feedback"], correct=False))
    expect(result).to_have_class(re.compile("is-wrong"))
    expect(block.locator(".exercise__explanation")).to_be_hidden()

    block.get_by_label(right["text"], exact=True).check()
    expect(result).to_be_empty()  # a new choice: the feedback on the old one is gone
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_have_text(said(right["feedback"], correct=True))
    expect(result).to_have_class(re.compile("is-right"))
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
            expect(result).to_contain_text("Nog niet helemaal goed.")
            expect(result).to_contain_text(option["feedback"])
            block.get_by_label(option["text"], exact=True).uncheck()
    for option in exercise["options"]:
        if option["correct"]:
            block.get_by_label(option["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    expect(result.locator(".exercise__verdict")).to_have_text(
        "Goed. Je hebt alle goede antwoorden gekozen."
    )
    expect(block.locator(".exercise__explanation")).to_be_visible()


def test_arrow_keys_look_at_the_options_without_answering(phone, site):
    """Keyboard and screen reader users move through a radio group with the arrow keys,
    which selects each option in turn: only "Controleer" answers."""
    exercise = exercises(site.basic_module, "single")[0]
    texts = [option["text"] for option in exercise["options"]]
    page = phone.open(path(site.basic_module))
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


def test_feedback_in_one_place_in_well_formed_sentences(phone, site):
    """After "Controleer" the feedback appears once, below the options, and reads as
    Dutch: no "Goed. Ja." and no doubled punctuation."""
    page = phone.open(path(site.basic_module))
    for exercise in exercises(site.basic_module, "single") + exercises(
        site.basic_module, "true_false"
    ):
        first = exercise["options"][0]["text"]
        block = page.locator(".exercise").filter(has=page.get_by_label(first, exact=True))
        result = block.locator(".exercise__result")
        for option in exercise["options"]:
            block.get_by_label(option["text"], exact=True).check()
            block.get_by_role("button", name="Controleer").click()
            expect(result).to_have_text(said(option["feedback"], option["correct"]))
            well_formed(result.inner_text())
            assert block.inner_text().count(option["feedback"]) == 1


def test_partly_right_multiple_choice(desktop, site):
    part = next(part for part in site.sgg_parts if exercises(part, "multiple"))
    exercise = exercises(part, "multiple")[0]
    right = [option for option in exercise["options"] if option["correct"]]
    wrong = [option for option in exercise["options"] if not option["correct"]]
    assert len(right) == 3 and len(wrong) == 1
    page = desktop.open(path(part))
    block = page.locator(".exercise").filter(has=page.get_by_label(right[0]["text"], exact=True))
    result = block.locator(".exercise__result")
    for option in (right[0], wrong[0]):
        block.get_by_label(option["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    summary = result.locator(".exercise__verdict")
    expect(summary).to_have_text(
        "Nog niet helemaal goed. Je hebt één van de drie goede antwoorden gekozen, "
        "en één antwoord dat niet klopt."
    )
    for option in (right[0], wrong[0]):
        feedback = result.get_by_role("listitem").filter(has_text=option["feedback"])
        expect(feedback).to_have_text(
            f"{option['text']} {said(option['feedback'], option['correct'], 'Klopt.', 'Klopt niet.')}"
        )
        assert block.inner_text().count(option["feedback"]) == 1
    well_formed(summary.inner_text())
    expect(block.locator(".exercise__explanation")).to_be_hidden()


def is_answer(request):
    return operation(request) == "AnswerExercise"


def test_the_server_judges_and_the_button_waits_for_it(phone, site):
    """The page does not know which options are correct: "Controleer" asks the server,
    and waits for it without a second answer on the way."""
    exercise = exercises(site.basic_module, "single")[0]
    right = next(option for option in exercise["options"] if option["correct"])
    page = phone.page
    held = []
    page.route(
        GRAPHQL_URL,
        lambda route: held.append(route) if is_answer(route.request) else route.continue_(),
    )
    phone.open(path(site.basic_module))
    block = page.locator(".exercise").filter(has=page.get_by_label(right["text"], exact=True))
    button = block.get_by_role("button", name="Controleer")
    block.get_by_label(right["text"], exact=True).check()
    button.click()
    for _ in range(100):  # the answer is on its way (after its query's text)
        if held:
            break
        page.wait_for_timeout(50)
    assert len(held) == 1
    expect(button).to_be_disabled()
    expect(block.locator(".exercise__result")).to_be_empty()
    held[0].continue_()
    expect(block.locator(".exercise__result")).to_have_text(said(right["feedback"], correct=True))
    expect(button).to_be_enabled()
    expect(block.locator(".exercise__explanation")).to_be_visible()


def test_without_a_connection_the_exercise_says_so_and_can_be_tried_again(phone, site):
    exercise = exercises(site.basic_module, "single")[0]
    wrong = next(option for option in exercise["options"] if not option["correct"])
    page = phone.page

    def unreachable(route):
        if is_answer(route.request):
            route.abort()
        else:
            route.continue_()

    page.route(GRAPHQL_URL, unreachable)
    phone.open(path(site.basic_module))
    block = page.locator(".exercise").filter(has=page.get_by_label(wrong["text"], exact=True))
    result = block.locator(".exercise__result")
    block.get_by_label(wrong["text"], exact=True).check()
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_have_text("We krijgen geen verbinding met de server. Probeer het zo opnieuw.")
    expect(result).not_to_have_class(re.compile("is-(right|wrong)"))

    page.unroute(GRAPHQL_URL)
    block.get_by_role("button", name="Controleer").click()
    expect(result).to_have_text(said(wrong["feedback"], correct=False))
    # The browser reports the refused request itself; nothing else may appear.
    phone.errors = [e for e in phone.errors if "Failed to load resource" not in e]


def test_a_reflection_shows_its_example_answer_once_the_learner_wrote_one(phone, site):
    from borg_learning.learners.models import BlockProgress

    part = next(part for part in site.sgg_parts if exercises(part, "reflection"))
    example = exercises(part, "reflection")[0]["explanation"].source
    page = phone.open(path(part))
    block = page.locator(".exercise").filter(has=page.locator("textarea"))
    show = block.get_by_role("button", name="Bekijk een voorbeeldantwoord")
    show.click()
    expect(block.locator(".exercise__result")).to_have_text(
        "Schrijf eerst je eigen antwoord. Daarna zie je een voorbeeldantwoord."
    )
    expect(block.locator(".exercise__explanation")).to_be_hidden()
    expect(block.locator("textarea")).to_be_focused()

    block.locator("textarea").fill("Ik zou het benoemen en melden.")
    show.click()
    explanation = block.locator(".exercise__explanation")
    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("Een voorbeeld van een antwoord:")
    assert "Een voorbeeld van een antwoord:" in example
    expect(show).to_have_attribute("aria-expanded", "true")
    expect(block.locator(".exercise__result")).to_be_empty()
    assert BlockProgress.objects.filter(text="Ik zou het benoemen en melden.").count() == 1
