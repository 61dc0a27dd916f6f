"""The demo learners' points and streaks, made from their generated year of progress."""

from collections import Counter

import pytest
from django.db.models import F, Sum

from borg_learning.gamification.models import LearningDay, PointsAward, Rule, StreakFreeze
from borg_learning.gamification.streaks import streak_from
from borg_learning.learners.models import Completion
from demo import content


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def test_each_completion_paid_once_as_the_default_rules_say(loaded):
    rules = Counter(PointsAward.objects.values_list("rule", flat=True))
    parts = Completion.objects.exclude(module_id=None).exclude(page_id=F("module_id")).count()
    assert rules[Rule.PART_COMPLETED] == parts > 100
    assert rules[Rule.MODULE_COMPLETED] > 50
    assert rules[Rule.ROUTE_COMPLETED] > 0
    assert set(
        PointsAward.objects.filter(rule=Rule.MODULE_COMPLETED).values_list("points", flat=True)
    ) == {50}
    total = PointsAward.objects.aggregate(total=Sum("points"))["total"]
    assert total == sum(
        {"part": 10, "module": 50, "route": 100, "microlesson": 5, "review": 2, "streak": 25}[rule]
        * count
        for rule, count in rules.items()
    )


def test_learners_have_learning_days_some_freeze_days_and_streaks(loaded):
    learners = set(LearningDay.objects.values_list("learner", flat=True))
    assert len(learners) > 100
    assert StreakFreeze.objects.count() > 10
    # Every freeze day bridges a gap of one day between two learning days.
    days = set(LearningDay.objects.values_list("learner", "date"))
    for learner, day in StreakFreeze.objects.values_list("learner", "date"):
        assert (learner, day) not in days
    longest = []
    for learner in learners:
        learned = {day for who, day in days if who == learner}
        frozen = set(StreakFreeze.objects.filter(learner=learner).values_list("date", flat=True))
        longest.append(streak_from(learned, frozen, max(learned)).longest)
    assert max(longest) >= 2


def test_loading_again_adds_nothing(loaded):
    before = PointsAward.objects.count(), LearningDay.objects.count()
    report = content.load()
    assert (PointsAward.objects.count(), LearningDay.objects.count()) == before
    assert "Points and streak history exists, left as it is" in report
