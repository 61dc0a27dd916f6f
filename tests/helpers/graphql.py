"""The GraphQL queries of the frontend's screens, and what a query costs."""

from pathlib import Path

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"


def screen_query(name):
    """The query a screen of the frontend sends, as documented in docs/queries/."""
    return (QUERIES / f"{name}.graphql").read_text()


def count_queries(client, query, variables=None):
    """The database queries of the second run of ``query`` (after a warm-up that makes
    the renditions, as on a live site) and its answer."""

    def run():
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
        )
        payload = response.json()
        assert "errors" not in payload, payload
        return payload

    run()  # renditions are generated once, as on a live site
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        payload = run()
    return len(captured), payload
