"""The language a request reads the learning environment in.

Wagtail keeps each language's pages in a tree of its own: the site's root page and its
translations (``Page.get_translation``). A request reads one of those trees, so lists,
searches, themes' modules and paths never mix languages: the one its GraphQL fields'
``locale`` argument names, or else the tree of the site's root page (the default
locale). The visibility policy (``borg_learning.visibility``) limits pages to it.
"""

from django.http import HttpRequest
from wagtail.models import Locale, Site

ATTRIBUTE = "_borg_learning_locale"
#: The request reads the tree of the site's root page, in whatever locale that is.
DEFAULT = "default"


class LocaleError(ValueError):
    """The request asks for a locale the site does not have, or for two."""


def use_locale(request: HttpRequest, code: str | None) -> None:
    """Fix the locale ``request`` reads in at ``code`` (None: keep the one fixed before,
    else the default). One request reads one locale; a second, other one is refused."""
    fixed = getattr(request, ATTRIBUTE, None)
    if code is None:
        if fixed is None:
            setattr(request, ATTRIBUTE, DEFAULT)
        return
    if isinstance(fixed, Locale) and fixed.language_code == code:
        return
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        codes = Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        known = ", ".join(codes)
        raise LocaleError(f"There is no locale '{code}'; this site has: {known}.")
    if fixed not in (None, locale) and not (fixed == DEFAULT and _is_default(request, locale)):
        raise LocaleError(
            "Ask for one locale per request: give every field the same locale argument."
        )
    setattr(request, ATTRIBUTE, locale)


def requested_locale(request: HttpRequest) -> Locale | None:
    """The locale the request asked for, or None for the default tree."""
    fixed = getattr(request, ATTRIBUTE, None)
    return fixed if isinstance(fixed, Locale) else None


def _is_default(request: HttpRequest, locale: Locale) -> bool:
    site = Site.find_for_request(request)
    return site is not None and site.root_page.locale_id == locale.pk
