"""The gamification's keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from borg_learning.conf import Setting, positive_int, register_setting


def levels(value: Any) -> str | None:
    """A list of ``(points from, name)``, the first from 0, the points rising."""
    if not isinstance(value, (list, tuple)) or not value:
        return "must be a non-empty list of (points from, name)"
    previous = None
    for item in value:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            return f"each level must be a tuple (points from, name), got {item!r}"
        points, name = item
        if isinstance(points, bool) or not isinstance(points, int) or points < 0:
            return f"a level's points must be a whole number of 0 or more, got {points!r}"
        if not str(name).strip():
            return f"the level from {points} points needs a name"
        if previous is None and points != 0:
            return f"the first level must start at 0 points, got {points}"
        if previous is not None and points <= previous:
            return f"the levels' points must rise, got {points} after {previous}"
        previous = points
    return None


def milestones(value: Any) -> str | None:
    """Rising positive whole numbers of days."""
    if not isinstance(value, (list, tuple)):
        return "must be a list of numbers of days"
    for item in value:
        if positive_int(item):
            return f"each milestone must be a positive whole number of days, got {item!r}"
    if list(value) != sorted(set(value)):
        return "the milestones must rise, each once"
    return None


register_setting(
    "GAMIFICATION_LEVELS",
    Setting(
        doc="The levels of the points: (points from, name), the first from 0, rising.",
        validate=levels,
        default=[
            (0, _("Starter")),
            (50, _("Explorer")),
            (150, _("Learner")),
            (300, _("Practitioner")),
            (600, _("Expert")),
            (1000, _("Master")),
        ],
    ),
)
register_setting(
    "STREAK_MILESTONES",
    Setting(
        doc="Lengths of the learning streak, in days, that pay the streak milestone's points "
        "(once each per learner).",
        validate=milestones,
        default=[7, 30, 100, 365],
    ),
)
register_setting(
    "STREAK_FREEZES_PER_MONTH",
    Setting(
        doc="Freeze days a learner may plan per calendar month.",
        validate=positive_int,
        default=4,
    ),
)
register_setting(
    "STREAK_FREEZE_DAYS_AHEAD",
    Setting(
        doc="How many days ahead a learner may plan a freeze day.",
        validate=positive_int,
        default=366,
    ),
)
