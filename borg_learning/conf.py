"""Package settings, read from one ``BORG_LEARNING`` dict in the Django settings.

Use ``learning_settings.WORDS_PER_MINUTE`` and friends; a missing key falls back
to its default in ``DEFAULTS``. Values are cached and reloaded when a test
changes ``BORG_LEARNING`` with ``override_settings``. Wrong keys and values are
reported by the system check in ``borg_learning.checks``.
"""

import re

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # Colours editors pick by name for themes and start page buttons: (slug, label, hex).
    "COLOURS": [
        ("purple", _("Purple"), "#5b2a86"),
        ("orange", _("Orange"), "#e5732a"),
        ("green", _("Green"), "#3f8f4f"),
        ("blue", _("Blue"), "#1f5fa8"),
        ("petrol", _("Petrol"), "#1d6f7a"),
        ("red", _("Red"), "#b8323a"),
        ("yellow", _("Yellow"), "#f2b632"),
        ("grey", _("Grey"), "#5f6368"),
    ],
    # The fixed icon set for themes, buttons and module parts: (slug, label).
    "ICONS": [
        ("book", _("Book")),
        ("headphones", _("Headphones")),
        ("video", _("Video")),
        ("chat", _("Conversation")),
        ("heart", _("Heart")),
        ("shield", _("Shield")),
        ("users", _("People")),
        ("lightbulb", _("Light bulb")),
        ("compass", _("Compass")),
        ("puzzle", _("Puzzle")),
        ("clipboard", _("Clipboard")),
        ("star", _("Star")),
        ("route", _("Route")),
        ("question", _("Question")),
    ],
    # Roles a module is written for: (slug, label).
    "AUDIENCE_ROLES": [
        ("support-worker", _("Support worker")),
        ("starting-psychologist", _("Starting psychologist")),
        ("nurse", _("Nurse")),
        ("physician-assistant", _("Physician assistant")),
        ("physician", _("Physician")),
        ("support-staff", _("Support staff")),
    ],
    # Target groups of catalogue offers: (slug, label).
    "TARGET_GROUPS": [
        ("sglvg", _("SGLVG")),
        ("lvb", _("LVB")),
        ("forensic", _("Forensic")),
        ("ggz", _("GGZ")),
    ],
    # The duration estimate: reading speed and the time one exercise takes.
    "WORDS_PER_MINUTE": 200,
    "SECONDS_PER_EXERCISE": 60,
    # Module metadata defaults.
    "COPYRIGHT_HOLDER": "De Borg",
    "REVIEW_INTERVAL_MONTHS": 12,
    # Image renditions the API may hand out (Wagtail filter specs).
    "IMAGE_RENDITIONS": ["width-400", "width-800", "width-1200", "fill-400x300", "fill-800x450"],
    # GraphQL limits and GraphiQL (None: on when DEBUG is on).
    "GRAPHQL_MAX_DEPTH": 10,
    "GRAPHQL_PAGE_SIZE": 50,
    "GRAPHQL_MAX_PAGE_SIZE": 100,
    "GRAPHQL_MAX_QUERY_LENGTH": 10_000,
    "GRAPHIQL": None,
    # Evaluation: the slug of the questionnaire modules without their own ask (None:
    # no questionnaire), and how many submissions one client may send per hour (None:
    # no limit).
    "DEFAULT_QUESTIONNAIRE": None,
    "EVALUATION_RATE_LIMIT": 30,
    # The request header with the client's address behind a proxy (e.g.
    # "X-Forwarded-For"); None: the address of the connection. Only the rate limit uses it.
    "CLIENT_ADDRESS_HEADER": None,
    # Visits from user agents matching any of these (case-insensitive) are not counted.
    "BOT_USER_AGENTS": [
        r"bot\b", r"crawl", r"spider", r"slurp", r"headless", r"preview", r"monitor",
        r"curl/", r"wget/", r"python-requests", r"httpx", r"go-http-client", r"java/",
    ],
}


def _choices(width):
    """Validate a non-empty list of tuples of ``width`` strings with unique slugs."""

    def validate(value):
        if not isinstance(value, (list, tuple)) or not value:
            return "must be a non-empty list"
        slugs = set()
        for item in value:
            if not isinstance(item, (list, tuple)) or len(item) != width:
                return f"each entry must be a tuple of {width} items, got {item!r}"
            slug = item[0]
            if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9-]+", slug):
                return f"slug {slug!r} must be lowercase letters, digits and hyphens"
            if slug in slugs:
                return f"slug {slug!r} appears twice"
            slugs.add(slug)
        return None

    return validate


