"""The microlessons' key in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.conf import Setting, register_setting

#: The longest microlesson a site may offer: beyond that it is a module.
LONGEST = 600


def lengths(value: Any) -> str | None:
    if (
        not isinstance(value, (list, tuple))
        or not value
        or any(isinstance(item, bool) or not isinstance(item, int) for item in value)
    ):
        return f"must be a list of whole numbers of seconds, got {value!r}"
    if any(not 1 <= item <= LONGEST for item in value) or len(set(value)) != len(value):
        return f"must be different numbers of seconds from 1 to {LONGEST}, got {value!r}"
    return None


register_setting(
    "MICROLESSON_LENGTHS",
    Setting(
        doc="The lengths in seconds an editor chooses from for a microlesson; the length is "
        "the unit's time budget.",
        validate=lengths,
        default=(30, 60, 90, 120),
    ),
)
