"""Under load on PostgreSQL nothing is lost and nothing is counted twice.

Twenty threads send 2,000 visits of 2,000 different clients (sendBeacon bodies and
GraphQL mutations, all to the same six pages, so they fight over the same rows); each
tenth visit is sent a second time by another thread at the same moment, and must count
once, as must bot and preview requests not at all. Then twenty threads send 200
evaluations, each one twice at the same time from two threads. Everything goes through a
real HTTP server (``tests.helpers.load``). Run with ``-s`` to see the throughput; there is
no timing assert.
"""

import json
import threading
import uuid
from collections import Counter

import pytest

from borg_learning import models
from borg_learning.models.visits import PageVisitDay
from tests import factories
from tests.helpers.evaluation import SUBMIT, good_answers, submission_input
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    run_threads,
)

pytestmark = POSTGRES_ONLY

THREADS = 20
VISITS_PER_THREAD = 100  # 2,000 in all
NOT_COUNTED_PER_THREAD = 10
SUBMISSIONS = 200
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


def post(client, path, body, content_type, user_agent=BROWSER, address="127.0.0.1"):
    """A request of the client at ``address``, as a proxy in front would name it."""
    headers = {"Content-Type": content_type, "User-Agent": user_agent, "X-Forwarded-For": address}
    return client.post(path, body, headers)


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


def test_2000_visits_from_20_threads_are_each_counted_once(live_server, pages, settings):
    settings.BORG_LEARNING = {"CLIENT_ADDRESS_HEADER": "X-Forwarded-For"}
    mutation = "mutation ($page: ID!) { recordVisit(page: $page) { counted } }"
    answers = Counter()
    lock = threading.Lock()

    def send(client, thread, index):
        """Visit ``index`` of ``thread``: one client's visit to one page."""
        page = pages[(thread + index) % len(pages)].pk
        address = client_address(thread, index)
        if index % 5 == 0:
            status, body = post(
                client,
                "/graphql/",
                json.dumps({"query": mutation, "variables": {"page": str(page)}}),
                "application/json",
                address=address,
            )
            assert status == 200 and "errors" not in json.loads(body), body
        else:
            status, body = post(
                client,
                "/api/visits/",
                json.dumps({"page": page}),
                "text/plain;charset=UTF-8",
                address=address,
            )
            assert status == 204, body
        return page

    def work(number):
        client, seen = KeepAliveClient(live_server.url), Counter()
        twin = (number + THREADS // 2) % THREADS
        for index in range(VISITS_PER_THREAD):
            seen[send(client, number, index)] += 1
            if index % 10 == 0:  # the twin thread sends this very visit now too
                send(client, twin, index)
        for index in range(NOT_COUNTED_PER_THREAD):  # bots and previews
            page = pages[index % len(pages)].pk
            if index % 2:
                status, _ = post(
                    client,
                    "/api/visits/",
                    json.dumps({"page": page}),
                    "text/plain",
                    user_agent="Googlebot/2.1",
                    address=client_address(number, index),
                )
            else:
                status, _ = post(
                    client,
                    "/api/visits/",
                    json.dumps({"page": page, "preview": True}),
                    "application/json",
                    address=client_address(number, index),
                )
            assert status == 204
        client.close()
        with lock:
            answers.update(seen)

    seconds = run_threads(THREADS, work)
    requests = THREADS * (VISITS_PER_THREAD * 11 // 10 + NOT_COUNTED_PER_THREAD)
    print(
        f"\n{requests} visit requests from {THREADS} threads in {seconds:.1f} s: "
        f"{requests / seconds:.0f} requests/s"
    )

    stored = dict(PageVisitDay.objects.values_list("page_id", "count"))
    assert sum(stored.values()) == THREADS * VISITS_PER_THREAD == 2_000
    assert stored == dict(answers)
    assert PageVisitDay.objects.count() == len(pages)  # one row per page and day


def test_200_submissions_from_20_threads_each_sent_twice_are_stored_once(
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
        client = KeepAliveClient(live_server.url)
        for submission_id in mine:
            fields = submission_input(module, answers, submission_id=submission_id)
            result = client.graphql(SUBMIT, {"input": fields})["submitEvaluation"]
            assert result["ok"] is True and result["errors"] == [], result
            with lock:
                codes.setdefault(submission_id, set()).add(result["followUpCode"])
        client.close()

    seconds = run_threads(THREADS, work)
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
