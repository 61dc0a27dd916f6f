"""Under load on PostgreSQL nothing is lost and nothing is counted twice.

Twenty threads send 10,000 visits of 10,000 different clients (sendBeacon bodies and
GraphQL mutations, all to the same few pages, so they fight over the same rows); each
tenth visit is sent a second time by another thread at the same moment, and must count
once, as must bot and preview requests not at all. Then twenty threads send 500
evaluations, each one twice at the same time from two threads. Everything goes through a real HTTP server. As in production
(``CONN_MAX_AGE`` or a pool behind a keep-alive proxy), each client keeps its HTTP
connection and the server thread serving it keeps its database connection. Run with
``-s`` to see the throughput; there is no timing assert.
"""

import http.client
import json
import threading
import time
import uuid
from collections import Counter
from urllib.parse import urlsplit

import pytest
from django.db import connection, connections

from borg_learning import models
from borg_learning.models.visits import PageVisitDay
from tests import factories
from tests.helpers.evaluation import SUBMIT, good_answers, submission_input

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: scripts/with-postgres .venv/bin/pytest",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THREADS = 20
VISITS_PER_THREAD = 500  # 10,000 in all
NOT_COUNTED_PER_THREAD = 25
SUBMISSIONS = 500
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


class HTTPClient:
    """One client: a keep-alive HTTP connection to the live server."""

    def __init__(self, base_url):
        url = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)

    def post(self, path, body, content_type, user_agent=BROWSER, address="127.0.0.1"):
        self.connection.request(
            "POST",
            path,
            body=body.encode(),
            headers={
                "Content-Type": content_type,
                "User-Agent": user_agent,
                "X-Forwarded-For": address,  # the client, as a proxy would name it
            },
        )
        response = self.connection.getresponse()
        return response.status, response.read()

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
    """Server threads keep their database connection while their client stays connected
    (Django closes it when the HTTP connection ends)."""
    database = connections.settings["default"]
    before = database.get("CONN_MAX_AGE", 0)
    database["CONN_MAX_AGE"] = 60
    yield
    database["CONN_MAX_AGE"] = before


@pytest.fixture
def pages():
    environment = factories.learning_environment()
    section = environment.add_child(instance=models.SectionPage(title="Modules"))
    questionnaire = factories.questionnaire()
    module = factories.basic_module(section, "Grenzen stellen", questionnaire=questionnaire)
    sgg = factories.specialist_module(section, "SGG", parts=2, blocks_per_part=1)
    return [environment, section, module, sgg, *sgg.get_children()]


def client_address(thread, index):
    """A different client address for each visit of each thread."""
    return f"10.{thread}.{index // 256}.{index % 256}"


def test_10000_visits_from_20_threads_are_each_counted_once(live_server, pages, settings):
    settings.BORG_LEARNING = {"CLIENT_ADDRESS_HEADER": "X-Forwarded-For"}
    mutation = "mutation ($page: ID!) { recordVisit(page: $page) { counted } }"
    answers = Counter()
    lock = threading.Lock()

    def send(client, thread, index):
        """Visit ``index`` of ``thread``: one client's visit to one page."""
        page = pages[(thread + index) % len(pages)].pk
        address = client_address(thread, index)
        if index % 5 == 0:
            status, body = client.post(
                "/graphql/",
                json.dumps({"query": mutation, "variables": {"page": str(page)}}),
                "application/json",
                address=address,
            )
            assert status == 200 and "errors" not in json.loads(body), body
        else:
            status, body = client.post(
                "/api/visits/",
                json.dumps({"page": page}),
                "text/plain;charset=UTF-8",
                address=address,
            )
            assert status == 204, body
        return page

    def work(number):
        client, seen = HTTPClient(live_server.url), Counter()
        twin = (number + THREADS // 2) % THREADS
        for index in range(VISITS_PER_THREAD):
            seen[send(client, number, index)] += 1
            if index % 10 == 0:  # the twin thread sends this very visit now too
                send(client, twin, index)
        for index in range(NOT_COUNTED_PER_THREAD):  # bots and previews
            page = pages[index % len(pages)].pk
            if index % 2:
                status, _ = client.post(
                    "/api/visits/",
                    json.dumps({"page": page}),
                    "text/plain",
                    user_agent="Googlebot/2.1",
                    address=client_address(number, index),
                )
            else:
                status, _ = client.post(
                    "/api/visits/",
                    json.dumps({"page": page, "preview": True}),
                    "application/json",
                    address=client_address(number, index),
                )
            assert status == 204
        client.close()
        with lock:
            answers.update(seen)

    seconds = run_threads(work)
    requests = THREADS * (VISITS_PER_THREAD * 11 // 10 + NOT_COUNTED_PER_THREAD)
    print(
        f"\n{requests} visit requests from {THREADS} threads in {seconds:.1f} s: "
        f"{requests / seconds:.0f} requests/s"
    )

    stored = dict(PageVisitDay.objects.values_list("page_id", "count"))
    assert sum(stored.values()) == THREADS * VISITS_PER_THREAD == 10_000
    assert stored == dict(answers)
    assert PageVisitDay.objects.count() == len(pages)  # one row per page and day


def test_500_submissions_from_20_threads_each_sent_twice_are_stored_once(
    live_server, pages, settings
):
    settings.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": None}
    module = pages[2]
    answers = good_answers(module.questionnaire)
    ids = [uuid.uuid4() for _ in range(SUBMISSIONS)]
    chunk = SUBMISSIONS // (THREADS // 2)
    codes = {}
    lock = threading.Lock()

    def work(number):
        # Thread n and thread n + 10 send the same chunk of ids, in the same order.
        mine = ids[(number % (THREADS // 2)) * chunk :][:chunk]
        client = HTTPClient(live_server.url)
        for submission_id in mine:
            body = json.dumps(
                {
                    "query": SUBMIT,
                    "variables": {
                        "input": submission_input(module, answers, submission_id=submission_id)
                    },
                }
            )
            status, answer = client.post("/graphql/", body, "application/json")
            assert status == 200, answer
            result = json.loads(answer)["data"]["submitEvaluation"]
            assert result["ok"] is True and result["errors"] == [], result
            with lock:
                codes.setdefault(submission_id, set()).add(result["followUpCode"])
        client.close()

    seconds = run_threads(work)
    print(
        f"\n{2 * SUBMISSIONS} submissions ({SUBMISSIONS} different) from {THREADS} threads "
        f"in {seconds:.1f} s: {2 * SUBMISSIONS / seconds:.0f} submissions/s"
    )

    assert models.Response.objects.count() == SUBMISSIONS
    assert models.Answer.objects.count() == SUBMISSIONS * len(answers)
    assert set(models.Response.objects.values_list("submission_id", flat=True)) == set(ids)
    # Both senders of a submission were told the same follow-up code, the stored one.
    stored = dict(models.Response.objects.values_list("submission_id", "follow_up_code"))
    assert all(codes[submission_id] == {str(stored[submission_id])} for submission_id in ids)
