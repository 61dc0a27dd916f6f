"""The Wagtail site of a request, without a query each time a GraphQL answer is computed.

``Site.find_for_request`` asks the database on every request. The GraphQL response
cache keeps a generation of the sites (``api.graphql.response_cache``) that moves
whenever a site is saved or deleted or a page is moved, in every process that shares
the cache; so a site found for a host under one generation, with its root page, is the
right one for as long as that generation lasts. The GraphQL view tells the request the
generation (``remember_generation``); each process keeps the sites it found per (host,
port) with the generation they were found under. A request without one (the REST API,
the cache off) asks Wagtail as always.
"""

from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

GENERATION_ATTRIBUTE = "_borg_learning_generation"

#: At most this many hosts are kept: a request may name any host (Wagtail's lookup reads
#: the raw Host header), so the table is emptied rather than let grow.
MAX_HOSTS = 64

_found: dict[tuple[str, int | str], tuple[int, Site | None]] = {}


def remember_generation(request: HttpRequest, generation: int | None) -> None:
    """Say under which content generation ``request`` is answered (None: not known)."""
    setattr(request, GENERATION_ATTRIBUTE, generation)


def site_for_request(request: HttpRequest | None) -> Site | None:
    """``Site.find_for_request(request)``, from this process's table when the site was
    found before under the request's content generation."""
    if request is None or hasattr(request, "_wagtail_site"):
        return Site.find_for_request(request)
    generation = getattr(request, GENERATION_ATTRIBUTE, None)
    if generation is None:
        return Site.find_for_request(request)
    try:
        key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    except Exception:  # a Host Django cannot read: Wagtail deals with it as always
        return Site.find_for_request(request)
    known = _found.get(key)
    if known is not None and known[0] == generation:
        request._wagtail_site = known[1]
        return known[1]
    site = Site.find_for_request(request)
    if len(_found) >= MAX_HOSTS:
        _found.clear()
    _found[key] = (generation, site)
    return site
