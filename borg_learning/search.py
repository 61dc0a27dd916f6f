"""Full-text search through Wagtail's search backend, for the APIs."""

import re

from django.db.models import Case, IntegerField, QuerySet, When
from wagtail.search.backends import get_search_backend

SEARCH_LIMIT = 200


def search_ids(queryset: QuerySet, text: str, operator: str | None = None) -> list[int]:
    """Ids of a model's best search matches, best first (Wagtail's search backend);
    ``operator`` "and" or "or" (None: the backend's default).

    The words are searched as plain text; double quotes and control characters are
    dropped, as SQLite's full text search fails on an unbalanced quote and on a NUL.
    """
    text = re.sub(r'["\x00-\x1f]', " ", text)
    if not text.strip():
        return []
    hits = get_search_backend().search(text, queryset, operator=operator)
    return [hit.pk for hit in hits[:SEARCH_LIMIT]]


def in_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The rows of ``queryset`` with these ids, in the order of ``ids``."""
    ordering = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(ordering)
