"""Under load on PostgreSQL every award is paid once and every learning day counted once.

Twenty threads send the same progress events of the same learners at once (each event of
each learner 20 times together), through a real HTTP server with keep-alive connections:
each part and module pays once, each learner gets one learning day and one
``streak_extended``, and the ledger's total is the sum of its awards. Then 20 threads
announce the same recalled review at once: it pays once.
"""

import threading
from collections import Counter

from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from borg_learning.gamification.models import LearningDay, PointsAward
from borg_learning.learners.models import Learner
from borg_learning.reviews.signals import review_answered
from tests import factories
from tests.helpers.gamification import MY_POINTS
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
LEARNERS = 5


def events(page):
    found = []
    for kind, block in factories.blocks_of(page):
        fields = {"page": str(page.pk), "block": block, "event": "SEEN"}
        if kind == "exercise":
            fields |= {"event": "ANSWERED", "answer": [factories.option_ids(page, block)[0]]}
        found.append(fields)
    return found


def test_20_threads_completing_the_same_parts_pay_each_award_once(live_server, settings):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": None}
    section = factories.section(factories.learning_environment(), title="Modules")
    module = factories.specialist_module(
        section, "SGG", parts=2, blocks_per_part=2, kinds=("text", "exercise")
    )
    parts = list(module.get_children().specific().order_by("path"))
    work_items = [fields for page in parts for fields in events(page)]

    client = KeepAliveClient(live_server.url)
    tokens = [
        record(client, {"page": str(module.pk), "event": "SEEN"})["learnerToken"]
        for _ in range(LEARNERS)
    ]
    client.close()

    def work(number):
        client = KeepAliveClient(live_server.url)
        for token in tokens:
            for fields in work_items:
                record(client, fields, token)
        client.close()

    with signals_sent("streak_extended") as sent:
        seconds = run_threads(THREADS, work)
    print(f"\n{THREADS * LEARNERS * len(work_items)} events in {seconds:.1f} s")

    assert PointsAward.objects.count() == LEARNERS * (len(parts) + 1)
    assert Counter(PointsAward.objects.values_list("rule", flat=True)) == {
        "part": LEARNERS * len(parts),
        "module": LEARNERS,
    }
    assert LearningDay.objects.count() == LEARNERS
    assert sorted(kwargs["learner"].pk for _name, kwargs in sent) == sorted(
        Learner.objects.values_list("pk", flat=True)
    )
    assert {kwargs["days"] for _name, kwargs in sent} == {1}

    client = KeepAliveClient(live_server.url)
    totals = [
        client.graphql(MY_POINTS, {}, {"X-Learner-Token": token})["me"]["points"]["total"]
        for token in tokens
    ]
    client.close()
    assert totals == [10 + 10 + 50] * LEARNERS
    assert sum(totals) == PointsAward.objects.aggregate(total=Sum("points"))["total"]


def test_20_threads_announcing_the_same_recalled_review_pay_it_once():
    learner, _token = factories.learner()
    page = factories.section(factories.learning_environment(), title="Oefenen")
    now, lock = timezone.now(), threading.Lock()
    paid = []

    def work(number):
        try:
            review_answered.send(
                Learner,
                learner=learner,
                card_id=1,
                page_id=page.pk,
                block_id="b1",
                correct=True,
                reviewed_at=now,
            )
            with lock:
                paid.append(number)
        finally:
            connection.close()

    with signals_sent("streak_extended") as sent:
        run_threads(THREADS, work)
    assert len(paid) == THREADS
    assert list(PointsAward.objects.values_list("rule", "points")) == [("review", 2)]
    assert LearningDay.objects.count() == 1
    assert [kwargs["days"] for _name, kwargs in sent] == [1]
