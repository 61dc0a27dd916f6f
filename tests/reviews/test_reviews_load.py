"""Under load on PostgreSQL a review card is answered once: 20 threads send the same
learner's answer to the same due card at the same moment, through a real HTTP server
(each client on a keep-alive connection whose server thread keeps its database
connection). One answer is taken and logged; the 19 others are refused with NOT_DUE, as
the first moved the card on, and announced nothing."""

import datetime
import threading

from django.utils import timezone

from borg_learning.reviews.models import ReviewCard, ReviewLog, ReviewSource
from borg_learning.reviews.signals import review_answered
from tests import factories
from tests.helpers.learners import ANSWER
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    run_threads,
)
from tests.helpers.reviews import ANSWER_REVIEW, exercise_page, single_choice

pytestmark = POSTGRES_ONLY

THREADS = 20


def test_20_threads_answering_the_same_due_card_are_taken_once(live_server):
    environment = factories.learning_environment()
    module = exercise_page(
        factories.section(environment, title="Modules"), exercises=[single_choice()]
    )
    ((_kind, block),) = factories.blocks_of(module)
    client = KeepAliveClient(live_server.url)
    first = client.graphql(
        ANSWER, {"input": {"page": str(module.pk), "block": block, "answer": ["luisteren"]}}
    )["answerExercise"]
    client.close()
    assert first["ok"] is True, first
    token = first["learnerToken"]
    card = ReviewCard.objects.get(page=module, block_id=block)
    # Due since yesterday, as if a day had passed.
    ReviewCard.objects.filter(pk=card.pk).update(due=timezone.now() - datetime.timedelta(days=1))

    payloads, lock = [], threading.Lock()

    def answer(number):
        client = KeepAliveClient(live_server.url)
        variables = {"input": {"card": str(card.pk), "answer": ["luisteren"]}}
        payload = client.graphql(ANSWER_REVIEW, variables, {"X-Learner-Token": token})
        client.close()
        with lock:
            payloads.append(payload["answerReview"])

    announced = []

    def listen(sender, card_id, **kwargs):
        announced.append(card_id)  # list.append is atomic

    review_answered.connect(listen)
    try:
        seconds = run_threads(THREADS, answer)
    finally:
        review_answered.disconnect(listen)
    print(f"\n{THREADS} answers to one card at once in {seconds:.2f} s")

    taken = [payload for payload in payloads if payload["ok"]]
    refused = [payload for payload in payloads if not payload["ok"]]
    assert len(taken) == 1 and len(refused) == THREADS - 1
    assert taken[0]["result"]["correct"] is True
    assert {tuple(error["code"] for error in payload["errors"]) for payload in refused} == {
        ("NOT_DUE",)
    }
    assert all(payload["result"] is None and payload["nextDue"] is None for payload in refused)
    reviews = ReviewLog.objects.filter(card=card, source=ReviewSource.REVIEW)
    assert reviews.count() == 1
    assert ReviewLog.objects.filter(card=card).count() == 2  # the first answer and this one
    card.refresh_from_db()
    assert taken[0]["nextDue"] == card.due.isoformat() and card.due > timezone.now()
    assert announced == [card.pk]
