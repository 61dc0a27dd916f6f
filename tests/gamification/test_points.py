"""Points are paid once per learner, rule and subject; the award keeps what it paid."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borg_learning import signals
from borg_learning.gamification import points
from borg_learning.gamification.models import PointsAward, PointsRules, Rule
from borg_learning.learners.models import Completion, Learner
from borg_learning.microlearning.signals import microlesson_completed
from borg_learning.reviews.signals import review_answered
from borg_learning.routes.signals import route_completed
from tests import factories
from tests.helpers.learners import complete_page, parts

pytestmark = pytest.mark.django_db


def test_a_learner_without_progress_has_no_points_and_the_first_level(client, browser):
    client.force_login(factories.user("leerling"))
    me = browser.points()
    assert me["points"] == {
        "total": 0,
        "level": {"number": 1, "name": "Starter", "pointsFrom": 0, "pointsTo": 50},
        "recent": [],
    }


def test_completing_parts_and_the_module_pays_each_once(browser, specialist):
    first, second = parts(specialist)
    complete_page(browser, first)
    complete_page(browser, second)
    me = browser.points()["points"]
    assert me["total"] == 10 + 10 + 50
    assert [(award["rule"], award["points"], award["title"]) for award in me["recent"]] == [
        ("MODULE_COMPLETED", 50, "SGG"),
        ("PART_COMPLETED", 10, second.title),
        ("PART_COMPLETED", 10, first.title),
    ]
    assert me["recent"][0]["subject"] == f"page:{specialist.pk}"
    assert me["level"]["number"] == 2 and me["level"]["pointsTo"] == 150


def test_the_same_event_again_pays_nothing_more(browser, specialist, send):
    first, second = parts(specialist)
    complete_page(browser, first)
    complete_page(browser, second)
    learner = Learner.objects.get()
    # The events come again (a re-answer, a replayed signal): the ledger stays as it was.
    complete_page(browser, first)
    signals.part_completed.send(Learner, learner=learner, module_id=specialist.pk, page_id=first.pk)
    signals.module_completed.send(Learner, learner=learner, module_id=specialist.pk)
    assert browser.points()["points"]["total"] == 70
    assert PointsAward.objects.count() == 3


def test_a_toggled_completion_does_not_pay_twice(browser, specialist):
    first, _second = parts(specialist)
    complete_page(browser, first)
    # The completion is taken away (a part edited, a mark undone) and made again.
    Completion.objects.filter(page=first).delete()
    from borg_learning.learners.models import BlockProgress

    BlockProgress.objects.update(completed_at=None)
    complete_page(browser, first)
    assert Completion.objects.filter(page=first).count() == 1
    assert list(PointsAward.objects.values_list("rule", "points")) == [("part", 10)]


def test_an_edited_rule_pays_the_new_points_and_leaves_earlier_awards_alone(browser, specialist):
    first, second = parts(specialist)
    complete_page(browser, first)
    PointsRules.objects.create(part_completed=25, module_completed=0)
    complete_page(browser, second)
    me = browser.points()["points"]
    assert [(award["rule"], award["points"]) for award in me["recent"]] == [
        ("PART_COMPLETED", 25),
        ("PART_COMPLETED", 10),
    ]  # the module pays 0 now: no award at all
    assert me["total"] == 35


def test_the_defaults_hold_until_the_rules_are_edited_and_reading_them_writes_nothing():
    with CaptureQueriesContext(connection) as captured:
        rules = PointsRules.current()
    assert [query["sql"].split()[0] for query in captured.captured_queries] == ["SELECT"]
    assert {rule: rules.points_for(rule) for rule in Rule} == {
        Rule.PART_COMPLETED: 10,
        Rule.MODULE_COMPLETED: 50,
        Rule.ROUTE_COMPLETED: 100,
        Rule.MICROLESSON_COMPLETED: 5,
        Rule.REVIEW_RECALLED: 2,
        Rule.STREAK_MILESTONE: 25,
    }
    assert not PointsRules.objects.exists()


def test_a_route_and_a_microlesson_pay_once_each(environment):
    learner, _token = factories.learner()
    route = factories.route(title="Inwerken begeleider")
    lesson = factories.microlesson(
        factories.section(environment, title="Micro"), "Kort", theme=factories.ThemeFactory()
    )
    for _twice in range(2):
        route_completed.send(
            Learner, learner=learner, route_id=route.pk, completed_at=timezone.now()
        )
        microlesson_completed.send(Learner, learner=learner, page_id=lesson.pk)
    assert sorted(PointsAward.objects.values_list("rule", "subject", "points")) == [
        ("microlesson", f"page:{lesson.pk}", 5),
        ("route", f"route:{route.pk}", 100),
    ]
    assert points.total(learner) == 105


def review(learner, page_id, correct, at):
    review_answered.send(
        Learner,
        learner=learner,
        card_id=1,
        page_id=page_id,
        block_id="b1",
        correct=correct,
        reviewed_at=at,
    )


def test_a_review_recalled_pays_once_per_exercise_per_day(environment):
    learner, _token = factories.learner()
    page = factories.section(environment, title="Oefenen")
    now = timezone.now()
    review(learner, page.pk, True, now)
    review(learner, page.pk, True, now)  # the same card again today
    review(learner, page.pk, False, now + datetime.timedelta(days=1))  # not recalled
    review(learner, page.pk, True, now + datetime.timedelta(days=2))
    assert list(PointsAward.objects.order_by("awarded_at").values_list("rule", "points")) == [
        ("review", 2),
        ("review", 2),
    ]


def test_awarding_twice_stores_one_row_and_answers_none_the_second_time():
    learner, _token = factories.learner()
    assert points.award(learner, Rule.PART_COMPLETED, "page:1").points == 10
    assert points.award(learner, Rule.PART_COMPLETED, "page:1") is None
    assert points.award(learner, Rule.MODULE_COMPLETED, "page:1").points == 50
    assert PointsAward.objects.count() == 2


@pytest.mark.parametrize(
    "total, number, name, points_from, points_to",
    [
        (0, 1, "Starter", 0, 50),
        (49, 1, "Starter", 0, 50),
        (50, 2, "Verkenner", 50, 150),
        (999, 5, "Expert", 600, 1000),
        (1000, 6, "Meester", 1000, None),
        (25000, 6, "Meester", 1000, None),
    ],
)
def test_levels_follow_the_scale(total, number, name, points_from, points_to):
    from django.utils import translation

    with translation.override("nl"):
        level = points.level_of(total)
        assert (level.number, level.name, level.points_from, level.points_to) == (
            number,
            name,
            points_from,
            points_to,
        )


def test_a_site_sets_its_own_levels(settings, browser, specialist):
    settings.BORG_LEARNING = {"GAMIFICATION_LEVELS": [(0, "Brons"), (20, "Zilver")]}
    complete_page(browser, parts(specialist)[0])
    complete_page(browser, parts(specialist)[1])
    assert browser.points()["points"]["level"] == {
        "number": 2,
        "name": "Zilver",
        "pointsFrom": 20,
        "pointsTo": None,
    }


def test_a_title_shows_only_while_the_learner_may_see_the_page(browser, specialist):
    first, _second = parts(specialist)
    complete_page(browser, first)
    first.unpublish()
    (award,) = browser.points()["points"]["recent"]
    assert (award["points"], award["title"]) == (10, None)


def test_recent_takes_a_limit_within_the_page_size(browser, specialist, send):
    first, second = parts(specialist)
    complete_page(browser, first)
    complete_page(browser, second)
    assert len(browser.points(recent=1)["points"]["recent"]) == 1
    answer = send(
        "{ me { points { recent(limit: 0) { points } } } }",
        HTTP_X_LEARNER_TOKEN=browser.token,
    )
    assert "limit must be between 1 and 100" in answer["errors"][0]["message"]
