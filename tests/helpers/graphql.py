"""The GraphQL queries of the frontend's screens, how a test sends one, and what a query
costs."""

import json
from pathlib import Path

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERIES = Path(__file__).resolve().parents[2] / "docs" / "queries"
JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"


def screen_query(name):
    """The query a screen of the frontend sends, as documented in docs/queries/."""
    return (QUERIES / f"{name}.graphql").read_text()


def post_query(client, query, variables=None, accept=JSON, url="/graphql/", **body):
    """POST ``query`` as JSON, as a frontend does, accepting ``accept``; ``body`` adds to
    the request body. The response, which must be no server error."""
    response = client.post(
        url,
        json.dumps({"query": query, "variables": variables, **body}),
        content_type=JSON,
        HTTP_ACCEPT=accept,
    )
    assert response.status_code < 500
    return response


def error_messages(response):
    """The messages of a GraphQL response's errors."""
    return [error["message"] for error in response.json().get("errors", [])]


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


def fan_out(operation, fragment_type, step, last, aliases=4, levels=4):
    """A short query whose answer fans out: fragments F0, F1... (``levels`` of them), each
    with ``aliases`` aliases of ``step`` (fields with ``{inner}`` in them) spreading the
    next fragment, so the last one, selecting ``last``, is reached aliases**levels times."""
    fragments = []
    for level in range(levels):
        inner = last if level == levels - 1 else f"...F{level + 1}"
        fields = " ".join(f"a{alias}: {step.format(inner=inner)}" for alias in range(aliases))
        fragments.append(f"fragment F{level} on {fragment_type} {{ {fields} }}")
    return " ".join([operation, *fragments])


# k**4 fan-out through the theme map: themes, modules, their themes, their modules...
THEMES_FAN_OUT = fan_out(
    "query ThemesFanOut { themes { ...F0 } }",
    "LearningTheme",
    "modules {{ id themes {{ {inner} }} }}",
    "slug",
)
# ...and through a specialist module's parts and each part's module.
PARTS_FAN_OUT = fan_out(
    'query PartsFanOut { page(id: "1") { ...F0 } }',
    "LearningSpecialistModulePage",
    "parts {{ id module {{ {inner} }} }}",
    "id",
)
# Each alias of a root field runs it again: 200 full-text searches.
ALIASED_SEARCHES = (
    "query AliasedSearches { "
    + " ".join(f's{number}: search(query: "x") {{ totalCount }}' for number in range(200))
    + " }"
)
