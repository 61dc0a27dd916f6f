"""The LMS link's keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.conf import Setting, boolean, positive_int, register_setting


def _fraction(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        return f"must be a number from 0 to 1, got {value!r}"
    return None


def _route_path(value: Any) -> str | None:
    if not isinstance(value, str) or not value.startswith("/") or "{slug}" not in value:
        return f"must be a path starting with / that holds {{slug}}, got {value!r}"
    return None


register_setting(
    "LMS_STORE_NAMES",
    Setting(
        doc="Keep the name an LMS sends with a launch (the LTI 'name' claim) with the "
        "learner's link to the LMS. False: no name is stored, only the LMS's opaque user id.",
        validate=boolean,
        default=False,
    ),
)
register_setting(
    "LMS_ROUTE_PATH",
    Setting(
        doc="Where the frontend shows a learning route, below its root URL; {slug} is the "
        "route's slug. A launch into a route opens this path.",
        validate=_route_path,
        default="/leerroutes/{slug}/",
    ),
)
register_setting(
    "LMS_SCORE_MAX_ATTEMPTS",
    Setting(
        doc="Attempts to send a score to an LMS before it is marked failed (shown in the "
        "admin, sent again only when an administrator asks).",
        validate=positive_int,
        default=8,
    ),
)
register_setting(
    "LMS_SCORE_RETRY_SECONDS",
    Setting(
        doc="The wait after a score's first failed attempt; it doubles after each next one.",
        validate=positive_int,
        default=60,
    ),
)
register_setting(
    "LMS_HTTP_TIMEOUT",
    Setting(
        doc="Seconds to wait for an LMS (its key set, its token URL, its score endpoint) "
        "or an LRS.",
        validate=positive_int,
        default=10,
    ),
)
register_setting(
    "XAPI_MAX_ATTEMPTS",
    Setting(
        doc="Attempts to send an xAPI statement to an LRS before it is marked failed (a dead "
        "letter, shown in the admin and sent again only when an administrator asks).",
        validate=positive_int,
        default=10,
    ),
)
register_setting(
    "XAPI_RETRY_SECONDS",
    Setting(
        doc="The wait after an xAPI statement's first failed attempt; it doubles after each "
        "next one.",
        validate=positive_int,
        default=60,
    ),
)
register_setting(
    "XAPI_MASTERY_SCORE",
    Setting(
        doc="The part of a module's exercises (from 0 to 1, of those with a right answer) a "
        "learner must answer right for the module's 'passed' statement; below it, 'failed'. "
        "0: every completed module with such exercises is passed, its score told.",
        validate=_fraction,
        default=0,
    ),
)
register_setting(
    "XAPI_KEEP_SENT_DAYS",
    Setting(
        doc="Days a sent xAPI statement is kept in the outbox (the LRS has it); "
        "send_xapi_statements deletes older ones.",
        validate=positive_int,
        default=30,
    ),
)
