"""Under load on PostgreSQL every completion is stored once and announced once.

Fifty learners work through the same two modules (a specialist module of two parts of a
text and an exercise, and a basic module of an exercise and a download) at the same time,
from twenty threads: every event of every learner is sent by two threads at once, and the
blocks of one page by other threads at the same time, so the requests of one learner race
each other for the same block, page and module. Every block's progress is stored once,
every part and module completed once, and each domain event sent exactly once. Everything
goes through a real HTTP server, each client on a keep-alive connection whose server
thread keeps its database connection, as in production. Run with ``-s`` to see the
throughput.
"""

import threading
from collections import Counter

import pytest

from borg_learning.learners.models import BlockProgress, Completion, Learner
from tests import factories
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    record,
    run_threads,
)
from tests.helpers.signals import signals_sent

pytestmark = POSTGRES_ONLY

THREADS = 20
LEARNERS = 50


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
        section, "SGG", parts=2, blocks_per_part=2, kinds=("text", "exercise")
    )
    basic = factories.basic_module(
        section, "Grenzen stellen", body=factories.body_blocks(2, section, ("exercise", "download"))
    )
    parts = list(specialist.get_children().specific().order_by("path"))
    work_items = [fields for page in [*parts, basic] for fields in events(page)]

    tokens, lock = {}, threading.Lock()

    def start_learners(number):
        client = KeepAliveClient(live_server.url)
        for index in range(number, LEARNERS, THREADS):
            payload = record(client, {"page": str(basic.pk), "event": "SEEN"})
            with lock:
                tokens[index] = payload["learnerToken"]
        client.close()

    run_threads(THREADS, start_learners)
    assert Learner.objects.count() == LEARNERS

    completed = Counter()

    def work(number):
        # Thread n and thread n + 10 send the same events, in the same order, at once.
        client, mine = KeepAliveClient(live_server.url), Counter()
        for learner in range(LEARNERS):
            for index, fields in enumerate(work_items):
                if (learner + index) % (THREADS // 2) == number % (THREADS // 2):
                    payload = record(client, fields, tokens[learner])
                    mine.update((learner, page) for page in payload["newlyCompleted"])
        client.close()
        with lock:
            completed.update(mine)

    seconds = run_threads(THREADS, work)
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
