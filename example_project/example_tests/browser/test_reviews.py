"""The daily review ("Dagelijkse herhaling"): a quiz answered in a microlesson comes back
once its interval has passed (the server's clock moved on), entered from the start page,
one card at a time, judged by the server with feedback and the next due date at once;
the cards come to the page without their correct options. A card answered in another
window, and a reached daily limit, are said in Dutch."""

import datetime
import json
import re
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from borg_learning.reviews.models import ReviewCard, ReviewLog, ReviewSource
from tests.helpers import clock as moved_clock
from tests.helpers.graphql import screen_query

from .conftest import DESKTOP, PHONE, new_screen, operation, path, server_paused
from .test_progress import TOKEN_KEY, screenshot
from .test_targets_and_reflow import NARROW, SIDEWAYS, SMALL_TARGETS

pytestmark = pytest.mark.browser

QUIZ = "Observeren of interpreteren?"
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]  # fmt: skip
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
ANSWER_REVIEW = screen_query("answer_review")
#: The fixture that moves the server's time.
clock = moved_clock.clock


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def tab(request, browser, site):
    """A tab in the site's time zone; the test fails on any console error."""
    screen = new_screen(browser, site, request.param, timezone_id="Europe/Amsterdam")
    yield screen
    screen.page.context.close()
    assert not screen.errors, "\n".join(screen.errors)


def quiz():
    from borg_learning.microlearning.models import MicrolessonPage

    return MicrolessonPage.objects.live().get(title=QUIZ)


def answer_the_quiz(tab):
    """The learner answers both exercises of the quiz, right; their review cards."""
    lesson = quiz()
    page = tab.open(path(lesson))
    started = timezone.now()
    first, second = page.locator(".exercise").all()
    for exercise, choice, said in [
        (first, "Nee", "Klopt: beschrijf wat je zag en hoorde."),
        (second, "Ja", "Klopt: feitelijk, met tijd en plaats."),
    ]:
        exercise.get_by_label(choice, exact=True).check()
        exercise.get_by_role("button", name="Controleer").click()
        expect(exercise.locator(".exercise__result")).to_have_text(said)
    token = page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')")
    cards = list(ReviewCard.objects.filter(page=lesson, created_at__gte=started).order_by("due"))
    assert len(cards) == 2 and len({card.learner_id for card in cards}) == 1
    return page, token, cards


def move_past(clock, cards):
    """The server's clock a minute past the cards' due moment, as the scheduler set it."""
    latest = max(card.due for card in cards)
    clock.forward(seconds=(latest - timezone.now()).total_seconds() + 60)


def dutch_date(moment):
    local = moment.astimezone(AMSTERDAM)
    return f"{WEEKDAYS[local.weekday()]} {local.day} {MONTHS[local.month - 1]} {local.year}"


def due_reviews_response(response):
    return operation(response.request) == "DueReviews"


@pytest.mark.django_db
def test_without_anything_to_review_the_screen_says_so(phone, site):
    page = phone.open("/")
    expect(page.locator(".start-buttons")).to_be_visible()
    expect(page.locator(".review-entry")).to_have_count(0)
    page = phone.open("/dagelijkse-herhaling/")
    expect(page.locator("h1")).to_have_text("Dagelijkse herhaling")
    expect(page.locator(".review")).to_contain_text(
        "Niets te herhalen. Er staan vandaag geen oefeningen voor je klaar."
    )
    phone.check_accessibility()