def _colours(value):
    error = _choices(3)(value)
    if error:
        return error
    for slug, _label, hex_value in value:
        if not isinstance(hex_value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_value):
            return f"colour {slug!r} needs a hex value like '#5b2a86', got {hex_value!r}"
    return None


def _positive_int(value):
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"must be a positive whole number, got {value!r}"
    return None


def _text(value):
    if not isinstance(value, str) or not value.strip():
        return f"must be a non-empty string, got {value!r}"
    return None


def _renditions(value):
    if not isinstance(value, (list, tuple)) or not value:
        return "must be a non-empty list of Wagtail filter specs"
    for spec in value:
        if not isinstance(spec, str) or not re.fullmatch(r"[a-z]+(-[a-z0-9x]+)*(\|[\w-]+)*", spec):
            return f"{spec!r} is not a Wagtail filter spec such as 'width-800'"
    return None


def _optional_slug(value):
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[-\w]+", value)):
        return f"must be a questionnaire slug or None, got {value!r}"
    return None


def _patterns(value):
    if not isinstance(value, (list, tuple)):
        return "must be a list of regular expressions"
    for pattern in value:
        try:
            re.compile(pattern)
        except (TypeError, re.error) as error:
            return f"{pattern!r} is not a regular expression ({error})"
    return None


def _optional_positive_int(value):
    return None if value is None else _positive_int(value)


def _optional_header(value):
    if value is not None and not (isinstance(value, str) and
                                  re.fullmatch(r"[A-Za-z0-9-]+", value)):
        return f"must be an HTTP header name such as 'X-Forwarded-For' or None, got {value!r}"
    return None


def _optional_bool(value):
    if value is not None and not isinstance(value, bool):
        return f"must be True, False or None, got {value!r}"
    return None


VALIDATORS = {
    "COLOURS": _colours,
    "ICONS": _choices(2),
    "AUDIENCE_ROLES": _choices(2),
    "TARGET_GROUPS": _choices(2),
    "WORDS_PER_MINUTE": _positive_int,
    "SECONDS_PER_EXERCISE": _positive_int,
    "COPYRIGHT_HOLDER": _text,
    "REVIEW_INTERVAL_MONTHS": _positive_int,
    "IMAGE_RENDITIONS": _renditions,
    "GRAPHQL_MAX_DEPTH": _positive_int,
    "GRAPHQL_PAGE_SIZE": _positive_int,
    "GRAPHQL_MAX_PAGE_SIZE": _positive_int,
    "GRAPHQL_MAX_QUERY_LENGTH": _positive_int,
    "GRAPHIQL": _optional_bool,
    "DEFAULT_QUESTIONNAIRE": _optional_slug,
    "EVALUATION_RATE_LIMIT": _optional_positive_int,
    "CLIENT_ADDRESS_HEADER": _optional_header,
    "BOT_USER_AGENTS": _patterns,
}


class LearningSettings:
    """Attribute access to ``BORG_LEARNING`` with defaults, cached until reloaded."""

    def __init__(self, defaults=None):
        self.defaults = defaults or DEFAULTS
        self._cached = set()

    @property
    def user_settings(self):
        value = getattr(settings, "BORG_LEARNING", {})
        return value if isinstance(value, dict) else {}

    def __getattr__(self, name):
        if name not in self.defaults:
            raise AttributeError(f"Unknown BORG_LEARNING setting: {name!r}")
        value = self.user_settings.get(name, self.defaults[name])
        self._cached.add(name)
        setattr(self, name, value)
        return value

    def reload(self):
        for name in self._cached:
            delattr(self, name)
        self._cached.clear()

    def choices(self, name):
        """The (slug, label) pairs of a choice setting, ready for a form field."""
        return [(item[0], item[1]) for item in getattr(self, name)]

    def label(self, name, slug):
        """The label of ``slug`` in a choice setting, or the slug when it is unknown."""
        return dict(self.choices(name)).get(slug, slug)


learning_settings = LearningSettings()


@receiver(setting_changed)
def reload_learning_settings(*, setting, **kwargs):
    if setting == "BORG_LEARNING":
        learning_settings.reload()
