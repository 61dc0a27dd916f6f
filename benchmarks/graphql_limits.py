"""How long /graphql/ takes to refuse short queries that would be expensive to answer.

    .venv/bin/python benchmarks/graphql_limits.py [repeats]

Sends each query of tests/helpers/graphql.py that the cost or alias limit refuses
(fan-out through themes and through parts, 200 aliased searches) ``repeats`` times
(default 50) through the whole Django stack, checks that it is refused without an SQL
query, and prints the fastest, median and slowest refusal. For comparison, the same
with graphene-django's GraphQLView and ``validation_rules()``, which runs the limits
together with graphql-core's own rules. On a throwaway test database (SQLite in memory
unless DATABASE_URL says otherwise); the tests check what is refused, this only times it.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)


def timed(send, repeats):
    """Milliseconds per refusal, and the last answer's error messages."""
    send()  # warm-up: imports, schema
    times = []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as sql:
            started = time.perf_counter()
            response = send()
            times.append((time.perf_counter() - started) * 1000)
        if sql.captured_queries:
            sys.exit(f"Not refused before SQL: {sql.captured_queries}")
    answer = json.loads(response.content)
    if "data" in answer:
        sys.exit(f"Not refused: {answer}")
    return times, [error["message"] for error in answer["errors"]]


def main(repeats=50):
    from graphene_django.views import GraphQLView

    from borg_learning.api.graphql import schema
    from borg_learning.api.graphql.limits import validation_rules
    from tests.helpers.graphql import ALIASED_SEARCHES, PARTS_FAN_OUT, THEMES_FAN_OUT

    client = Client()
    factory = RequestFactory()
    graphene_view = GraphQLView.as_view(schema=schema, validation_rules=validation_rules())
    queries = {
        "fan-out through themes": THEMES_FAN_OUT,
        "fan-out through parts": PARTS_FAN_OUT,
        "200 aliased searches": ALIASED_SEARCHES,
    }
    views = {
        "/graphql/": lambda body: client.post("/graphql/", body, content_type="application/json"),
        "graphene-django GraphQLView": lambda body: graphene_view(
            factory.post("/graphql/", body, content_type="application/json")
        ),
    }
    for label, query in queries.items():
        body = json.dumps({"query": query})
        print(f"{label} ({len(query)} characters)")
        for view_name, send in views.items():
            times, messages = timed(lambda send=send, body=body: send(body), repeats)
            print(
                f"  {view_name:28} refused in {min(times):5.1f} ms fastest, "
                f"{statistics.median(times):5.1f} ms median, {max(times):5.1f} ms slowest"
            )
        for message in messages:
            print(f"  {message}")


if __name__ == "__main__":
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        main(*[int(arg) for arg in sys.argv[1:2]])
    finally:
        teardown_databases(databases, verbosity=0)
