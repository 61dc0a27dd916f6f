"""The reviews' keys in ``BORG_LEARNING``, registered with the core's settings."""

from borg_learning.conf import Setting, import_path, positive_int, register_setting

register_setting(
    "REVIEW_SCHEDULER",
    Setting(
        doc="Import string of the scheduler of review cards (a subclass of "
        "borg_learning.reviews.scheduling.Scheduler).",
        validate=import_path,
        default="borg_learning.reviews.scheduling.FSRSScheduler",
    ),
)
register_setting(
    "REVIEW_DAILY_LIMIT",
    Setting(
        doc="Review cards a learner answers per day at most in the daily review.",
        validate=positive_int,
        default=20,
    ),
)
