"""Under load on PostgreSQL every completion is stored once and announced once.

Fifty learners work through the same two modules (a specialist module of three parts and
a basic module, four blocks each) at the same time, from twenty threads: every event of
every learner is sent by two threads at once, so the requests of one learner race each
other for the same block, page and module. Every block's progress is stored once, every
part and module completed once, and each domain event sent exactly once. Everything goes
through a real HTTP server, each client on a keep-alive connection whose server thread
keeps its database connection, as in production. Run with ``-s`` to see the throughput.
"""

import http.client
import json
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.db import connection, connections

from borg_learning.learners.models import BlockProgress, Completion, Learner
from tests import factories
from tests.helpers.learners import RECORD
from tests.helpers.signals import signals_sent

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: scripts/with-postgres .venv/bin/pytest",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 20
LEARNERS = 50
KINDS = ("text", "exercise", "link", "download")


class HTTPClient:
    """One browser: a keep-alive HTTP connection to the live server."""

    def __init__(self, base_url):
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def record(self, fields, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["X-Learner-Token"] = token
        body = json.dumps({"query": RECORD, "variables": {"input": fields}})
        self.connection.request("POST", "/graphql/", body=body.encode(), headers=headers)
        response = self.connection.getresponse()
        answer = json.loads(response.read())
        assert response.status == 200 and "errors" not in answer, answer
        payload = answer["data"]["recordProgress"]
        assert payload["ok"] is True, payload
        return payload

    def close(self):
        self.connection.close()


def run_threads(work):
    """Run ``work(thread number)`` in THREADS threads at once; re-raise their failures."""
    failures, start = [], threading.Barrier(THREADS)

    def target(number):
        try:
            start.wait()
            work(number)
        except BaseException as error:  # reported in the test thread
            failures.append(error)

    threads = [threading.Thread(target=target, args=(n,)) for n in range(THREADS)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]
    return time.perf_counter() - began


@pytest.fixture(autouse=True)
def persistent_database_connections():
    database = connections.settings["default"]
    before = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 60
    yield
    database["CONN_MAX_AGE"] = before


@pytest.fixture
def received():
    """The domain events the server threads send, as (name, keyword arguments)."""
    with signals_sent("exercise_answered", "part_completed", "module_completed") as sent:
        yield sent


def events(page):
    """The events that complete every block of ``page``."""
    found = []
    for kind, block in factories.blocks_of(page):
        fields = {"page": str(page.pk), "block": block}
        if kind == "text":
            fields["event"] = "SEEN"
        elif kind == "exercise":
            fields["event"] = "ANSWERED"
            fields["answer"] = [factories.option_ids(page, block)[0]]
        else:
            fields["event"] = "OPENED"
        found.append(fields)
    return found


def test_50_learners_from_20_threads_complete_each_part_and_module_once(
    live_server, settings, received
):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": None}
    environment = factories.learning_environment()
    section = factories.section(environment, title="Modules")
    specialist = factories.specialist_module(
        section, "SGG", parts=3, blocks_per_part=len(KINDS), kinds=KINDS
    )
    basic = factories.basic_module(
        section, "Grenzen stellen", body=factories.body_blocks(len(KINDS), section, KINDS)
    )
    parts = list(specialist.get_children().specific().order_by("path"))
    work_items = [fields for page in [*parts, basic] for fields in events(page)]

    tokens, lock = {}, threading.Lock()

    def start_learners(number):
        client = HTTPClient(live_server.url)
        for index in range(number, LEARNERS, THREADS):
            payload = client.record({"page": str(basic.pk), "event": "SEEN"})
            with lock:
                tokens[index] = payload["learnerToken"]
        client.close()

    run_threads(start_learners)
    assert Learner.objects.count() == LEARNERS

    completed = Counter()

    def work(number):
        # Thread n and thread n + 10 send the same events, in the same order, at once.
        client, mine = HTTPClient(live_server.url), Counter()
        for learner in range(LEARNERS):
            for index, fields in enumerate(work_items):
                if (learner + index) % (THREADS // 2) == number % (THREADS // 2):
                    payload = client.record(fields, tokens[learner])
                    mine.update((learner, page) for page in payload["newlyCompleted"])
        client.close()
        with lock:
            completed.update(mine)

    seconds = run_threads(work)
    requests = 2 * LEARNERS * len(work_items)
    print(
        f"\n{requests} progress events ({requests // 2} different) of {LEARNERS} learners "
        f"from {THREADS} threads in {seconds:.1f} s: {requests / seconds:.0f} requests/s"
    )

    blocks = LEARNERS * (len(work_items) + 1)  # and each learner's first page view
    assert BlockProgress.objects.count() == blocks
    assert BlockProgress.objects.filter(completed_at__isnull=False).count() == blocks
    pages = [*parts, specialist, basic]
    assert Completion.objects.count() == LEARNERS * len(pages)
    # Each completion was reported once, to one of the two racing requests.
    assert set(completed.values()) == {1} and len(completed) == LEARNERS * len(pages)

    counts = Counter(name for name, _kwargs in received)
    assert counts == {
        "exercise_answered": LEARNERS * (len(parts) + 1),
        "part_completed": LEARNERS * len(parts),
        "module_completed": LEARNERS * 2,
    }
    subjects = {
        (
            name,
            kwargs["learner"].pk,
            kwargs.get("block_id") or kwargs.get("page_id") or kwargs["module_id"],
        )
        for name, kwargs in received
    }
    assert len(subjects) == len(received)  # each for its own learner and subject
