"""What one request may see: the one visibility policy of every API.

GraphQL, the REST API, search and visit counting all ask a ``Visibility`` which pages,
images, documents, media files and catalogue offers a request may see:

* pages that are live and not expired, and not below a view restriction (password,
  login, groups) that the request's user does not pass, as Wagtail's own serving
  decides;
* images, documents and media files that are not in a private collection (a
  collection view restriction, which also covers the collections below it) the user
  does not pass;
* catalogue offers that are active;
* and of the pages only those of the request's Wagtail site (the one
  ``Site.find_for_request`` picks by host name, the default site otherwise): a
  Wagtail with two sites shows each site's frontend its own learning environment.

A policy is made once per request (``Visibility.of``). It reads the signed-in user
only when the request carries a session cookie, and ``anonymous=True`` never reads
it: submissions and visits are counted without touching the session (no
``Vary: Cookie``, nothing that ties them to an account). The checks are SQL
subqueries, so a visibility check adds no round trip to the query it filters.
"""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import (
    BaseViewRestriction,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.query import PageQuerySet

REQUEST_ATTRIBUTE = "_borg_learning_visibility"


class Visibility:
    """What a learner (signed in or not) may see; see the module's docstring."""

    def __init__(
        self,
        user: AbstractBaseUser | AnonymousUser | None = None,
        *,
        request: HttpRequest | None = None,
    ) -> None:
        self.user = user if user is not None and user.is_authenticated else None
        self.request = request
        self._passed = {}

    @cached_property
    def site_root(self) -> Page | None:
        """The root page of the request's site; None without a request or a site (then
        the pages of every site are shown). Looked up once, when pages are first asked
        for."""
        site = Site.find_for_request(self.request) if self.request is not None else None
        return site.root_page if site is not None else None

    @classmethod
    def of(cls, request: HttpRequest, *, anonymous: bool = False) -> "Visibility":
        """The policy of ``request``, made once per request and kind."""
        attribute = f"{REQUEST_ATTRIBUTE}_anonymous" if anonymous else REQUEST_ATTRIBUTE
        policy = getattr(request, attribute, None)
        if policy is None:
            policy = cls(None if anonymous else signed_in_user(request), request=request)
            setattr(request, attribute, policy)
        return policy

    # Pages -------------------------------------------------------------------------------

    def pages(self, queryset: PageQuerySet | None = None) -> PageQuerySet:
        """The live, unexpired pages of ``queryset`` (default: all pages) that no view
        restriction hides from this user."""
        queryset = Page.objects.all() if queryset is None else queryset
        if self.site_root is not None:
            queryset = queryset.filter(path__startswith=self.site_root.path)
        hidden_above = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        passed = self.passed(PageViewRestriction)
        if passed:
            hidden_above = hidden_above.exclude(pk__in=passed)
        return (
            queryset.live()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .exclude(Exists(hidden_above))
        )

    # Files -------------------------------------------------------------------------------

    def files(self, queryset: QuerySet) -> QuerySet:
        """The images, documents or media files of ``queryset`` outside private collections."""
        hidden_above = CollectionViewRestriction.objects.filter(
            collection__path=Substr(OuterRef("collection__path"), 1, Length("collection__path"))
        )
        passed = self.passed(CollectionViewRestriction)
        if passed:
            hidden_above = hidden_above.exclude(pk__in=passed)
        return queryset.exclude(Exists(hidden_above))

    images = documents = media = files

    # Catalogue ---------------------------------------------------------------------------

    def offerings(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(active=True)

    # Restrictions --------------------------------------------------------------------

    def passed(self, restriction_model: type[BaseViewRestriction]) -> list[int]:
        """Ids of the restrictions of a kind this user passes: none for anyone not
        signed in (a password restriction is for Wagtail's own pages, which a headless
        site does not serve), and for a signed-in user the login ones and the group ones
        of their groups (all of them for a superuser). One query per kind, once."""
        if self.user is None:
            return []
        if restriction_model not in self._passed:
            restrictions = restriction_model.objects.exclude(
                restriction_type=BaseViewRestriction.PASSWORD
            ).prefetch_related("groups")
            group_ids = (
                set(self.user.groups.values_list("pk", flat=True))
                if not self.user.is_superuser
                else set()
            )
            self._passed[restriction_model] = [
                restriction.pk
                for restriction in restrictions
                if restriction.restriction_type == BaseViewRestriction.LOGIN
                or self.user.is_superuser
                or group_ids & {group.pk for group in restriction.groups.all()}
            ]
        return self._passed[restriction_model]


def signed_in_user(request: HttpRequest) -> AbstractBaseUser | None:
    """The request's user if it comes with a session cookie; None without reading the
    session otherwise (reading it would add ``Vary: Cookie`` to every answer)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
