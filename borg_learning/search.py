"""Full-text search through Wagtail's search backend, for the APIs."""

from django.db.models import Case, IntegerField, QuerySet, When
from wagtail.search.backends import get_search_backend

SEARCH_LIMIT = 200


def search_ids(queryset: QuerySet, text: str) -> list[int]:
    """Ids of a model's best search matches, best first (Wagtail's search backend).

    The words are searched as plain text; double quotes are dropped, as SQLite's full text
    search fails on an unbalanced one.
    """
    text = text.replace('"', " ")
    if not text.strip():
        return []
    return [hit.pk for hit in get_search_backend().search(text, queryset)[:SEARCH_LIMIT]]


def in_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The rows of ``queryset`` with these ids, in the order of ``ids``."""
    ordering = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(ordering)
