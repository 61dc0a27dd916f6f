"""How fast /graphql/ answers the frontend's real documents, and what each saving is worth.

    .venv/bin/python benchmarks/api.py [requests per round] [rounds]

Builds the content shapes of the performance issue on a throwaway test database (SQLite
in memory unless DATABASE_URL says otherwise): a module page of 3 blocks, one of 60
blocks (text, images, documents, links, exercises, media) and a list of 100 modules with
their image. For each shape it sends the frontend's own document (docs/queries/) through
the whole Django stack, interleaved, ``rounds`` times ``requests`` (defaults 3 x 200):

* ``POST``: the text, as most clients send it (the document cache warm);
* ``POST, no document cache``: the same with the cache emptied before each request, as
  every request was before the cache: the difference is what parsing and validating cost;
* ``GET persisted``: by its SHA-256 over GET, as the demo frontend sends it;
* ``bytes limit``: the same answer's bytes from a view that does nothing else: the floor
  for any cache in front of the API.

It prints the SQL queries, the answer's size, and the median and 95th percentile in
milliseconds, with the ratio to the cached-bytes floor. Absolute times depend on the
machine; compare ratios and runs on one machine. DEBUG is off.
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
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)
from django.urls import include, path  # noqa: E402

QUERIES = ROOT / "docs" / "queries"
ANSWERS = {}


def cached_bytes(request, case):
    return HttpResponse(ANSWERS[case], content_type="application/json")


urlpatterns = [
    path("bench/bytes/<str:case>/", cached_bytes),
    path("", include("tests.urls")),
]


def build():
    """The shapes: {case: (document name, variables)}."""
    from modelsearch import signal_handlers

    from borg_learning import models
    from tests import factories

    class Unindexed:  # building pages without indexing them for search is 4x faster
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    signal_handlers.insert_or_update_object_task = Unindexed
    environment = factories.learning_environment()
    section = environment.add_child(instance=models.SectionPage(title="Modules"))
    small = factories.basic_module(
        section, "Klein", body=factories.body_blocks(3, section, ("text", "image", "video"))
    )
    large = factories.basic_module(section, "Groot", body=factories.body_blocks(60, section))
    listed = environment.add_child(instance=models.SectionPage(title="Lijst"))
    for number in range(100):
        factories.basic_module(
            listed, f"Module {number}", image=factories.image(title=f"Tegel {number}")
        )
    return {
        "3 blocks": ("page", {"id": small.pk}),
        "60 blocks": ("page", {"id": large.pk}),
        "list of 100": ("modules", {"limit": 100}),
    }


def senders(client, name, variables):
    """{mode: a function that sends the request and returns the response}."""
    from borg_learning.api.graphql import documents
    from borg_learning.api.graphql.documents import sha256

    text = (QUERIES / f"{name}.graphql").read_text()
    body = json.dumps({"query": text, "variables": variables})
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha256(text)}})
    params = {"variables": json.dumps(variables), "extensions": extensions}

    def post():
        return client.post("/graphql/", body, content_type="application/json")

    def post_uncached():
        documents.cache.clear()
        return post()

    return {
        "POST": post,
        "POST, no document cache": post_uncached,
        "GET persisted": lambda: client.get("/graphql/", params),
    }


def measure(cases, requests, rounds):
    client = Client()
    plans = {}
    for case, (name, variables) in cases.items():
        modes = senders(client, name, variables)
        answer = modes["POST"]()
        payload = json.loads(answer.content)
        if payload.get("errors") or answer.status_code != 200:
            sys.exit(f"{case}: {payload}")
        ANSWERS[case] = answer.content
        modes["bytes limit"] = lambda case=case: client.get(f"/bench/bytes/{case}/")
        for mode, send in modes.items():
            with CaptureQueriesContext(connection) as sql:
                response = send()
            if response.status_code != 200:
                sys.exit(f"{case}, {mode}: {response.status_code} {response.content[:200]}")
            plans[(case, mode)] = {"send": send, "sql": len(sql), "bytes": len(response.content)}
    times = {key: [] for key in plans}
    for _ in range(rounds):
        for key, plan in plans.items():  # interleaved: every case and mode each round
            send = plan["send"]
            for _ in range(requests):
                started = time.perf_counter()
                send()
                times[key].append((time.perf_counter() - started) * 1000)
    return plans, times


def report(plans, times):
    print(
        f"{'case':13} {'mode':24} {'SQL':>4} {'bytes':>8} {'median':>9} {'p95':>9} {'x floor':>8}"
    )
    for (case, mode), plan in plans.items():
        median = statistics.median(times[(case, mode)])
        p95 = statistics.quantiles(times[(case, mode)], n=20)[-1]
        floor = statistics.median(times[(case, "bytes limit")])
        print(
            f"{case:13} {mode:24} {plan['sql']:>4} {plan['bytes']:>8} "
            f"{median:>7.2f}ms {p95:>7.2f}ms {median / floor:>7.1f}x"
        )


def main(requests=200, rounds=3):
    cases = build()
    settings = {
        "ROOT_URLCONF": __name__,
        "DEBUG": False,
        "BORG_LEARNING": {"GRAPHQL_PERSISTED_QUERY_DIRS": [str(QUERIES)]},
    }
    with override_settings(**settings):
        plans, times = measure(cases, requests, rounds)
    print(f"{rounds} rounds x {requests} requests per case and mode, {connection.vendor}")
    report(plans, times)


if __name__ == "__main__":
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        main(*[int(arg) for arg in sys.argv[1:3]])
    finally:
        teardown_databases(databases, verbosity=0)
