"""Package settings, read from one ``BORG_LEARNING`` dict in the Django settings.

Each key is declared once, as a ``Setting`` in ``SETTINGS``: its default, the validator
the system check (``borg_learning.checks``) runs on a configured value, and a line of
documentation. A sub-app declares its own keys with ``register_setting``.

Code reads values as ``learning_settings.WORDS_PER_MINUTE``; a missing key falls back to
its default. Values are cached and reloaded when a test changes ``BORG_LEARNING`` with
``override_settings``.
"""

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeAlias

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

# Says what is wrong with a configured value, to follow "BORG_LEARNING['KEY'] ", or None.
Validator: TypeAlias = Callable[[Any], str | None]


@dataclass(frozen=True, kw_only=True)
class Setting:
    """One ``BORG_LEARNING`` key: what it does, how a value is checked, and its default."""

    doc: str
    validate: Validator
    default: Any
    #: Gives the value when it is None, configured or by default (the site's name, say).
    fallback: Callable[[], Any] | None = None


def _choices(width: int) -> Validator:
    """Validate a non-empty list of tuples of ``width`` strings with unique slugs."""

    def validate(value: Any) -> str | None:
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


def _colours(value: Any) -> str | None:
    error = _choices(3)(value)
    if error:
        return error
    for slug, _label, hex_value in value:
        if not isinstance(hex_value, str) or not re.fullmatch(r"#[0-9a-fA-F]{6}", hex_value):
            return f"colour {slug!r} needs a hex value like '#5b2a86', got {hex_value!r}"
    return None


def _positive_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return f"must be a positive whole number, got {value!r}"
    return None


def _renditions(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)) or not value:
        return "must be a non-empty list of Wagtail filter specs"
    for spec in value:
        if not isinstance(spec, str) or not re.fullmatch(r"[a-z]+(-[a-z0-9x]+)*(\|[\w-]+)*", spec):
            return f"{spec!r} is not a Wagtail filter spec such as 'width-800'"
    return None


def _optional_slug(value: Any) -> str | None:
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[-\w]+", value)):
        return f"must be a questionnaire slug or None, got {value!r}"
    return None


def _patterns(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)):
        return "must be a list of regular expressions"
    for pattern in value:
        try:
            re.compile(pattern)
        except (TypeError, re.error) as error:
            return f"{pattern!r} is not a regular expression ({error})"
    return None


def _optional_positive_int(value: Any) -> str | None:
    return None if value is None else _positive_int(value)


def text(max_length: int) -> Validator:
    """Validate a non-empty string of at most ``max_length`` characters (a name printed
    on a document, say)."""

    def validate(value: Any) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return f"must be a non-empty string, got {value!r}"
        if len(value) > max_length:
            return f"must be at most {max_length} characters, got {len(value)}"
        return None

    return validate


def optional_text(max_length: int) -> Validator:
    """Validate None (the setting's fallback then gives the value) or ``text(max_length)``."""
    validate = text(max_length)
    return lambda value: None if value is None else validate(value)


def site_name() -> str:
    """The name the site gives itself (``WAGTAIL_SITE_NAME``): the default organisation
    name on modules, certificates, badges and quotes."""
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or ""


def _link_kind_labels(value: Any) -> str | None:
    # Which kinds there are, the system check says (borg_learning.checks): the kinds are
    # the content's, which imports this module.
    if not isinstance(value, Mapping):
        return f"must be a dict of link kind to label, got {value!r}"
    for kind, label in value.items():
        if not isinstance(label, (str, Promise)) or not str(label).strip():
            return f"needs a non-empty label for {kind!r}, got {label!r}"
    return None


# The validators a sub-app's settings most often need (``register_setting``).
positive_int = _positive_int
optional_positive_int = _optional_positive_int


def _cache_alias(value: Any) -> str | None:
    if value is None or value is False:
        return None
    if not isinstance(value, str) or value not in settings.CACHES:
        return (
            f"must name one of the CACHES ({', '.join(settings.CACHES)}) or be None, got {value!r}"
        )
    return None


