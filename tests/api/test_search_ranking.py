"""A window of search hits is the backend's own ranking, read in one pass.

``hit_rows`` reads only the window's rows and counts the hits with them; on SQLite it
ranks in the full-text index itself instead of the backend's query (which searches the
index again for each hit). Either way the hits, their order and their count must be
exactly those of the backend's results.
"""

import pytest
from django.db import connection

from borg_learning import models
from borg_learning.search import hit_rows, ranked_in_sqlite, search_results
from tests import factories
from tests.helpers.sites import bulk_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def modules():
    environment = factories.learning_environment()
    section = factories.section(environment, title="Modules")
    # Words in the title weigh more than in the summary; some match one word, some both.
    bulk_modules(section, 6, title="Grenzen stellen {number}", summary="Over de dag.", index=True)
    bulk_modules(section, 5, title="Les {number}", summary="Grenzen en de nacht.", index=True)
    bulk_modules(section, 4, title="Nachtdienst {number}", summary="De nacht.", index=True)
    bulk_modules(section, 3, title="Grenzen in de nacht {number}", summary="Kort.", index=True)
    return models.ModulePage.objects.all()


CASES = [
    ("grenzen", None),
    ("nacht", None),
    ("grenzen nacht", "and"),
    ("grenzen nacht", "or"),
    ("stellen dag", "or"),
    ("bestaat niet", None),
]


@pytest.mark.parametrize("text, operator", CASES)
def test_the_window_and_count_are_the_backends(modules, text, operator):
    expected = [hit.pk for hit in search_results(modules, text, operator)]
    results = search_results(modules, text, operator)
    rows, count = hit_rows(results, 0, 100)
    assert [pk for (pk,) in rows] == expected
    assert count == len(expected)
    rows, count = hit_rows(search_results(modules, text, operator), 2, 5, ("pk", "title"))
    assert rows == [(pk, models.ModulePage.objects.get(pk=pk).title) for pk in expected[2:5]]
    assert count == len(expected)
    assert hit_rows(search_results(modules, text, operator), 50, 60) == ([], len(expected))


def test_only_the_querysets_rows_are_hits(modules):
    shown = modules.filter(title__startswith="Grenzen")
    expected = [hit.pk for hit in search_results(shown, "grenzen nacht", "or")]
    assert len(expected) == 9
    rows, count = hit_rows(search_results(shown, "grenzen nacht", "or"), 0, 100)
    assert ([pk for (pk,) in rows], count) == (expected, 9)


def test_sqlite_ranks_in_its_full_text_index(modules):
    window = ranked_in_sqlite(search_results(modules, "grenzen", None), 0, 3, ("pk",))
    if connection.vendor == "sqlite":
        assert window is not None and len(window[0]) == 3 and window[1] == 14
    else:
        assert window is None


@pytest.mark.skipif(connection.vendor != "sqlite", reason="Wagtail's SQLite backend")
def test_a_backend_whose_parts_changed_ranks_its_own_way(modules, monkeypatch):
    from modelsearch.backends.database.sqlite import query

    def changed(*args, **kwargs):
        raise TypeError("a match expression of another version")

    expected = [hit.pk for hit in search_results(modules, "grenzen", None)]
    monkeypatch.setattr(query, "MatchExpression", changed)
    assert ranked_in_sqlite(search_results(modules, "grenzen", None), 0, 3, ("pk",)) is None
    rows, count = hit_rows(search_results(modules, "grenzen", None), 0, 100)
    assert ([pk for (pk,) in rows], count) == (expected, 14)


@pytest.mark.parametrize("text, operator", CASES)
def test_another_backend_gives_its_own_window(modules, settings, text, operator):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "modelsearch.backends.database.fallback"}
    }
    results = search_results(modules, text, operator)
    assert type(results).__module__ == "modelsearch.backends.database.fallback"
    expected = [hit.pk for hit in results]
    rows, count = hit_rows(search_results(modules, text, operator), 1, 4, ("pk", "title"))
    assert rows == [(pk, models.ModulePage.objects.get(pk=pk).title) for pk in expected[1:4]]
    assert count == len(expected)
