"""The leaderboards' keys in ``BORG_LEARNING``, registered with the core's settings."""

from borg_learning.conf import Setting, positive_int, register_setting

register_setting(
    "LEADERBOARD_MINIMUM_SIZE",
    Setting(
        doc="A board (and an organisation's total) shows only with at least this many "
        "members, so that nobody stands out.",
        validate=positive_int,
        default=5,
    ),
)
register_setting(
    "LEADERBOARD_NEIGHBOURS",
    Setting(
        doc="How many members above and below the learner the board shows.",
        validate=positive_int,
        default=2,
    ),
)
register_setting(
    "LEADERBOARD_PSEUDONYMS_PER_DAY",
    Setting(
        doc="How many new pseudonyms a member may draw a day.",
        validate=positive_int,
        default=3,
    ),
)
