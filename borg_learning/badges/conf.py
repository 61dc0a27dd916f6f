"""The badges' keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.badges.signing import key_problem
from borg_learning.conf import Setting, optional_text, register_setting, site_name


def _signing_key(value: Any) -> str | None:
    return None if value is None else key_problem(value)


register_setting(
    "BADGE_SIGNING_KEY",
    Setting(
        doc="The private key that signs badges exported as Open Badges 3.0 credentials: a "
        "PEM text, or the path of a PEM file (RSA of 2048 bits or more: RS256; EC P-256: "
        "ES256; not encrypted). None: badges cannot be exported.",
        validate=_signing_key,
        default=None,
    ),
)
register_setting(
    "BADGE_ISSUER",
    Setting(
        doc="The issuer named in exported badges (the Open Badges issuer profile's name); "
        "None: the site's name (WAGTAIL_SITE_NAME).",
        validate=optional_text(200),
        default=None,
        fallback=site_name,
    ),
)
