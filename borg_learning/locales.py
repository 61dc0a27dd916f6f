"""The language a request reads the learning environment in.

Wagtail keeps each language's pages in a tree of its own: the site's root page and its
translations (``Page.get_translation``). A request reads one of those trees, so lists,
searches, themes' modules and paths never mix languages: the one its GraphQL fields'
``locale`` argument names, or else the tree of the site's root page (the default
locale). The visibility policy (``borg_learning.visibility``) limits pages to it.
"""

from django.http import HttpRequest
from wagtail.models import Locale

ATTRIBUTE = "_borg_learning_locale"


class LocaleError(ValueError):
    """The request asks for a locale the site does not have, or for two."""


def use_locale(request: HttpRequest, code: str | None) -> None:
    """Fix the locale ``request`` reads in at ``code`` (None: the default tree). One
    request reads one locale: fixed before any page is read, and never changed."""
    if code is None:
        return
    fixed = requested_locale(request)
    if fixed is not None and fixed.language_code == code:
        return
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        raise LocaleError(f"There is no locale '{code}'; this site has: {', '.join(codes)}.")
    if fixed is not None:
        raise LocaleError(
            "Ask for one locale per request: give every field the same locale argument."
        )
    setattr(request, ATTRIBUTE, locale)


def requested_locale(request: HttpRequest) -> Locale | None:
    """The locale the request asked for, or None for the default tree."""
    return getattr(request, ATTRIBUTE, None)