def _non_negative_int(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return f"must be a whole number of 0 or more, got {value!r}"
    return None


def _optional_header(value: Any) -> str | None:
    if value is not None and not (isinstance(value, str) and re.fullmatch(r"[A-Za-z0-9-]+", value)):
        return f"must be an HTTP header name such as 'X-Forwarded-For' or None, got {value!r}"
    return None


def _optional_origins(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        return "must be a list of origins such as 'https://www.example.org', or None"
    for origin in value:
        if not isinstance(origin, str) or not re.fullmatch(r"https?://[^/\s?#]+", origin):
            return (
                f"{origin!r} is not an origin: a scheme and a host (and port), such as "
                "'https://www.example.org', without a path or a slash at the end"
            )
    return None


def _optional_frontend_url(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", value):
        return (
            "must be the absolute URL the frontend serves the site's root page at, such as "
            f"'https://www.example.org', or None; got {value!r}"
        )
    return None


def _bool(value: Any) -> str | None:
    if not isinstance(value, bool):
        return f"must be True or False, got {value!r}"
    return None


#: For sub-apps' settings that are True or False.
boolean = _bool


def _directories(value: Any) -> str | None:
    if not isinstance(value, (list, tuple)):
        return "must be a list of directory paths"
    for path in value:
        if not isinstance(path, (str, os.PathLike)) or not os.path.isdir(path):
            return f"{path!r} is not a directory"
    return None


def _optional_bool(value: Any) -> str | None:
    if value is not None and not isinstance(value, bool):
        return f"must be True, False or None, got {value!r}"
    return None


def import_path(value: Any) -> str | None:
    """Validate an import string naming a pluggable backend, by importing it."""
    if not isinstance(value, str):
        return f"must be an import string such as 'package.module.Class', got {value!r}"
    try:
        import_string(value)
    except ImportError as error:
        return f"{value!r} cannot be imported ({error})"
    return None


SETTINGS: dict[str, Setting] = {
    "COLOURS": Setting(
        doc="The palette editors pick from for themes and start page buttons: "
        "(slug, label, '#rrggbb').",
        validate=_colours,
        default=[
            ("purple", _("Purple"), "#5b2a86"),
            ("orange", _("Orange"), "#e5732a"),
            ("green", _("Green"), "#3f8f4f"),
            ("blue", _("Blue"), "#1f5fa8"),
            ("petrol", _("Petrol"), "#1d6f7a"),
            ("red", _("Red"), "#b8323a"),
            ("yellow", _("Yellow"), "#f2b632"),
            ("grey", _("Grey"), "#5f6368"),
        ],
    ),
    "ICONS": Setting(
        doc="The fixed icon set for themes, buttons and module parts: (slug, label).",
        validate=_choices(2),
        default=[
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
    ),
    "AUDIENCE_ROLES": Setting(
        doc="Roles a module is written for: (slug, label).",
        validate=_choices(2),
        default=[
            ("support-worker", _("Support worker")),
            ("starting-psychologist", _("Starting psychologist")),
            ("nurse", _("Nurse")),
            ("physician-assistant", _("Physician assistant")),
            ("physician", _("Physician")),
            ("support-staff", _("Support staff")),
        ],
    ),
    "TARGET_GROUPS": Setting(
        doc="Target groups of catalogue offers: (slug, label).",
        validate=_choices(2),
        default=[
            ("sglvg", _("SGLVG")),
            ("lvb", _("LVB")),
            ("forensic", _("Forensic")),
            ("ggz", _("GGZ")),
        ],
    ),
    "WORDS_PER_MINUTE": Setting(
        doc="Reading speed the duration estimate counts with.",
        validate=_positive_int,
        default=200,
    ),
    "SECONDS_PER_EXERCISE": Setting(
        doc="Time the duration estimate counts for one exercise.",
        validate=_positive_int,
        default=60,
    ),
    "COPYRIGHT_HOLDER": Setting(
        doc="Default copyright holder of a new module; None: the site's name (WAGTAIL_SITE_NAME).",
        validate=optional_text(200),
        default=None,
        fallback=site_name,
    ),
    "LINK_KIND_LABELS": Setting(
        doc="The site's own labels for link kinds, by kind: {'borg_website': 'Website De "
        "Borg'}; a kind not named keeps its label.",
        validate=_link_kind_labels,
        default={},
    ),
    "EDITOR_GROUP": Setting(
        doc="The group of editors who run the learning environment: made by the app's "
        "migrations with the permissions its screens need, and given each new learning "
        "environment to edit and publish. None: no group is made or given anything.",
        validate=optional_text(150),  # auth.Group.name
        default="Learning editors",
    ),
    "REVIEW_INTERVAL_MONTHS": Setting(
        doc="Default review interval of a new module, in months.",
        validate=_positive_int,
        default=12,
    ),
    "IMAGE_RENDITIONS": Setting(
        doc="The only Wagtail image filter specs the API hands out.",
        validate=_renditions,
        default=["width-400", "width-800", "width-1200", "fill-400x300", "fill-800x450"],
    ),
    "GRAPHQL_MAX_DEPTH": Setting(
        doc="Deepest query the GraphQL endpoint accepts.",
        validate=_positive_int,
        default=10,
    ),
    "GRAPHQL_PAGE_SIZE": Setting(
        doc="Page size of lists when a GraphQL query does not ask for one.",
        validate=_positive_int,
        default=50,
    ),
    "GRAPHQL_MAX_PAGE_SIZE": Setting(
        doc="Largest page size a GraphQL query may ask for.",
        validate=_positive_int,
        default=100,
    ),
    "GRAPHQL_MAX_QUERY_LENGTH": Setting(
        doc="Longest GraphQL query text, in characters.",
        validate=_positive_int,
        default=10_000,
    ),
    "GRAPHQL_MAX_QUERY_COST": Setting(
        doc="Highest cost of a GraphQL operation: about how many values its answer may hold, "
        "lists counted at their page size or an estimate.",
        validate=_positive_int,
        default=50_000,
    ),
    "GRAPHQL_MAX_ALIASES": Setting(
        doc="Most aliased fields one GraphQL query may have (__typename not counted).",
        validate=_positive_int,
        default=30,
    ),
    "GRAPHQL_DOCUMENT_CACHE_SIZE": Setting(
        doc="Most parsed and validated GraphQL documents kept per process (an LRU), so a "
        "repeated query skips parsing and validation.",
        validate=_positive_int,
        default=500,
    ),
    "GRAPHQL_PERSISTED_QUERY_DIRS": Setting(
        doc="Directories of .graphql files a client may send by their SHA-256 "
        "(persisted queries); more come from the hook register_persisted_queries.",
        validate=_directories,
        default=[],
    ),
    "GRAPHQL_PERSISTED_QUERIES_ONLY": Setting(
        doc="Accept only persisted queries (sent by hash, or as the text of one): for a "
        "production site whose only client is its own frontend.",
        validate=_bool,
        default=False,
    ),
    "GRAPHQL_RESPONSE_CACHE": Setting(
        doc="Alias of the Django cache (CACHES) that keeps whole answers of public GraphQL "
        "queries, invalidated on every change of content; None or False: off.",
        validate=_cache_alias,
        default="default",
    ),
    "GRAPHQL_RESPONSE_CACHE_TIMEOUT": Setting(
        doc="Seconds an answer is kept at most: how long an expired page, or a challenge or "
        "offer past its dates, may still show.",
        validate=_positive_int,
        default=300,
    ),
    "GRAPHQL_CACHE_CONTROL_MAX_AGE": Setting(
        doc="max-age of Cache-Control on public GET answers, for browsers and CDNs that no "
        "change can reach; 0: no-cache (they ask again, with If-None-Match).",
        validate=_non_negative_int,
        default=60,
    ),
    "GRAPHIQL": Setting(
        doc="Serve GraphiQL in a browser; None: on when DEBUG is on.",
        validate=_optional_bool,
        default=None,
    ),
    "FRONTEND_URL": Setting(
        doc="Absolute URL where the frontend shows the site's root page; a page's URL is this "
        "plus its path below the root (Wagtail's 'View live', REST's html_url, GraphQL's url). "
        "None: the Wagtail site's own root URL.",
        validate=_optional_frontend_url,
        default=None,
    ),
    "DEFAULT_QUESTIONNAIRE": Setting(
        doc="Slug of the questionnaire a module without its own asks; None: it asks nothing.",
        validate=_optional_slug,
        default=None,
    ),
    "EVALUATION_RATE_LIMIT": Setting(
        doc="Evaluations one client address may submit per clock hour; None: no limit.",
        validate=_optional_positive_int,
        default=30,
    ),
    "CLIENT_ADDRESS_HEADER": Setting(
        doc="Request header with the client's address behind a proxy, for the rate limit "
        "and for counting a client's visit once a day (e.g. 'X-Forwarded-For'); None: the "
        "address of the connection.",
        validate=_optional_header,
        default=None,
    ),
    "VISIT_ALLOWED_ORIGINS": Setting(
        doc="Origins of the frontends whose pages may send visits (a request with another "
        "Origin header is refused); None: the origins CORS allows. The site's own origin "
        "always may.",
        validate=_optional_origins,
        default=None,
    ),
    "BOT_USER_AGENTS": Setting(
        doc="Regular expressions (case-insensitive) for user agents whose visits are not counted.",
        validate=_patterns,
        default=[
            r"bot\b",
            r"crawl",
            r"spider",
            r"slurp",
            r"headless",
            r"preview",
            r"monitor",
            r"curl/",
            r"wget/",
            r"python-requests",
            r"httpx",
            r"go-http-client",
            r"java/",
        ],
    ),
}


def register_setting(name: str, setting: Setting) -> None:
    """Declare a key of a sub-app, when its module is imported, so that ``learning_settings``
    reads it and the system check validates it.

    Keys are upper case so none can shadow a method of ``learning_settings``, and registered
    once so two apps cannot silently share one.
    """
    if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
        raise ValueError(f"A BORG_LEARNING key is upper case, like 'PDF_RENDERER'; got {name!r}.")
    if name in SETTINGS:
        raise ValueError(f"BORG_LEARNING key {name!r} is already registered.")
    SETTINGS[name] = setting


class LearningSettings:
    """Attribute access to ``BORG_LEARNING`` with defaults, cached until reloaded."""

    def __init__(self, specs: Mapping[str, Setting] | None = None) -> None:
        # The registry itself, not a copy, so keys registered later are found.
        self.specs = SETTINGS if specs is None else specs
        self._cached: set[str] = set()
        self._imported: dict[str, Any] = {}

    @property
    def user_settings(self) -> dict[str, Any]:
        value = getattr(settings, "BORG_LEARNING", {})
        return value if isinstance(value, dict) else {}

    def __getattr__(self, name: str) -> Any:
        if name not in self.specs:
            raise AttributeError(f"Unknown BORG_LEARNING setting: {name!r}")
        spec = self.specs[name]
        value = self.user_settings.get(name, spec.default)
        if value is None and spec.fallback is not None:
            value = spec.fallback()
        self._cached.add(name)
        setattr(self, name, value)
        return value

    def reload(self) -> None:
        for name in self._cached:
            delattr(self, name)
        self._cached.clear()
        self._imported.clear()

    def choices(self, name: str) -> list[tuple[str, str | Promise]]:
        """The (slug, label) pairs of a choice setting, ready for a form field."""
        return [(item[0], item[1]) for item in getattr(self, name)]

    def label(self, name: str, slug: str) -> str | Promise:
        """The label of ``slug`` in a choice setting, or the slug when it is unknown."""
        return dict(self.choices(name)).get(slug, slug)

    def labelled(self, name: str, slugs: list[str] | None) -> list[dict[str, str]]:
        """``slugs`` of a choice setting with their labels, as the APIs show them."""
        labels = dict(self.choices(name))
        return [{"slug": slug, "label": str(labels.get(slug, slug))} for slug in slugs or []]

    def import_object(self, name: str) -> Any:
        """The object an import-string setting names, imported once until reloaded.

        A failure names the key, as the traceback of a plain ImportError would not.
        """
        if name not in self._imported:
            path = getattr(self, name)
            if not isinstance(path, str):
                raise ImproperlyConfigured(
                    f"BORG_LEARNING[{name!r}] must be an import string, got {path!r}."
                )
            try:
                self._imported[name] = import_string(path)
            except ImportError as error:
                raise ImproperlyConfigured(
                    f"BORG_LEARNING[{name!r}] = {path!r} cannot be imported: {error}"
                ) from error
        return self._imported[name]


learning_settings = LearningSettings()


@receiver(setting_changed)
def reload_learning_settings(*, setting: str, **kwargs: Any) -> None:
    if setting == "BORG_LEARNING":
        learning_settings.reload()