def test_a_quiz_answered_comes_back_in_the_daily_review(tab, committed_db, clock):
    page, _token, cards = answer_the_quiz(tab)
    assert all(card.due > timezone.now() for card in cards)  # not due yet
    tab.open("/")
    expect(page.locator(".start-buttons")).to_be_visible()
    expect(page.locator(".review-entry")).to_have_count(0)

    move_past(clock, cards)
    tab.open("/")
    entry = page.get_by_role("region", name="Dagelijkse herhaling")
    expect(entry).to_contain_text("Vandaag te herhalen: 2 oefeningen.")
    screenshot(page, "review-start")
    with page.expect_response(due_reviews_response) as answered:
        entry.get_by_role("link", name="Start de herhaling").click()
        tab.ready()
    # The page gets the cards without their correct options or the editor's feedback.
    body = answered.value.text()
    due = json.loads(body)["data"]["me"]["dueReviews"]
    assert [card["id"] for card in due] == [str(card.pk) for card in cards]
    assert all(
        set(option) == {"id", "text"} for card in due for option in card["exercise"]["options"]
    )
    assert "correct" not in body.lower() and "feedback" not in body.lower()

    expect(page.locator("h1")).to_have_text("Dagelijkse herhaling")
    expect(page.locator("h1")).to_be_focused()
    card = page.locator(".review__card")
    expect(card.locator("h2")).to_have_text("Oefening 1 van 2")
    expect(card).to_contain_text("'Jan was vanochtend boos op zijn mentor.'")
    expect(card.get_by_role("link", name=QUIZ)).to_have_attribute("href", path(quiz()))
    assert page.evaluate(SMALL_TARGETS) == []
    option_heights = card.locator(".review__options label").evaluate_all(
        "(labels) => labels.map((label) => label.getBoundingClientRect().height)"
    )
    assert len(option_heights) == 2 and min(option_heights) >= 44
    tab.check_accessibility()
    screenshot(page, "review-card")

    # Not chosen yet: asked to choose, nothing sent.
    card.get_by_role("button", name="Controleer").click()
    expect(card.locator(".review__note")).to_have_text("Kies eerst een antwoord.")
    # Wrong this time: the editor's feedback, the right answer, the explanation, and the
    # card comes back soon.
    card.get_by_label("Ja", exact=True).check()
    card.get_by_role("button", name="Controleer").click()
    result = card.locator(".review__result")
    expect(result).to_be_focused()
    expect(result.locator("h3")).to_have_text("Niet goed")
    expect(result).to_contain_text("Nee: 'boos' is jouw interpretatie.")
    expect(result).to_contain_text("Het goede antwoord is: Nee.")
    expect(result).to_contain_text("Een observatie is bijvoorbeeld:")
    first = ReviewCard.objects.get(pk=cards[0].pk)
    expect(result.locator(".review__due")).to_contain_text(f"Komt terug op {dutch_date(first.due)}")
    tagged = card.locator(".review__options li")
    expect(tagged).to_have_text(
        [re.compile("^Ja *Jouw antwoord$"), re.compile("^Nee *Goed antwoord$")]
    )
    # One answer per card; an option's name now says what it was.
    expect(card.get_by_role("radio", name=re.compile("^Ja .*Jouw antwoord$"))).to_be_disabled()
    expect(card.get_by_role("button", name="Controleer")).to_have_count(0)
    tab.check_accessibility()
    screenshot(page, "review-wrong")

    page.keyboard.press("Tab")
    expect(card.get_by_role("button", name="Volgende")).to_be_focused()
    page.keyboard.press("Enter")
    expect(card.locator("h2")).to_have_text("Oefening 2 van 2")
    expect(card.locator("h2")).to_be_focused()
    card.get_by_label("Ja", exact=True).check()
    card.get_by_role("button", name="Controleer").click()
    expect(result.locator("h3")).to_have_text("Goed!")
    second = ReviewCard.objects.get(pk=cards[1].pk)
    assert second.due > timezone.now() + datetime.timedelta(hours=12)  # learnt: days later
    expect(result.locator(":scope > p")).to_have_text(
        [
            "Klopt: feitelijk, met tijd en plaats.",
            f"Komt terug op {dutch_date(second.due)}.",
            "Bekijk je resultaat",
        ]
    )
    expect(result.locator(".review__explanation")).to_contain_text("Feitelijke observaties")
    expect(tagged).to_have_text([re.compile("^Ja *Goed antwoord$"), "Nee"])
    screenshot(page, "review-right")

    card.get_by_role("button", name="Bekijk je resultaat").click()
    summary = page.locator(".review__summary")
    expect(summary.locator("h2")).to_be_focused()
    expect(summary.locator(".review__score")).to_have_text("1 van 2 goed")
    tab.check_accessibility()
    screenshot(page, "review-summary")

    reviews = [
        (log.card_id, log.correct, log.answer)
        for log in ReviewLog.objects.filter(card__in=cards, source=ReviewSource.REVIEW)
    ]
    assert reviews == [
        (first.pk, False, [option_id(first, "Ja")]),
        (second.pk, True, [option_id(second, "Ja")]),
    ]
    # Nothing due any more: the start page leaves the entry out, the screen says so.
    tab.open("/")
    expect(page.locator(".start-buttons")).to_be_visible()
    expect(page.locator(".review-entry")).to_have_count(0)
    tab.open("/dagelijkse-herhaling/")
    expect(page.locator(".review")).to_contain_text("Niets te herhalen.")


