"""Under load on PostgreSQL a challenge is completed once per learner, and announced once.

Ten learners complete the same two microlessons from twenty threads at once: ten threads
send the events of the first lesson, ten those of the second, for every learner, so the
two completions that reach "2 microlessons" (and the first one, which reaches "1 learning
day") are announced in different server threads at the same moment, each checking the
challenges. Every learner's challenges are stored once and ``challenge_completed`` is
sent once for each. Everything goes through a real HTTP server, each client on a
keep-alive connection whose server thread keeps its database connection.
"""

import threading
from collections import Counter

import pytest

from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.challenges.signals import challenge_completed
from borg_learning.learners.models import Completion, Learner
from tests import factories
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    record,
    run_threads,
)

pytestmark = POSTGRES_ONLY

THREADS = 20
LEARNERS = 10


@pytest.fixture
def announced():
    sent = []

    def receiver(sender, learner, challenge_id, **kwargs):
        sent.append((learner.pk, challenge_id))  # list.append is atomic

    challenge_completed.connect(receiver)
    yield sent
    challenge_completed.disconnect(receiver)


def test_20_threads_complete_each_learners_challenges_once(
    live_server, settings, announced, this_month
):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": None}
    environment = factories.learning_environment()
    section = factories.section(environment, title="Microlearning", slug="microlearning")
    theme = factories.ThemeFactory(name="Agressie", slug="agressie")
    lessons = [factories.microlesson(section, f"Microles {n}", theme=theme) for n in range(2)]
    first, last = this_month
    challenges = [
        Challenge.objects.create(
            title="Twee microlessen", goal="microlessons", target=2, starts_on=first, ends_on=last
        ),
        Challenge.objects.create(
            title="Een leerdag", goal="learning_days", target=1, starts_on=first, ends_on=last
        ),
    ]
    events = [
        {"page": str(lesson.pk), "block": block, "event": "SEEN"}
        for lesson in lessons
        for _kind, block in factories.blocks_of(lesson)
    ]
    assert len(events) == 2  # a text block each

    tokens, lock = {}, threading.Lock()

    def start_learners(number):
        client = KeepAliveClient(live_server.url)
        for index in range(number, LEARNERS, THREADS):
            payload = record(client, {"page": str(lessons[0].pk), "event": "SEEN"})
            with lock:
                tokens[index] = payload["learnerToken"]
        client.close()

    run_threads(THREADS, start_learners)
    assert Learner.objects.count() == LEARNERS

    def work(number):
        # Even threads complete the first lesson of every learner, odd ones the second.
        client = KeepAliveClient(live_server.url)
        for learner in range(LEARNERS):
            record(client, events[number % 2], tokens[learner])
        client.close()

    seconds = run_threads(THREADS, work)
    print(f"\n{THREADS * LEARNERS} progress events from {THREADS} threads in {seconds:.1f} s")

    assert Completion.objects.count() == LEARNERS * 2
    stored = Counter(ChallengeCompletion.objects.values_list("challenge_id", flat=True))
    assert stored == {challenge.pk: LEARNERS for challenge in challenges}
    assert len(announced) == LEARNERS * 2
    assert set(announced) == set(ChallengeCompletion.objects.values_list("learner", "challenge"))
