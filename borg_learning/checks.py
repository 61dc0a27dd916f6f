"""System checks that report a wrong ``BORG_LEARNING`` before anything runs."""

import difflib

from django.conf import settings
from django.core.checks import Error, Tags, register

from borg_learning.conf import SETTINGS


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
