"""me { points streak } costs the same SQL queries for a few awards and days as for many."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.gamification.models import LearningDay, PointsAward, StreakFreeze
from tests import factories
from tests.helpers.gamification import MY_POINTS
from tests.helpers.learners import token_header

pytestmark = pytest.mark.django_db

#: The learner (by the token), the total, the recent awards, their routes' titles, their
#: pages' (the pages, their specific rows; the request's site from the process's table),
#: the learning days and the freeze days.
QUERIES = 8


def history(section, route, count):
    """A learner with ``count`` awards (on pages, a route, reviews) and learning days."""
    learner, token = factories.learner()
    pages = [factories.basic_module(section, f"Module {n}") for n in range(2)]
    now = timezone.now()
    subjects = [
        ("module", f"page:{pages[n % 2].pk}" if n < 2 else f"exercise:{pages[n % 2].pk}/b{n}:x")
        for n in range(count - 1)
    ]
    PointsAward.objects.bulk_create(
        [
            PointsAward(learner=learner, rule=rule, subject=subject, points=5, awarded_at=now)
            for rule, subject in [*subjects, ("route", f"route:{route.pk}")]
        ]
    )
    today = timezone.localdate()
    LearningDay.objects.bulk_create(
        LearningDay(learner=learner, date=today - datetime.timedelta(days=n)) for n in range(count)
    )
    StreakFreeze.objects.create(learner=learner, date=today + datetime.timedelta(days=1))
    return token


def test_my_points_take_the_same_queries_for_3_awards_as_for_40(
    graphql, section, django_assert_num_queries
):
    route = factories.route(title="Inwerken")
    counts = []
    for count in (3, 40):
        token = history(section, route, count)
        graphql(MY_POINTS, {"recent": 50}, **token_header(token))  # warm the site cache
        with django_assert_num_queries(QUERIES) as captured:
            answer = graphql(MY_POINTS, {"recent": 50}, **token_header(token))
        me = answer["data"]["me"]
        assert me["points"]["total"] == 5 * count
        assert len(me["points"]["recent"]) == count
        assert "Inwerken" in {award["title"] for award in me["points"]["recent"]}
        assert me["streak"]["days"] == count
        counts.append(len(captured.captured_queries))
    assert counts == [QUERIES, QUERIES]
