"""The LMS link's keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.conf import Setting, boolean, positive_int, register_setting


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
        doc="Seconds to wait for an LMS (its key set, its token URL, its score endpoint).",
        validate=positive_int,
        default=10,
    ),
)
