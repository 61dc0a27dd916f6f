"""A learner's points and streak: in their export, gone when forgotten, merged on signing in."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.gamification.models import LearningDay, PointsAward, StreakFreeze
from tests import factories
from tests.helpers.learners import EXPORT, FORGET_ME, complete_page, parts

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def learned(browser, specialist):
    """A learner who completed the specialist module and planned a freeze day."""
    for part in parts(specialist):
        complete_page(browser, part)
    browser.plan_freeze(timezone.localdate() + DAY)
    return browser


def test_the_export_holds_the_awards_learning_days_and_freeze_days(learned, specialist):
    first, second = parts(specialist)
    data = learned.send(EXPORT)["exportMyData"]["data"]
    today = timezone.localdate()
    assert [(row["rule"], row["subject"], row["points"]) for row in data["pointsAwards"]] == [
        ("PART_COMPLETED", f"page:{first.pk}", 10),
        ("PART_COMPLETED", f"page:{second.pk}", 10),
        ("MODULE_COMPLETED", f"page:{specialist.pk}", 50),
    ]
    assert data["learningDays"] == [str(today)]
    assert data["streakFreezes"] == [str(today + DAY)]


def test_forgetting_deletes_them(learned, browsers, section):
    other = browsers()
    module = factories.basic_module(
        section, "Ander", body=factories.body_blocks(1, section, ("exercise",))
    )
    complete_page(other, module)
    assert learned.send(FORGET_ME)["forgetMe"]["ok"] is True
    assert (PointsAward.objects.count(), LearningDay.objects.count()) == (1, 1)
    assert not StreakFreeze.objects.exists()
    assert other.points()["points"]["total"] == 50


def test_signing_in_merges_the_anonymous_points_once_and_the_days(
    client, browsers, specialist, clock
):
    first, second = parts(specialist)
    user = factories.user("leerling")
    client.force_login(user)
    account = browsers()
    complete_page(account, first)
    client.logout()
    clock.forward(days=1)
    anonymous = browsers()
    complete_page(anonymous, first)
    complete_page(anonymous, second)
    anonymous.plan_freeze(timezone.localdate() + DAY)
    assert anonymous.points()["points"]["total"] == 70

    client.force_login(user)
    merged = anonymous.points()  # the first signed-in request with the token merges it
    assert merged["points"]["total"] == 70  # the first part once, not twice
    assert sorted(PointsAward.objects.values_list("learner__user", "rule", "subject")) == sorted(
        [
            (user.pk, "module", f"page:{specialist.pk}"),
            (user.pk, "part", f"page:{first.pk}"),
            (user.pk, "part", f"page:{second.pk}"),
        ]
    )
    assert (merged["streak"]["days"], merged["streak"]["frozenDays"]) == (
        2,
        [str(timezone.localdate() + DAY)],
    )
    assert LearningDay.objects.count() == 2
