"""The gamification's settings: a wrong value is reported by the system check, with why."""

import pytest
from django.test import override_settings

from borg_learning.checks import check_learning_settings


@pytest.mark.parametrize(
    "key, value, why",
    [
        ("GAMIFICATION_LEVELS", [], "must be a non-empty list"),
        ("GAMIFICATION_LEVELS", [(10, "Brons")], "the first level must start at 0 points"),
        ("GAMIFICATION_LEVELS", [(0, "Brons"), (0, "Zilver")], "the levels' points must rise"),
        ("GAMIFICATION_LEVELS", [(0, " ")], "needs a name"),
        ("STREAK_MILESTONES", [30, 7], "the milestones must rise"),
        ("STREAK_MILESTONES", [0], "a positive whole number of days"),
        ("STREAK_FREEZES_PER_MONTH", 0, "positive whole number"),
    ],
)
def test_a_wrong_value_is_reported(key, value, why):
    with override_settings(BORG_LEARNING={key: value}):
        (error,) = check_learning_settings()
    assert f"'{key}'" in error.msg and why in error.msg


def test_no_milestones_is_fine():
    with override_settings(BORG_LEARNING={"STREAK_MILESTONES": []}):
        assert check_learning_settings() == []
