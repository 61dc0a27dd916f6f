"""A note when badges cannot be exported: no key to sign them with.

An ``Info``, not a warning: a site may run badges without exporting them, and
``check --fail-level WARNING`` (``make check``) must pass for it; a key that is set but
cannot sign is an error of the core's settings check.
"""

from django.core.checks import Info, Tags, register

from borg_learning.badges import conf  # noqa: F401  (settings)
from borg_learning.conf import learning_settings


@register(Tags.compatibility)
def check_badge_signing_key(app_configs=None, **kwargs):
    """A wrong key is the core's settings check's error; a missing one is said here."""
    if learning_settings.BADGE_SIGNING_KEY is not None:
        return []
    return [
        Info(
            "borg_learning.badges is installed without BORG_LEARNING['BADGE_SIGNING_KEY']: "
            "learners earn badges, but cannot export them as Open Badges 3.0 credentials.",
            hint="Make a key with `openssl genpkey -algorithm RSA -pkeyopt "
            "rsa_keygen_bits:3072 -out badge-signing-key.pem` and set BADGE_SIGNING_KEY to "
            "the file's path (see docs/installation.md).",
            id="borg_learning_badges.I001",
        )
    ]
