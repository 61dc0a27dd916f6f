"""The certificates' keys in ``BORG_LEARNING``, registered with the core's settings.

Imported by the app's ``ready()`` (and by every module that reads them), so the keys are
known before the system checks run.
"""

from typing import Any

from borg_learning.conf import Setting, register_setting


def _name(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"must be a non-empty string, got {value!r}"
    if len(value) > 200:
        return f"must be at most 200 characters, got {len(value)}"
    return None


def _optional_positive_int(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"must be a positive whole number or None, got {value!r}"
    return None


register_setting(
    "CERTIFICATE_ISSUER",
    Setting(
        doc="The issuer named on certificates (copied onto each when it is issued).",
        validate=_name,
        default="De Borg",
    ),
)
register_setting(
    "CERTIFICATE_LOOKUP_RATE_LIMIT",
    Setting(
        doc="Unknown certificate codes one client address may look up per clock hour (the "
        "verification page, the PDF and verifyCertificate); None: no limit.",
        validate=_optional_positive_int,
        default=30,
    ),
)
