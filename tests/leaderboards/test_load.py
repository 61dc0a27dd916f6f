"""Under load on PostgreSQL a learner joins once, and learners joining at once never share
a pseudonym.

Twenty threads send ``joinLeaderboard`` for the same learner at once: one membership, the
other nineteen answered ALREADY_JOINED. Then twenty learners join at once while the draw
offers the same two pseudonyms to each: every one is stored under its own.
"""

from collections import Counter

from borg_learning.leaderboards import pseudonyms
from borg_learning.leaderboards.models import LeaderboardMembership
from tests import factories
from tests.helpers.leaderboards import JOIN
from tests.helpers.load import (
    POSTGRES_ONLY,
    KeepAliveClient,
    persistent_database_connections,  # noqa: F401 (autouse)
    run_threads,
)

pytestmark = POSTGRES_ONLY

THREADS = 20


def join(live_server, token):
    client = KeepAliveClient(live_server.url)
    try:
        answer = client.graphql(JOIN, {"input": {}}, {"X-Learner-Token": token})
    finally:
        client.close()
    return answer["joinLeaderboard"]


def test_20_threads_joining_for_the_same_learner_make_one_membership(live_server):
    _learner, token = factories.learner()
    answers = []
    run_threads(THREADS, lambda number: answers.append(join(live_server, token)))
    outcomes = Counter("ok" if answer["ok"] else answer["errors"][0]["code"] for answer in answers)
    assert outcomes == {"ok": 1, "ALREADY_JOINED": THREADS - 1}
    assert LeaderboardMembership.objects.count() == 1


def test_20_learners_joining_at_once_each_get_their_own_pseudonym(live_server, monkeypatch):
    monkeypatch.setattr(pseudonyms, "candidates", lambda count: ["Rustige Reiger", "Kalme Otter"])
    tokens = [factories.learner()[1] for _ in range(THREADS)]
    answers = []
    run_threads(THREADS, lambda number: answers.append(join(live_server, tokens[number])))
    assert all(answer["ok"] for answer in answers), answers
    stored = list(LeaderboardMembership.objects.values_list("pseudonym", flat=True))
    assert len(stored) == len(set(stored)) == THREADS
    assert {"Rustige Reiger", "Kalme Otter"} <= set(stored)
    assert all(pseudonyms.is_listed(name) for name in stored)
