"""Points per week, for the report: sums over learners, weeks without points as 0."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.gamification.figures import points_per_week
from borg_learning.gamification.models import PointsAward
from borg_learning.learners.models import Learner
from tests import factories

pytestmark = pytest.mark.django_db


def paid(learner, subject, points, day, hour=12):
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    PointsAward.objects.create(
        learner=learner, rule="part", subject=subject, points=points, awarded_at=moment
    )


def test_the_points_of_a_period_are_summed_per_week_from_monday(django_assert_num_queries):
    anna, _ = factories.learner()
    bram, _ = factories.learner()
    paid(anna, "page:1", 10, datetime.date(2026, 11, 3))  # before the period
    paid(bram, "page:1", 10, datetime.date(2026, 11, 8), hour=23)  # Sunday night, local time
    paid(anna, "page:2", 50, datetime.date(2026, 11, 19))
    paid(anna, "page:3", 5, datetime.date(2026, 12, 7))  # after the period
    with django_assert_num_queries(1):
        weeks = points_per_week(datetime.date(2026, 11, 4), datetime.date(2026, 11, 30))
    assert weeks == [
        (datetime.date(2026, 11, 2), 10),  # the period's part of the week
        (datetime.date(2026, 11, 9), 0),
        (datetime.date(2026, 11, 16), 50),
        (datetime.date(2026, 11, 23), 0),
        (datetime.date(2026, 11, 30), 0),
    ]
    only_bram = points_per_week(
        datetime.date(2026, 11, 1), datetime.date(2026, 11, 30), Learner.objects.filter(pk=bram.pk)
    )
    assert only_bram[:2] == [(datetime.date(2026, 10, 26), 0), (datetime.date(2026, 11, 2), 10)]
