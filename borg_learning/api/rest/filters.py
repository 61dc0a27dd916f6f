"""Wagtail's API v2 filters and pagination, answering a parameter they cannot use with
400 and a message, where Wagtail's own raise a server error (or a 404 for a filter)."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import BooleanField, ForeignKey, Model
from django.http import Http404
from django.utils import translation
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from borg_learning.search import in_order, search_ids

SEARCH_OPERATORS = ("and", "or")


def check_filter_value(model: type[Model], name: str, value: str) -> None:
    """Raise ``BadRequestError`` for a value the field ``name`` cannot hold: not a date
    for a date, a number out of the column's range for an id, and so on. Wagtail
    converts only booleans, integers and foreign keys; anything else reached the
    database and failed there."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return
    if isinstance(field, (TaggableManager, BooleanField)):
        return  # Wagtail reads tags as names and checks booleans itself
    if isinstance(field, ForeignKey):
        field = field.target_field
    elif field.is_relation:
        field = field.related_model._meta.pk
    try:
        field.run_validators(field.to_python(value))
    except (ValidationError, ValueError, TypeError, OverflowError):
        with translation.override("en"):
            expected = str(field.description) % vars(field)
        raise BadRequestError(
            f"field filter error. '{value}' is not a valid value for {name} (expected: {expected})"
        ) from None


class CheckedFieldsFilter(FieldsFilter):
    """Field filters (``?title=…``) that refuse a value their field cannot hold."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields - {"locale"}:
                check_filter_value(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)


class CheckedLocaleFilter(LocaleFilter):
    """``?locale=``: a language the site has no pages in is a bad request, not a
    missing page."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except Http404:
            raise BadRequestError(
                f"locale '{request.GET['locale']}' is not a language of this site"
            ) from None


class VisibleSearchFilter(BaseFilterBackend):
    """Full-text search (``?search=…``) on a queryset the visibility policy narrowed.

    Wagtail's search backends refuse the policy's subqueries, so the words are looked up
    in what the view's ``search_base`` gives the backend, and the answer keeps the hits
    the endpoint shows: best first, or in the order ``?order=`` asks for.
    """

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(f"search_operator must be 'and' or 'or', not '{operator}'")
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        ids = search_ids(view.search_base(queryset.model), request.GET["search"], operator)
        if "order" in request.GET:
            return queryset.filter(pk__in=ids)
        return in_order(queryset, ids)


class BoundedPagination(WagtailPagination):
    """Wagtail's ``limit`` and ``offset``, with a window past the last row cut to what
    there is: a huge offset overflowed the database's integers."""

    def paginate_queryset(self, queryset, request, view=None):
        window = super().paginate_queryset(queryset, request, view)  # checks both, counts
        offset = int(request.GET.get("offset", 0))
        if offset >= self.total_count:
            return queryset.none()
        if "limit" in request.GET:
            return queryset[offset : min(offset + int(request.GET["limit"]), self.total_count)]
        return window
