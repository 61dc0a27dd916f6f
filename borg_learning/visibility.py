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
* of the snippets a site translates (themes, providers, offers, questionnaires) those
  of the locale the request reads in, and a page's reference to one in another
  locale as its translation there (``translated``);
* and of the pages only those of the request's Wagtail site (the one
  ``Site.find_for_request`` picks by host name, the default site otherwise): a
  Wagtail with two sites shows each site's frontend its own learning environment;
  and of that site only the tree of the locale the request reads in
  (``borg_learning.locales``): the root page's translation in that locale.

A policy is made once per request (``Visibility.of``). It reads the signed-in user
only when the request carries a session cookie, and ``anonymous=True`` never reads
it: submissions and visits are counted without touching the session (no
``Vary: Cookie``, nothing that ties them to an account). The checks are SQL
subqueries, so a visibility check adds no round trip to the query it filters.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import BooleanField, Expression, F, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
)
from wagtail.query import PageQuerySet

from borg_learning.locales import requested_locale
from borg_learning.models.translatable import translating
from borg_learning.sites import site_for_request

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
        self._translations = {}

    @cached_property
    def site_root(self) -> Page | None:
        """The root page of the request's site, in the locale the request reads in (a
        page no path matches when the root has no translation there); None without a
        request or a site (then the pages of every site are shown). Looked up once,
        when pages are first asked for."""
        site = site_for_request(self.request)
        if site is None:
            return None
        locale = requested_locale(self.request)
        if locale is None or locale.pk == site.root_page.locale_id:
            return site.root_page
        return site.root_page.get_translation_or_none(locale) or Page(
            path="-", url_path="-", depth=0
        )

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

    def pages(
        self, queryset: PageQuerySet | None = None, *, every_locale: bool = False
    ) -> PageQuerySet:
        """The live, unexpired pages of ``queryset`` (default: all pages) that no view
        restriction hides from this user; ``every_locale``: of the trees of all the
        site's languages, not only the one the request reads (for language switchers)."""
        queryset = Page.objects.all() if queryset is None else queryset
        if every_locale and self.site_root is not None:
            roots = site_for_request(self.request).root_page.get_translations(inclusive=True)
            queryset = queryset.filter(
                reduce(
                    or_, (Q(path__startswith=path) for path in roots.values_list("path", flat=True))
                )
            )
        elif self.site_root is not None:
            queryset = queryset.filter(path__startswith=self.site_root.path)
        return (
            queryset.live()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .exclude(
                RestrictedAbove(PageViewRestriction, F("path"), self.passed(PageViewRestriction))
            )
        )

    # Files -------------------------------------------------------------------------------

    def files(self, queryset: QuerySet) -> QuerySet:
        """The images, documents or media files of ``queryset`` outside private collections."""
        return queryset.exclude(
            RestrictedAbove(
                CollectionViewRestriction,
                F("collection_id"),
                self.passed(CollectionViewRestriction),
            )
        )

    images = documents = media = files

    # Catalogue ---------------------------------------------------------------------------

    def offerings(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(active=True)

    # Translatable snippets -------------------------------------------------------------

    @cached_property
    def locale_id(self) -> int | None:
        """The locale of the snippets the request reads: that of its pages. None when the
        site does not translate: then every row is read as it is."""
        if not translating():
            return None
        locale = requested_locale(self.request) if self.request is not None else None
        if locale is not None:
            return locale.pk
        if self.site_root is not None:
            return self.site_root.locale_id
        return Locale.get_default().pk

    def in_locale(self, queryset: QuerySet) -> QuerySet:
        """The rows of ``queryset`` (of a translatable snippet) in the request's locale."""
        return queryset if self.locale_id is None else queryset.filter(locale_id=self.locale_id)

    def translated(self, objects) -> list:
        """``objects`` (of one translatable snippet model) as the request reads them: each
        as its translation in the request's locale, or as it is when it has none, and
        each once. A page translated with wagtail-localize keeps its original's themes;
        the French answer shows their French translations. One query per model and
        request at most: the snippets a site translates are few, so all of the locale's
        are read at once."""
        objects = list(objects)
        if self.locale_id is None or all(item.locale_id == self.locale_id for item in objects):
            return objects
        model = type(objects[0])
        if model not in self._translations:
            rows = model._default_manager.filter(locale_id=self.locale_id)
            self._translations[model] = {item.translation_key: item for item in rows}
        known = self._translations[model]
        return list(dict.fromkeys(known.get(item.translation_key, item) for item in objects))

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


class RestrictedAbove(Expression):
    """True for a row that a view restriction of ``restriction_model`` (other than the
    ``passed`` ones) covers: one on its page or an ancestor (``PageViewRestriction``, the
    row's tree ``path`` given), or on its collection or an ancestor collection
    (``CollectionViewRestriction``, the row's ``collection_id`` given).

    An ``EXISTS`` subquery written out once, rather than built from querysets, because
    the policy filters several queries of every request: Django's ORM took longer to
    build and compile that subquery than the database takes to run the whole query.
    A restriction covers a node when the restricted node's path is a prefix of its path
    (Wagtail's tree paths: an ancestor's path starts the path of each descendant).
    """

    output_field = BooleanField()
    conditional = True

    def __init__(self, restriction_model, outer, passed=()):
        super().__init__()
        self.restriction_model, self.outer, self.passed = restriction_model, outer, tuple(passed)

    def get_source_expressions(self):
        return [self.outer]

    def set_source_expressions(self, expressions):
        (self.outer,) = expressions

    def as_sql(self, compiler, connection):
        quote = connection.ops.quote_name
        outer_sql, params = compiler.compile(self.outer)
        restrictions = quote(self.restriction_model._meta.db_table)
        if self.restriction_model is PageViewRestriction:
            nodes = quote(Page._meta.db_table)
            node_column = quote(self.restriction_model._meta.get_field("page").column)
            # The row's own path is a column of the outer query.
            tables, own_path, where = f"{restrictions} r, {nodes} n", outer_sql, ""
        else:
            nodes = quote(Collection._meta.db_table)
            node_column = quote(self.restriction_model._meta.get_field("collection").column)
            # The row's collection, and so its path, is found by its id.
            tables = f"{restrictions} r, {nodes} n, {nodes} own"
            own_path, where = "own.path", f" AND own.id = {outer_sql}"
        condition = (
            f"r.{node_column} = n.id{where} AND n.path = SUBSTR({own_path}, 1, LENGTH(n.path))"
        )
        params = list(params)
        if self.passed:
            condition += f" AND r.id NOT IN ({', '.join(['%s'] * len(self.passed))})"
            params.extend(self.passed)
        # Only names from the models' metadata are written into the SQL; ids are parameters.
        return f"EXISTS (SELECT 1 FROM {tables} WHERE {condition})", params  # noqa: S608


def signed_in_user(request: HttpRequest) -> AbstractBaseUser | None:
    """The request's user if it comes with a session cookie; None without reading the
    session otherwise (reading it would add ``Vary: Cookie`` to every answer)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
