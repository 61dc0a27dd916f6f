"""The link check's keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.conf import Setting, positive_int, register_setting


def _seconds(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return f"must be a number of seconds of 0 or more, got {value!r}"
    return None


def _positive_seconds(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        return f"must be a number of seconds above 0, got {value!r}"
    return None


def _optional_text(value: Any) -> str | None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        return f"must be None or a non-empty string, got {value!r}"
    return None


register_setting(
    "LINKCHECK_TIMEOUT",
    Setting(
        doc="Seconds to wait for a provider's site to connect, and again for its answer, "
        "before the link counts as broken (no answer).",
        validate=_positive_seconds,
        default=15,
    ),
)
register_setting(
    "LINKCHECK_REQUESTS_PER_HOST",
    Setting(
        doc="At most this many requests to one host at the same time.",
        validate=positive_int,
        default=2,
    ),
)
register_setting(
    "LINKCHECK_HOST_DELAY",
    Setting(
        doc="Seconds between the start of two requests to the same host.",
        validate=_seconds,
        default=1.0,
    ),
)
register_setting(
    "LINKCHECK_WORKERS",
    Setting(
        doc="Requests under way at the same time over all hosts.",
        validate=positive_int,
        default=8,
    ),
)
register_setting(
    "LINKCHECK_MAX_REDIRECTS",
    Setting(
        doc="Redirects followed before a link counts as broken (a redirect loop).",
        validate=positive_int,
        default=10,
    ),
)
register_setting(
    "LINKCHECK_STALE_DAYS",
    Setting(
        doc="A link not checked (automatically or by hand) for this many days is listed in "
        "the report 'Offers with broken links'.",
        validate=positive_int,
        default=30,
    ),
)
register_setting(
    "LINKCHECK_USER_AGENT",
    Setting(
        doc="The User-Agent the check sends. None: 'borg-learning-linkcheck/<version>' with "
        "WAGTAILADMIN_BASE_URL, so a provider sees who checks and where to ask.",
        validate=_optional_text,
        default=None,
    ),
)
