"""Points, badges, the streak and challenges in the demo frontend: the header shows a
learner's points and level once they have some (without moving anything), a completed
microlesson says "+N punten" and earns the first microlesson's badge once, which downloads
as an Open Badge; the challenge's progress moves; free days are planned and cancelled."""

import base64
import datetime
import json
import re
from pathlib import Path

import pytest
from django.db.models import Sum
from django.utils import timezone
from playwright.sync_api import expect

from borg_learning.badges.models import BadgeAward
from borg_learning.challenges.models import Challenge
from borg_learning.gamification.models import PointsAward, StreakFreeze

from .conftest import DESKTOP, PHONE, microlesson, new_screen, path
from .test_progress import TOKEN_KEY, screenshot
from .test_reviews import answer_the_quiz
from .test_targets_and_reflow import NARROW, SIDEWAYS, SMALL_TARGETS

pytestmark = pytest.mark.browser

REWARDS = "/mijn-badges/"
FIRST_BADGE = "Eerste microles"


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def tab(request, browser, site):
    """A tab in the site's time zone; the test fails on any console error."""
    screen = new_screen(browser, site, request.param, timezone_id="Europe/Amsterdam")
    yield screen
    screen.page.context.close()
    assert not screen.errors, "\n".join(screen.errors)


@pytest.fixture
def signing_key(settings, tmp_path):
    """The site signs exported badges, as the demo does with its development key."""
    from example.dev_keys import development_signing_key

    key = development_signing_key(tmp_path / "badge-signing-key.pem")
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "BADGE_SIGNING_KEY": str(key)}
    return key


def header_box(page):
    """Where the header and its navigation are, to see that nothing moved."""
    return page.evaluate(
        """() => [".site-header", ".site-nav"].map((selector) => {
          const box = document.querySelector(selector).getBoundingClientRect();
          return [box.x, box.y, box.width, box.height].map(Math.round);
        })"""
    )


def learner_of(page):
    """The learner whose token the tab keeps."""
    from borg_learning.learners.identity import token_digest
    from borg_learning.learners.models import LearnerToken

    token = page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')")
    return LearnerToken.objects.get(digest=token_digest(token)).learner


def new_learner():
    """A learner with a token for the tab (committed, for the live server)."""
    from borg_learning.learners.identity import issue_token
    from borg_learning.learners.models import Learner

    learner = Learner.objects.create()
    return learner, issue_token(learner)


def points_of(learner):
    return PointsAward.objects.filter(learner=learner).aggregate(total=Sum("points"))["total"]


def challenge():
    return Challenge.objects.get(title="Deze maand: 5 microlessen")


def test_a_microlesson_pays_points_once_and_earns_its_badge_once(tab, committed_db, signing_key):
    page = tab.open("/")
    expect(page.locator(".start-buttons")).to_be_visible()
    before = header_box(page)
    expect(page.locator("#site-points")).to_be_hidden()  # no learner, no points

    page, _token, _cards = answer_the_quiz(tab)
    learner = learner_of(page)
    total = points_of(learner)
    assert total and total > 0
    # Said politely, with the API's number; the header shows it with the level.
    expect(page.locator("#points-status")).to_have_text(f"+{total} punten")
    points = page.get_by_role("link", name=f"{total} punten · Niveau 1")
    expect(points).to_be_visible()
    expect(points).to_have_text(f"★ {total} punten · Niveau 1")  # "punten" for screen readers
    tab.open("/")
    expect(page.locator(".start-buttons")).to_be_visible()
    expect(points).to_be_visible()
    assert header_box(page) == before  # room the header kept: nothing moved
    assert page.evaluate(SMALL_TARGETS) == []
    screenshot(page, "points-header")

    points.click()
    tab.ready()
    expect(page.locator("h1")).to_have_text("Mijn punten en badges")
    expect(page.locator(".rewards__total")).to_have_text(
        re.compile(rf"{total} punten · Niveau 1: \w+")
    )
    expect(page.locator(".rewards__awards li").first).to_contain_text(
        f"+{total} Microles afgerond: Observeren of interpreteren?"
    )
    earned = page.get_by_role("region", name="Verdiend")
    expect(earned.locator(".badge-card__name")).to_have_text([FIRST_BADGE])
    award = BadgeAward.objects.get(learner=learner)
    expect(earned.locator(".badge-card")).to_contain_text(
        f"Verdiend op {dutch_date(award.awarded_at)}"
    )
    expect(earned.get_by_role("img", name="Een gele medaille met het cijfer 1")).to_be_visible()
    still_open = page.get_by_role("region", name="Nog te verdienen")
    expect(still_open.locator(".badge-card__name")).not_to_contain_text([FIRST_BADGE])
    two_modules = still_open.locator(".badge-card").filter(has_text="Twee modules")
    expect(two_modules.locator(".badge-card__progress")).to_have_text("0 van 2 modules")
    the_challenge = page.get_by_role("region", name="Uitdaging")
    expect(the_challenge.locator(".challenge__progress")).to_have_text(
        re.compile(r"^1 van 5 microlessen · (nog \d+ dagen|vandaag is de laatste dag)$")
    )
    tab.check_accessibility()
    assert page.evaluate(SMALL_TARGETS) == []
    screenshot(page, "rewards")

    # The badge as an Open Badges 3.0 credential: a signed JWT in a .jwt file.
    with page.expect_download() as downloading:
        earned.get_by_role("button", name="Download als Open Badge").click()
    download = downloading.value
    assert download.suggested_filename == "badge-eerste-microles.jwt"
    credential = Path(download.path()).read_text()
    header, payload, signature = credential.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert claims["name"] == FIRST_BADGE and signature
    expect(earned.locator(".badge-card__note")).to_have_text(
        "Gedownload als badge-eerste-microles.jwt."
    )

    # A second microlesson: the challenge moves on, the badge is not earned again.
    text = microlesson("text")
    tab.open(path(text))
    page.mouse.wheel(0, 5000)
    expect(page.locator(".page-done")).to_contain_text("Afgerond", timeout=10_000)
    expect(page.locator("#points-status")).to_have_text(re.compile(r"^\+\d+ punten$"))
    tab.open(REWARDS)
    expect(
        page.get_by_role("region", name="Uitdaging").locator(".challenge__progress")
    ).to_have_text(re.compile(r"^2 van 5 microlessen"))
    expect(page.get_by_role("region", name="Verdiend").locator(".badge-card")).to_have_count(1)
    assert BadgeAward.objects.filter(learner=learner).count() == 1
    assert points_of(learner) > total
    expect(page.locator("#site-points")).to_have_text(f"★ {points_of(learner)} punten · Niveau 1")


