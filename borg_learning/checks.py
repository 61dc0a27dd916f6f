"""System checks that report a wrong ``BORG_LEARNING``, or a cache that cannot hold the
rate limits, before anything runs."""

import difflib

from django.apps import apps
from django.conf import settings
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError
from django.utils.module_loading import import_string

from borg_learning.conf import SETTINGS, learning_settings
from borg_learning.content.blocks import LinkKind
from borg_learning.content.fields import colour_choices, icon_choices


@register(Tags.compatibility)
def check_learning_settings(app_configs=None, **kwargs):
    user_settings = getattr(settings, "BORG_LEARNING", {})
    if not isinstance(user_settings, dict):
        return [
            Error(
                "BORG_LEARNING must be a dict.",
                hint=f"It is a {type(user_settings).__name__}.",
                id="borg_learning.E001",
            )
        ]
    errors = []
    for key, value in user_settings.items():
        spec = SETTINGS.get(key)
        if spec is None:
            close = difflib.get_close_matches(str(key), SETTINGS, n=1)
            hint = f"Did you mean {close[0]!r}?" if close else "See docs/configuration.md."
            errors.append(
                Error(
                    f"BORG_LEARNING has an unknown key {key!r}.", hint=hint, id="borg_learning.E002"
                )
            )
            continue
        problem = spec.validate(value)
        if problem:
            errors.append(
                Error(
                    f"BORG_LEARNING[{key!r}] {problem}.",
                    hint=f"{key}: {spec.doc} See docs/configuration.md.",
                    id="borg_learning.E003",
                )
            )
    labels = user_settings.get("LINK_KIND_LABELS")
    unknown = sorted(set(labels) - set(LinkKind.values)) if isinstance(labels, dict) else []
    if unknown:
        errors.append(
            Error(
                f"BORG_LEARNING['LINK_KIND_LABELS'] names an unknown link kind {unknown[0]!r}.",
                hint=f"The link kinds are {', '.join(LinkKind.values)}.",
                id="borg_learning.E003",
            )
        )
    page_size = user_settings.get("GRAPHQL_PAGE_SIZE", SETTINGS["GRAPHQL_PAGE_SIZE"].default)
    max_size = user_settings.get("GRAPHQL_MAX_PAGE_SIZE", SETTINGS["GRAPHQL_MAX_PAGE_SIZE"].default)
    if not errors and page_size > max_size:
        errors.append(
            Error(
                "BORG_LEARNING['GRAPHQL_PAGE_SIZE'] is larger than GRAPHQL_MAX_PAGE_SIZE.",
                hint=f"{page_size} > {max_size}.",
                id="borg_learning.E004",
            )
        )
    return errors


@register(Tags.caches)
def check_shared_cache(app_configs=None, **kwargs):
    """Warn when the rate limits would count per process: the evaluation rate limit and
    the once-a-day visit count keep their keys in the default cache, and a site served by
    several processes needs one cache they all share. A development server (DEBUG) is one
    process, so it is left in peace."""
    if settings.DEBUG:
        return []
    path = settings.CACHES.get("default", {}).get("BACKEND", "")
    try:
        backend = import_string(path)
    except ImportError:
        return []  # Django says so when the cache is first used
    if not (isinstance(backend, type) and issubclass(backend, (LocMemCache, DummyCache))):
        return []
    limits = ["visits count once per client per page per day"]
    if learning_settings.EVALUATION_RATE_LIMIT is not None:
        limits.insert(0, "EVALUATION_RATE_LIMIT")
    if issubclass(backend, DummyCache):
        effect = "remembers nothing, so nothing is limited and every visit counts"
    else:
        effect = "lives in each process, so each worker process counts on its own"
    return [
        Warning(
            f"The default cache ({backend.__name__}) {effect}: {' and '.join(limits)}.",
            hint="Configure a cache all processes share as CACHES['default'], such as "
            "django.core.cache.backends.redis.RedisCache. See docs/installation.md.",
            id="borg_learning.W001",
        )
    ]


@register(Tags.caches)
def check_response_cache(app_configs=None, **kwargs):
    """Warn when the GraphQL response cache lives in each process: a change made in one
    process drops only that process's kept answers, and the others serve theirs until
    GRAPHQL_RESPONSE_CACHE_TIMEOUT. A development server (DEBUG) is one process."""
    alias = learning_settings.GRAPHQL_RESPONSE_CACHE
    if settings.DEBUG or not alias or alias not in settings.CACHES:
        return []
    try:
        backend = import_string(settings.CACHES[alias].get("BACKEND", ""))
    except ImportError:
        return []
    if not (isinstance(backend, type) and issubclass(backend, LocMemCache)):
        return []
    return [
        Warning(
            f"The GraphQL response cache ({alias!r}, LocMemCache) lives in each process: "
            "a change of content drops kept answers only in the process that made it.",
            hint="Point BORG_LEARNING['GRAPHQL_RESPONSE_CACHE'] at a cache all processes "
            "share, such as django.core.cache.backends.redis.RedisCache, or set it to None.",
            id="borg_learning.W002",
        )
    ]


#: The choice setting each kind of palette field draws from.
PALETTE_SETTINGS = {colour_choices: "COLOURS", icon_choices: "ICONS"}


def palette_fields():
    """(model, field, setting) for every field, of any app, whose choices are the
    COLOURS or ICONS setting."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            setting = PALETTE_SETTINGS.get(getattr(field.choices, "func", None))
            if setting:
                yield model, field, setting


@register(Tags.database)
def check_palette_in_use(app_configs=None, databases=None, **kwargs):
    """Warn when content uses a colour or icon that BORG_LEARNING's COLOURS or ICONS no
    longer has: the API would answer it without its colour or icon. Needs the database,
    so it runs with ``migrate`` and ``check --database default``."""
    warnings = []
    for alias in databases or ():
        for model, field, setting in palette_fields():
            known = [slug for slug, _label in learning_settings.choices(setting)]
            try:
                unknown = sorted(
                    set(
                        model._default_manager.using(alias)
                        .exclude(**{f"{field.name}__in": [*known, ""]})
                        .values_list(field.name, flat=True)
                    )
                )
            except DatabaseError:
                return []  # not migrated yet: migrate checks before it migrates
            if unknown:
                warnings.append(
                    Warning(
                        f"{model._meta.label}.{field.name} uses {', '.join(map(repr, unknown))}, "
                        f"which BORG_LEARNING['{setting}'] does not have.",
                        hint=f"Add them to {setting} again, or choose another "
                        f"{field.name} for that content in the admin.",
                        obj=model,
                        id="borg_learning.W003",
                    )
                )
    return warnings
