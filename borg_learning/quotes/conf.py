"""The quotes' keys in ``BORG_LEARNING``, registered with the core's settings.

Imported by the app's ``ready()`` (and by every module that reads them), so the keys are
known before the system checks run. Prices are not settings: the Borgbureau edits them
in the admin, in dated price lists (``models.PriceList``).
"""

from typing import Any

from borg_learning.conf import (
    Setting,
    optional_positive_int,
    optional_text,
    register_setting,
    site_name,
)


def _days(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
        return f"must be a whole number of days from 1 to 365, got {value!r}"
    return None


register_setting(
    "QUOTE_REQUEST_RATE_LIMIT",
    Setting(
        doc="Quote requests (requestQuote) one client address may make per clock hour; "
        "None: no limit.",
        validate=optional_positive_int,
        default=10,
    ),
)
register_setting(
    "QUOTE_VALID_DAYS",
    Setting(
        doc="How many days a quote is valid after its date (printed on it).",
        validate=_days,
        default=30,
    ),
)
register_setting(
    "QUOTE_ISSUER",
    Setting(
        doc="Who issues the quotes: the name at the top of the PDF; None: the site's name "
        "(WAGTAIL_SITE_NAME).",
        validate=optional_text(200),
        default=None,
        fallback=site_name,
    ),
)