def test_a_free_day_is_planned_shown_stored_and_cancelled(browser, site, committed_db):
    learner, token = new_learner()
    tab = new_screen(browser, site, PHONE, timezone_id="Europe/Amsterdam")
    page = tab.page
    page.add_init_script(f"localStorage.setItem('{TOKEN_KEY}', '{token}')")
    tab.open(REWARDS)
    streak = page.get_by_role("region", name="Dagen op rij")
    expect(streak).to_contain_text("Je reeks begint op de dag dat je iets leert.")
    expect(streak).to_contain_text("Je hebt geen vrije dagen gepland.")
    expect(streak).to_contain_text("Deze maand kun je nog 4 vrije dagen plannen.")
    # The week, Monday to Sunday, with today said in words.
    days = streak.locator(".streak__day")
    expect(days).to_have_count(7)
    expect(streak.locator(".streak__day.is-today")).to_have_count(1)

    field = streak.get_by_label("Dag waarop je vrij bent")
    plan = streak.get_by_role("button", name="Plan een vrije dag")
    # Nothing chosen, a day gone by: said in Dutch, nothing stored.
    plan.click()
    expect(streak.get_by_role("alert")).to_have_text("Kies de dag waarop je vrij bent.")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    field.fill(yesterday.isoformat())
    plan.click()
    expect(streak.get_by_role("alert")).to_have_text(
        "Die dag is al voorbij. Kies vandaag of een dag die nog komt."
    )
    expect(field).to_be_focused()
    assert not StreakFreeze.objects.filter(learner=learner).exists()

    day = timezone.localdate() + datetime.timedelta(days=3)
    field.fill(day.isoformat())
    plan.click()
    said = f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]}"
    expect(streak.locator(".streak__note")).to_have_text(f"Vrije dag gepland op {said}.")
    planned = streak.get_by_role("list", name="Geplande vrije dagen")
    expect(planned.locator("li")).to_have_text([re.compile(f"^{said}")])
    expect(streak.locator(".problem")).to_be_empty()
    assert list(StreakFreeze.objects.filter(learner=learner).values_list("date", flat=True)) == [
        day
    ]
    tab.check_accessibility()
    assert page.evaluate(SMALL_TARGETS) == []
    screenshot(page, "streak-free-day")

    planned.get_by_role("button", name=f"Haal vrije dag van {said} weg").click()
    expect(streak.locator(".streak__note")).to_have_text(f"Vrije dag van {said} weggehaald.")
    expect(streak).to_contain_text("Je hebt geen vrije dagen gepland.")
    expect(field).to_be_focused()
    assert not StreakFreeze.objects.filter(learner=learner).exists()
    page.context.close()
    assert not tab.errors, "\n".join(tab.errors)


@pytest.mark.django_db
def test_without_a_learner_the_screen_shows_the_badges_and_how_to_begin(phone, site):
    page = phone.open(REWARDS)
    expect(page.locator("h1")).to_have_text("Mijn punten en badges")
    expect(page.locator(".lead")).to_contain_text("Op dit apparaat heb je nog geen punten.")
    expect(page.get_by_role("region", name="Te verdienen").locator(".badge-card")).to_have_count(5)
    expect(page.get_by_role("region", name="Uitdaging")).to_contain_text("Doel: 5 microlessen")
    expect(page.locator("#site-points")).to_be_hidden()
    phone.check_accessibility()


def test_the_screen_reflows_at_320_px(browser, site, committed_db):
    _learner, token = new_learner()
    tab = new_screen(browser, site, NARROW)
    page = tab.page
    page.add_init_script(f"localStorage.setItem('{TOKEN_KEY}', '{token}')")
    tab.open(REWARDS)
    expect(page.locator(".streak__week")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= NARROW["width"], page.evaluate(
        SIDEWAYS
    )
    page.context.close()
    assert not tab.errors, "\n".join(tab.errors)


WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]  # fmt: skip


def dutch_date(moment):
    local = timezone.localtime(moment)
    return f"{local.day} {MONTHS[local.month - 1]} {local.year}"
