"""A learner's membership: in their export, gone when forgotten, kept once on signing in."""

import pytest

from borg_learning.leaderboards.models import LeaderboardMembership
from tests import factories
from tests.helpers.learners import EXPORT, FORGET_ME

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_membership(browsers, noord):
    browser = browsers(factories.learner()[1])
    assert browser.send(EXPORT)["exportMyData"]["data"]["leaderboardMembership"] is None
    joined = browser.join("de-borg-noord")["membership"]
    exported = browser.send(EXPORT)["exportMyData"]["data"]["leaderboardMembership"]
    assert exported == {
        "pseudonym": joined["pseudonym"],
        "organisation": "de-borg-noord",
        "joinedAt": joined["joinedAt"],
    }


def test_forgetting_deletes_the_membership(browsers):
    browser, other = browsers(factories.learner()[1]), browsers(factories.learner()[1])
    browser.join()
    kept = other.join()["membership"]["pseudonym"]
    assert browser.send(FORGET_ME)["forgetMe"]["ok"] is True
    assert list(LeaderboardMembership.objects.values_list("pseudonym", flat=True)) == [kept]


def test_signing_in_moves_the_anonymous_membership_to_the_account(client, browsers, noord):
    user = factories.user("leerling")
    anonymous = browsers(factories.learner()[1])
    pseudonym = anonymous.join("de-borg-noord")["membership"]["pseudonym"]
    client.force_login(user)
    merged = anonymous.board()["leaderboardMembership"]  # the first signed-in request merges
    assert merged["pseudonym"] == pseudonym
    assert list(LeaderboardMembership.objects.values_list("learner__user", "pseudonym")) == [
        (user.pk, pseudonym)
    ]


def test_signing_in_keeps_the_accounts_own_membership(client, browsers):
    user = factories.user("leerling")
    client.force_login(user)
    account = browsers().join()["membership"]["pseudonym"]
    client.logout()
    anonymous = browsers(factories.learner()[1])
    anonymous.join()
    client.force_login(user)
    assert anonymous.board()["leaderboardMembership"]["pseudonym"] == account
    assert list(LeaderboardMembership.objects.values_list("learner__user", "pseudonym")) == [
        (user.pk, account)
    ]
