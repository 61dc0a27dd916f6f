"""Under load on PostgreSQL every badge is awarded exactly once.

Twenty threads complete the same two modules for the same learners at once (thread n and
thread n + 10 send the same events in the same order), over a real HTTP server whose
threads keep their database connections, as in production; and twenty threads announce
the same learner's seven-day streak at the same moment. Every learner earns each badge
once, and ``badge_awarded`` is sent once per award. Run with ``-s`` to see the throughput.
"""

import threading
from collections import Counter

import pytest
from django.db import connection

from borg_learning import signals
from borg_learning.badges.models import BadgeAward
from borg_learning.badges.signals import badge_awarded
from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.badges import badge, module
from tests.helpers.learners import RECORD
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    run_threads,
)

pytestmark = POSTGRES_ONLY

THREADS = 20
LEARNERS = 10


@pytest.fixture
def awarded():
    """The badge_awarded events the threads send, as (learner id, badge id)."""
    heard = []

    def listen(sender, learner, badge_id, **kwargs):
        heard.append((learner.pk, badge_id))  # list.append is atomic

    badge_awarded.connect(listen)
    yield heard
    badge_awarded.disconnect(listen)


def test_20_threads_completing_the_same_modules_award_each_badge_once(
    live_server, settings, awarded
):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": None}
    section = factories.section(factories.learning_environment(), title="Modules")
    theme = factories.ThemeFactory(name="SGG")
    first = module(section, "SGG 1", themes=[theme])
    second = module(section, "SGG 2", themes=[theme])
    badges = [
        badge("Eén module", count=1),
        badge("Twee modules", count=2),
        badge("Alle modules van SGG", "theme", theme=theme),
    ]
    events = [
        {"page": str(page.pk), "block": block, "event": "SEEN"}
        for page in (first, second)
        for _kind, block in factories.blocks_of(page)
    ]
    tokens, lock = {}, threading.Lock()

    def start_learners(number):
        client = KeepAliveClient(live_server.url)
        for index in range(number, LEARNERS, THREADS):
            payload = client.graphql(RECORD, {"input": {"page": str(first.pk), "event": "SEEN"}})
            with lock:
                tokens[index] = payload["recordProgress"]["learnerToken"]
        client.close()

    run_threads(THREADS, start_learners)
    assert Learner.objects.count() == LEARNERS

    def work(number):
        client = KeepAliveClient(live_server.url)
        for learner in range(LEARNERS):
            for fields in events:
                if learner % (THREADS // 2) == number % (THREADS // 2):
                    headers = {"X-Learner-Token": tokens[learner]}
                    payload = client.graphql(RECORD, {"input": fields}, headers)
                    assert payload["recordProgress"]["ok"] is True, payload
        client.close()

    seconds = run_threads(THREADS, work)
    print(f"\n{2 * LEARNERS * len(events)} progress events in {seconds:.1f} s")

    assert BadgeAward.objects.count() == LEARNERS * len(badges)
    pairs = Counter(BadgeAward.objects.values_list("learner_id", "badge_id"))
    assert set(pairs.values()) == {1}
    assert Counter(awarded) == pairs


def test_20_threads_announcing_the_same_streak_award_the_badge_once(awarded):
    streak = badge("7 dagen op rij", "streak", count=7)
    learner, _token = factories.learner()

    def announce(number):
        try:
            signals.streak_extended.send(sender=None, learner=learner, days=7 + number % 2)
        finally:
            connection.close()  # this thread's own connection

    run_threads(THREADS, announce)
    assert list(BadgeAward.objects.values_list("learner_id", "badge_id")) == [
        (learner.pk, streak.pk)
    ]
    assert awarded == [(learner.pk, streak.pk)]
