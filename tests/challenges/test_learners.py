"""A learner's completed challenges are theirs: in their export, deleted when they ask,
and brought along when they sign in."""

import datetime
import json

import pytest

from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.challenges import completed
from tests.helpers.learners import FORGET_ME, complete_page

pytestmark = pytest.mark.django_db

EXPORT = """
mutation {
  exportMyData {
    json
    data { challengeCompletions { challenge title goal target completedAt } }
    errors { code }
  }
}
"""


@pytest.fixture
def reached(browser, challenge, lessons):
    """The browser's learner reached "Deze maand: 3 microlessen"."""
    for lesson in lessons[:3]:
        complete_page(browser, lesson)
    assert ChallengeCompletion.objects.count() == 1
    return browser


def test_the_export_holds_the_completed_challenges(reached, challenge):
    exported = reached.send(EXPORT)["exportMyData"]
    stored = ChallengeCompletion.objects.get()
    assert exported["data"]["challengeCompletions"] == [
        {
            "challenge": str(challenge.pk),
            "title": "Deze maand: 3 microlessen",
            "goal": "MICROLESSONS",
            "target": 3,
            "completedAt": stored.completed_at.isoformat(),
        }
    ]
    (row,) = json.loads(exported["json"])["challengeCompletions"]
    assert (row["challenge"], row["goal"], row["target"]) == (str(challenge.pk), "microlessons", 3)


def test_forgetting_a_learner_deletes_their_completed_challenges(reached, browsers, challenge):
    other, _token = factories.learner()
    ChallengeCompletion.objects.create(
        challenge=challenge, learner=other, completed_at=datetime.datetime.now(datetime.UTC)
    )
    assert reached.send(FORGET_ME)["forgetMe"]["ok"] is True
    assert list(ChallengeCompletion.objects.values_list("learner", flat=True)) == [other.pk]
    assert Challenge.objects.get() == challenge  # the challenge itself stays


def test_signing_in_brings_a_completed_challenge_along(client, reached, challenge):
    user = factories.user("leerling")
    own, _token = factories.learner(user=user)
    client.force_login(user)
    (item,) = reached.my_challenges()  # the first signed-in request merges the token's
    stored = ChallengeCompletion.objects.get()
    assert stored.learner == own
    assert (item["done"], item["completedAt"]) == (3, stored.completed_at.isoformat())


def test_completed_on_both_sides_the_earliest_moment_stays(client, reached, challenge):
    anonymous = ChallengeCompletion.objects.get()
    user = factories.user("leerling")
    own, _token = factories.learner(user=user)
    later = anonymous.completed_at + datetime.timedelta(hours=2)
    ChallengeCompletion.objects.create(challenge=challenge, learner=own, completed_at=later)
    client.force_login(user)
    reached.my_challenges()
    assert list(ChallengeCompletion.objects.values_list("learner", "completed_at")) == [
        (own.pk, anonymous.completed_at)
    ]


def test_what_two_learners_did_together_completes_the_challenge_on_signing_in(
    client, browser, challenge, lessons, completed_challenges
):
    user = factories.user("leerling")
    own, _token = factories.learner(user=user)
    completed(own, lessons[0], challenge.period[0] + datetime.timedelta(hours=9))
    for lesson in lessons[1:3]:
        complete_page(browser, lesson)
    assert ChallengeCompletion.objects.count() == 0
    client.force_login(user)
    (item,) = browser.my_challenges()
    assert item["done"] == 3
    stored = ChallengeCompletion.objects.get()
    assert stored.learner == own and Learner.objects.count() == 1
    assert completed_challenges == [{"learner": own, "challenge_id": challenge.pk}]
