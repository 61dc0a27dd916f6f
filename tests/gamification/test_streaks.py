"""The daily learning streak: learning days in a row, kept alive by planned freeze days."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.gamification.models import PointsAward, StreakFreeze
from borg_learning.gamification.streaks import streak_from
from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.learners import codes, complete_page, parts
from tests.helpers.signals import signals_sent

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 11, 30)


def days(*offsets):
    """Dates ``offsets`` days after TODAY (negative: before)."""
    return {TODAY + offset * DAY for offset in offsets}


@pytest.mark.parametrize(
    "learned, frozen, length, longest",
    [
        (days(), days(), 0, 0),
        (days(0), days(), 1, 1),
        (days(-2, -1, 0), days(), 3, 3),
        (days(-2, -1), days(), 2, 2),  # today is not over: yesterday's streak holds
        (days(-3, -2), days(), 0, 2),  # a day without learning broke it
        (days(-4, -1, 0), days(-3, -2), 3, 3),  # a planned absence bridges the gap
        (days(-4), days(-3, -2, -1), 1, 1),  # alive through the freeze, not longer
        (days(-9, -8, -7, -1, 0), days(), 2, 3),
        (days(0), days(1, 2), 1, 1),  # future freeze days count for nothing yet
    ],
)
def test_a_streak_counts_learning_days_in_a_row_and_freeze_days_keep_it(
    learned, frozen, length, longest
):
    streak = streak_from(learned, frozen, TODAY)
    assert (streak.days, streak.longest) == (length, longest)
    assert streak.learned_today == (TODAY in learned)


def streak(browser):
    return browser.points()["streak"]


def test_learning_on_following_days_grows_the_streak_announced_once_a_day(
    browser, specialist, clock
):
    first, second = parts(specialist)
    with signals_sent("streak_extended") as sent:
        complete_page(browser, first)  # an exercise answered and a part completed
        today = timezone.localdate()
        assert streak(browser) | {"frozenDays": None} == {
            "days": 1,
            "longest": 1,
            "today": today.isoformat(),
            "learnedToday": True,
            "frozenDays": None,
            "freezesLeftThisMonth": 4,
        }
        clock.forward(days=1)
        complete_page(browser, second)  # and the module: the same day, one day more
        assert (streak(browser)["days"], streak(browser)["learnedToday"]) == (2, True)
        clock.forward(days=1)
        assert (streak(browser)["days"], streak(browser)["learnedToday"]) == (2, False)
        clock.forward(days=1)
        assert (streak(browser)["days"], streak(browser)["longest"]) == (0, 2)
    learner = Learner.objects.get()
    assert sent == [
        ("streak_extended", {"learner": learner, "days": 1}),
        ("streak_extended", {"learner": learner, "days": 2}),
    ]


def test_planned_freeze_days_carry_the_streak_across_a_gap(browsers, specialist, clock):
    first, second = parts(specialist)
    away, stays = browsers(), browsers()
    complete_page(away, first)
    complete_page(stays, first)
    today = timezone.localdate()
    planned = away.plan_freeze(today + 2 * DAY, today + DAY, today + DAY)
    assert planned["ok"] is True and planned["errors"] == []
    assert planned["streak"]["frozenDays"] == [str(today + DAY), str(today + 2 * DAY)]
    clock.forward(days=3)
    complete_page(away, second)
    complete_page(stays, second)
    assert (streak(away)["days"], streak(away)["longest"]) == (2, 2)
    assert (streak(stays)["days"], streak(stays)["longest"]) == (1, 1)
    assert streak(away)["frozenDays"] == []  # the planned days are past now
    assert away.send("{ me { streak { frozenDays(upcoming: false) } } }")["me"]["streak"][
        "frozenDays"
    ] == [str(today + DAY), str(today + 2 * DAY)]


def test_a_milestone_pays_once(browser, section, clock, settings):
    settings.BORG_LEARNING = {"STREAK_MILESTONES": [2, 3]}
    module = factories.specialist_module(
        section, "Vijf dagen", parts=5, blocks_per_part=1, kinds=("exercise",)
    )
    first, second, third, fourth, fifth = parts(module)
    for page in (first, second, third):
        complete_page(browser, page)
        clock.forward(days=1)
    assert sorted(PointsAward.objects.filter(rule="streak").values_list("subject", "points")) == [
        ("streak:2", 25),
        ("streak:3", 25),
    ]
    # Broken, and begun again: reaching 2 days again pays nothing more.
    clock.forward(days=5)
    complete_page(browser, fourth)
    clock.forward(days=1)
    complete_page(browser, fifth)
    assert streak(browser)["days"] == 2
    assert PointsAward.objects.filter(rule="streak").count() == 2


@pytest.fixture
def learner_browser(browser, specialist):
    complete_page(browser, parts(specialist)[0])
    return browser


def next_month_days(count):
    today = timezone.localdate()
    first = (today.replace(day=1) + 32 * DAY).replace(day=1)
    return [first + number * DAY for number in range(count)]


def test_a_month_takes_at_most_the_freezes_allowed(learner_browser):
    three, five = next_month_days(3), next_month_days(5)
    assert learner_browser.plan_freeze(*three)["ok"] is True
    assert learner_browser.plan_freeze(*three)["ok"] is True  # planned again: counted once
    refused = learner_browser.plan_freeze(*five)
    assert (refused["ok"], codes(refused), refused["streak"]) == (
        False,
        ["TOO_MANY_FREEZES"],
        None,
    )
    assert refused["errors"][0]["field"] == "dates"
    assert sorted(StreakFreeze.objects.values_list("date", flat=True)) == three
    assert learner_browser.plan_freeze(five[3])["ok"] is True  # the fourth fits


@pytest.mark.parametrize(
    "dates, code",
    [
        (lambda today: [today - DAY], "DATE_IN_PAST"),
        (lambda today: [today + DAY, today - 30 * DAY], "DATE_IN_PAST"),
        (lambda today: [], "INVALID_DATE"),
        (lambda today: [today + 367 * DAY], "INVALID_DATE"),
    ],
)
def test_a_refused_plan_stores_nothing(learner_browser, dates, code):
    today = timezone.localdate()
    learner_browser.plan_freeze(today + 3 * DAY)
    refused = learner_browser.plan_freeze(*dates(today))
    assert (refused["ok"], codes(refused)) == (False, [code])
    assert list(StreakFreeze.objects.values_list("date", flat=True)) == [today + 3 * DAY]


def test_planning_needs_a_learner(browser):
    refused = browser.plan_freeze(timezone.localdate())
    assert codes(refused) == ["NO_LEARNER"]
    assert not Learner.objects.exists() and not StreakFreeze.objects.exists()


def test_today_counts_and_the_months_freezes_left_go_down(learner_browser):
    today = timezone.localdate()
    planned = learner_browser.plan_freeze(today)["streak"]
    assert planned["frozenDays"] == [str(today)]
    assert planned["freezesLeftThisMonth"] == 3


def test_cancelling_takes_planned_days_back_but_not_past_ones(learner_browser):
    today = timezone.localdate()
    learner_browser.plan_freeze(today + DAY, today + 2 * DAY)
    cancelled = learner_browser.cancel_freeze(today + DAY, today + 9 * DAY)
    assert cancelled["ok"] is True
    assert cancelled["streak"]["frozenDays"] == [str(today + 2 * DAY)]
    refused = learner_browser.cancel_freeze(today - DAY, today + 2 * DAY)
    assert codes(refused) == ["DATE_IN_PAST"]
    assert list(StreakFreeze.objects.values_list("date", flat=True)) == [today + 2 * DAY]
