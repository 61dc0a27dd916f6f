"""Badges awarded per badge in a period, for the report."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.badges.figures import awarded_per_badge
from borg_learning.badges.models import BadgeAward
from tests import factories
from tests.helpers.badges import badge

pytestmark = pytest.mark.django_db


def at(day):
    return timezone.make_aware(datetime.datetime(2026, 11, day, 12))


def test_awards_are_counted_per_badge_within_the_period(django_assert_num_queries):
    one, three = badge("Eén module", count=1), badge("Drie modules")
    badge("Uit", active=False)
    for day, chosen in [(1, one), (2, one), (10, one), (10, three), (30, three)]:
        learner, _token = factories.learner()
        BadgeAward.objects.create(
            badge=chosen, learner=learner, awarded_at=at(day), name="x", description="x"
        )
    with django_assert_num_queries(1):
        figures = awarded_per_badge(at(2), at(30))
    assert [(figure.badge.name, figure.awarded) for figure in figures] == [
        ("Drie modules", 1),
        ("Eén module", 2),
        ("Uit", 0),
    ]
    everything = {figure.badge.name: figure.awarded for figure in awarded_per_badge()}
    assert everything == {"Drie modules": 2, "Eén module": 3, "Uit": 0}
