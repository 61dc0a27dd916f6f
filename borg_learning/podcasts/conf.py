"""The podcasts' keys in ``BORG_LEARNING``, registered with the core's settings."""

from typing import Any

from borg_learning.conf import Setting, positive_int, register_setting


def _language(value: Any) -> str | None:
    if not isinstance(value, str) or not 2 <= len(value) <= 8:
        return f"must be a language code such as 'nl' or 'nl-NL', got {value!r}"
    return None


register_setting(
    "PODCAST_LANGUAGE",
    Setting(
        doc="The language of the podcast feeds (their <language>, and of the texts the feed "
        "writes itself, such as the transcript link).",
        validate=_language,
        default="nl",
    ),
)
register_setting(
    "PODCAST_CACHE_SECONDS",
    Setting(
        doc="How long podcast apps and proxies may keep a feed (Cache-Control max-age).",
        validate=positive_int,
        default=900,
    ),
)
