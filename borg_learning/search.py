"""Full-text search through Wagtail's search backend, for the APIs."""

import re

from django.db.models import Case, Count, Func, IntegerField, QuerySet, Subquery, When, Window
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend

SEARCH_LIMIT = 200
#: The modules of the results of Wagtail's own database backends this ranks itself.
POSTGRES_RESULTS = "modelsearch.backends.database.postgres.postgres"
SQLITE_RESULTS = "modelsearch.backends.database.sqlite.sqlite"


def search_results(queryset: QuerySet, text: str, operator: str | None = None):
    """The backend's lazy search results for ``text`` in ``queryset``, best first: give
    them to ``hit_rows`` for a window of hits and their count; None when there are no
    words to search for. ``operator`` "and" or "or" (None: the backend's default).

    The words are searched as plain text; double quotes and control characters are
    dropped, as SQLite's full text search fails on an unbalanced quote and on a NUL.
    """
    text = re.sub(r'["\x00-\x1f]', " ", text)
    if not text.strip():
        return None
    return get_search_backend().search(text, queryset, operator=operator)


def hit_rows(results, start: int, stop: int, fields=("pk",)) -> tuple[list[tuple], int]:
    """``(rows, count)``: the ``fields`` of the hits between ``start`` and ``stop``
    (positions in ``results``, best first) as tuples, and how many hits there are.

    With Wagtail's SQLite and PostgreSQL backends only those columns of the window's
    rows are read and the count comes in the same query, so a search costs one query
    (and one more for the fields in SQLite), a window past the last hit a count too.
    """
    start = max(start, 0)
    if start >= stop:
        return [], results.count()
    window = ranked_in_sqlite(results, start, stop, fields)
    if window is None and type(results).__module__ == POSTGRES_RESULTS:
        window = counted(results[start:stop].get_queryset(), fields)
    if window is None:  # another backend: its window of objects, its count
        hits = list(results[start:stop])
        return [tuple(getattr(hit, field) for field in fields) for hit in hits], results.count()
    rows, count = window
    if count is None:  # none in the window: none at all, unless it starts past the end
        count = results.count() if start else 0
    return rows, count


def counted(queryset: QuerySet, fields) -> tuple[list[tuple], int | None]:
    """``fields`` of a (sliced) queryset's rows and the count of the unsliced one, in
    one query; no count when the slice is empty."""
    rows = list(queryset.annotate(_hits=Window(Count("*"))).values_list(*fields, "_hits"))
    return [row[:-1] for row in rows], (rows[0][-1] if rows else None)


def ranked_in_sqlite(results, start, stop, fields):
    """The window of Wagtail's SQLite backend's results, ranked in one pass over the
    full-text index: that backend ranks by a subquery that searches the index again for
    each hit, so its cost grows with the square of the matches (1,000 hits took 225 ms).
    The order (best first, then the newest) and the count are the backend's own; None
    for results of another backend or a query this does not rank (all or none).
    """
    if type(results).__module__ != SQLITE_RESULTS:
        return None  # (that module cannot be imported on another database)
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    compiler = results.query_compiler
    query = normalize(compiler.query)
    if isinstance(query, (MatchAll, Not)):
        return None
    try:  # the backend's own parts of its query: its match, its score
        config = compiler.get_config(results.backend)
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(query, config=config),
        )
        score = compiler._build_rank_expression(compiler.get_search_vectors(), config)
    except (AttributeError, TypeError):  # another version of the backend: its own query
        return None
    queryset = compiler.queryset
    matching = SQLiteFTSIndexEntry.objects.filter(match).filter(
        index_entry__content_type__in=get_descendants_content_types_pks(queryset.model),
        index_entry__object_id__in=queryset.values("pk"),
    )
    # The count as a subquery SQLite runs once: bm25() cannot be used beside a window.
    count = Subquery(matching.values(n=Func("pk", function="COUNT")))
    window = list(
        matching.annotate(
            score=score,
            key=Cast("index_entry__object_id", IntegerField()),
            hits=count,
        )
        .order_by("score", "-key")
        .values_list("index_entry__object_id", "hits")[start:stop]
    )
    to_pk = queryset.model._meta.pk.to_python
    pks = [to_pk(object_id) for object_id, _hits in window]
    loaded = {row[0]: row[1:] for row in queryset.filter(pk__in=pks).values_list("pk", *fields)}
    return [loaded[pk] for pk in pks if pk in loaded], (window[0][1] if window else None)


def search_ids(queryset: QuerySet, text: str, operator: str | None = None) -> list[int]:
    """Ids of a model's best search matches (at most ``SEARCH_LIMIT``), best first."""
    hits = search_results(queryset, text, operator)
    return [] if hits is None else [pk for (pk,) in hit_rows(hits, 0, SEARCH_LIMIT)[0]]


def in_order(queryset: QuerySet, ids: list[int]) -> QuerySet:
    """The rows of ``queryset`` with these ids, in the order of ``ids``."""
    ordering = Case(
        *[When(pk=pk, then=position) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return queryset.filter(pk__in=ids).order_by(ordering)
