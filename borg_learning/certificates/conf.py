"""The certificates' keys in ``BORG_LEARNING``, registered with the core's settings.

Imported by the app's ``ready()`` (and by every module that reads them), so the keys are
known before the system checks run.
"""

from borg_learning.conf import (
    Setting,
    optional_positive_int,
    optional_text,
    register_setting,
    site_name,
)

register_setting(
    "CERTIFICATE_ISSUER",
    Setting(
        doc="The issuer named on certificates (copied onto each when it is issued); None: "
        "the site's name (WAGTAIL_SITE_NAME).",
        validate=optional_text(200),
        default=None,
        fallback=site_name,
    ),
)
register_setting(
    "CERTIFICATE_LOOKUP_RATE_LIMIT",
    Setting(
        doc="Unknown certificate codes one client address may look up per clock hour (the "
        "verification page, the PDF and verifyCertificate); None: no limit.",
        validate=optional_positive_int,
        default=30,
    ),
)
