"""The learners' keys in ``BORG_LEARNING``, registered with the core's settings.

Imported by the app's ``ready()`` (and by every module that reads them), so the keys are
known before the system checks run.
"""

from borg_learning.conf import Setting, optional_positive_int, positive_int, register_setting

register_setting(
    "LEARNER_RETENTION_DAYS",
    Setting(
        doc="Days after its last visit an anonymous learner's progress is deleted by the "
        "purge_inactive_learners command.",
        validate=positive_int,
        default=365,
    ),
)
register_setting(
    "TRANSFER_RATE_LIMIT",
    Setting(
        doc="Transfer codes one client address may create or redeem per clock hour (every "
        "attempt counts); None: no limit.",
        validate=optional_positive_int,
        default=10,
    ),
)
register_setting(
    "NEW_LEARNER_RATE_LIMIT",
    Setting(
        doc="New anonymous learners one client address may start per clock hour (progress "
        "sent without a learner token); None: no limit.",
        validate=optional_positive_int,
        default=100,
    ),
)
