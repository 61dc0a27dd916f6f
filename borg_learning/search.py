"""Full-text search through Wagtail's search backend, for the APIs."""

import re

from django.db.models import Case, IntegerField, QuerySet, When
from wagtail.search.backends import get_search_backend

SEARCH_LIMIT = 200


def search_results(queryset: QuerySet, text: str, operator: str | None = None):
    """The backend's lazy search results for ``text`` in ``queryset``, best first: slice
    them to load a window of hits, ``count()`` them in the backend; None when there are
    no words to search for. ``operator`` "and" or "or" (None: the backend's default).

    The words are searched as plain text; double quotes and control characters are
    dropped, as SQLite's full text search fails on an unbalanced quote and on a NUL.
    """
    text = re.sub(r'["\x00-\x1f]', " ", text)
    if not text.strip():
        return None
    return get_search_backend().search(text, queryset, operator=operator)


def search_ids(queryset: QuerySet, text: str, operator: str | None = None) -> list[int]:
    """Ids of a model's best search matches (at most ``SEARCH_LIMIT``), best first."""
    hits = search_results(queryset, text, operator)
    return [] if hits is None else [hit.pk for hit in hits[:SEARCH_LIMIT]]


def in_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The rows of ``queryset`` with these ids, in the order of ``ids``."""
    ordering = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(ordering)