def test_a_card_answered_elsewhere_and_the_daily_limit_are_said_in_dutch(
    browser,
    site,
    committed_db,
    clock,
    graphql,
    settings,
):
    tab = new_screen(browser, site, PHONE, timezone_id="Europe/Amsterdam")
    page, token, cards = answer_the_quiz(tab)
    move_past(clock, cards)
    tab.open("/dagelijkse-herhaling/")
    card = page.locator(".review__card")
    expect(card.locator("h2")).to_have_text("Oefening 1 van 2")

    # Meanwhile the first card is answered in another window, and that was today's last.
    # (Through the test client, in this thread: the screen may still be loading.)
    with server_paused(site):
        other = graphql(
            ANSWER_REVIEW,
            {"input": {"card": str(cards[0].pk), "answer": [option_id(cards[0], "Nee")]}},
            HTTP_X_LEARNER_TOKEN=token,
        )
    assert other["data"]["answerReview"]["ok"] is True, other
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "REVIEW_DAILY_LIMIT": 1}

    card.get_by_label("Nee", exact=True).check()
    card.get_by_role("button", name="Controleer").click()
    result = card.locator(".review__result")
    expect(result).to_have_text(
        "Deze oefening heb je al herhaald, misschien in een ander venster. Ga verder met de "
        "volgende.Volgende"
    )
    expect(result).to_be_focused()
    result.get_by_role("button", name="Volgende").click()
    expect(card.locator("h2")).to_have_text("Oefening 2 van 2")
    card.get_by_label("Ja", exact=True).check()
    card.get_by_role("button", name="Controleer").click()
    expect(result).to_contain_text(
        "Je hebt vandaag het maximum aantal oefeningen herhaald. Morgen kun je verder."
    )
    tab.check_accessibility()
    result.get_by_role("button", name="Bekijk je resultaat").click()
    summary = page.locator(".review__summary")
    expect(summary.locator("h2")).to_have_text("Klaar voor vandaag")
    expect(summary).to_contain_text("maximum aantal oefeningen")
    tab.page.context.close()
    assert not tab.errors, "\n".join(tab.errors)


def option_id(card, text):
    """The id of the option of ``card``'s exercise that reads ``text``."""
    from borg_learning.content.exercises import raw_list_items

    raw = next(block for block in card.page.specific.body.raw_data if block["id"] == card.block_id)
    return next(
        option_id
        for option_id, value in raw_list_items(raw["value"]["options"])
        if value["text"] == text
    )


def test_the_review_screen_reflows_at_320_px(browser, site, committed_db, clock):
    tab = new_screen(browser, site, NARROW)
    page, _token, cards = answer_the_quiz(tab)
    move_past(clock, cards)
    tab.open("/dagelijkse-herhaling/")
    card = page.locator(".review__card")
    card.get_by_label("Nee", exact=True).check()
    card.get_by_role("button", name="Controleer").click()
    expect(card.locator(".review__result")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], page.evaluate(
        SIDEWAYS
    )
    tab.page.context.close()
    assert not tab.errors, "\n".join(tab.errors)
