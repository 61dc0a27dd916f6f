"""What a launch opens: a module, a specialist module's part or a learning route, named
by the link's custom parameters (``page_id=12`` or ``route=<slug>``) or by the query of
its ``target_link_uri`` (``?page=12``, ``?route=<slug>``), and where the frontend shows
it. Only what the public may see: live, public pages (the visibility policy) and live
routes."""

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.apps import apps
from django.http import HttpRequest
from wagtail.models import Page, Site

from borg_learning.conf import learning_settings
from borg_learning.frontend_urls import frontend_root_url
from borg_learning.learners import completion
from borg_learning.lms.models import TargetKind
from borg_learning.models import ModulePage, ModulePartPage
from borg_learning.visibility import Visibility

LAUNCHABLE_PAGES = (ModulePage, ModulePartPage)


@dataclass(frozen=True)
class Target:
    kind: str
    id: int
    title: str
    url: str

    slug: str = ""
    #: The module a page belongs to (itself, or a part's specialist module).
    module_id: int | None = None
    #: A module page (not a part): what its xAPI activity's type says.
    is_module: bool = False
    #: The site of the page (None for a route: the default site's).
    site_id: int | None = None

    @property
    def custom(self) -> dict:
        """The custom parameters that name this target in a resource link."""
        return {"page_id": str(self.id)} if self.kind == TargetKind.PAGE else {"route": self.slug}

    @property
    def key(self) -> str:
        """How the deep linking form names it (``by_key``)."""
        return f"page:{self.id}" if self.kind == TargetKind.PAGE else f"route:{self.slug}"


def public(request: HttpRequest | None) -> Visibility:
    """What anyone may see: a launch is not signed in to this site."""
    if request is None:  # a management command: no request to keep it on
        return Visibility(None)
    return Visibility.of(request, anonymous=True)


def routes_installed() -> bool:
    return apps.is_installed("borg_learning.routes")


def route_url(root_url: str, slug: str) -> str:
    """Where the frontend shows a route, from the frontend's root (``frontend_root_url``)."""
    return root_url + learning_settings.LMS_ROUTE_PATH.format(slug=slug)


def default_site() -> Site | None:
    """The site of what belongs to no page (a route), and of a request-less command."""
    return Site.objects.filter(is_default_site=True).first()


def site_root_url(request: HttpRequest | None) -> str:
    """The frontend's root URL of the request's site, or of the default site."""
    site = default_site() if request is None else Site.find_for_request(request)
    if site is not None:
        return frontend_root_url(site.root_url)
    return frontend_root_url(request.build_absolute_uri("/") if request else "")


def route_page_url(request: HttpRequest | None, slug: str) -> str:
    """Where the frontend shows a route: on the request's site, or the default site's."""
    return route_url(site_root_url(request), slug)


def page_target(request, page_id) -> Target | None:
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    page = public(request).pages(Page.objects.filter(pk=page_id)).specific().first()
    if not isinstance(page, LAUNCHABLE_PAGES):
        return None
    module_id = completion.module_id_of(page)
    url_parts = page.get_url_parts(request)
    return Target(
        TargetKind.PAGE,
        page.pk,
        page.title,
        page.get_full_url(request),
        module_id=module_id,
        is_module=isinstance(page, ModulePage),
        site_id=url_parts[0] if url_parts else None,
    )


def route_target(request, slug) -> Target | None:
    if not routes_installed() or not isinstance(slug, str):
        return None
    from borg_learning.routes.models import Route

    route = Route.objects.filter(live=True, slug=slug).first()
    if route is None:
        return None
    return Target(
        TargetKind.ROUTE, route.pk, route.title, route_page_url(request, route.slug), route.slug
    )


def of_launch(request: HttpRequest, claims: dict, lti: str) -> Target | None:
    """The target a resource link launch names, if it is there for the public."""
    custom = claims.get(lti + "custom")
    custom = custom if isinstance(custom, dict) else {}
    query = parse_qs(urlsplit(str(claims.get(lti + "target_link_uri") or "")).query)
    page_id = custom.get("page_id") or (query.get("page") or [None])[0]
    if page_id:
        return page_target(request, page_id)
    slug = custom.get("route") or (query.get("route") or [None])[0]
    if slug:
        return route_target(request, slug)
    return None


def selectable(request: HttpRequest) -> list[Target]:
    """What a teacher may pick when deep linking: the public modules, then the live routes."""
    modules = public(request).pages(ModulePage.objects.all()).order_by("title", "pk")
    found = [
        Target(TargetKind.PAGE, page.pk, page.title, page.get_full_url(request)) for page in modules
    ]
    if routes_installed():
        from borg_learning.routes.models import Route

        for route in Route.objects.filter(live=True).order_by("title", "pk"):
            found.append(
                Target(
                    TargetKind.ROUTE,
                    route.pk,
                    route.title,
                    route_page_url(request, route.slug),
                    route.slug,
                )
            )
    return found


def by_key(request: HttpRequest, key: str) -> Target | None:
    """A target of the selection form: ``page:<id>`` or ``route:<slug>``."""
    kind, _sep, value = key.partition(":")
    if kind == TargetKind.PAGE:
        return page_target(request, value)
    if kind == TargetKind.ROUTE:
        return route_target(request, value)
    return None
