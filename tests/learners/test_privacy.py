"""A learner sees everything kept about them, and can have all of it deleted at once."""

import json

import pytest

from borg_learning.learners.models import (
    BlockProgress,
    Completion,
    Learner,
    LearnerToken,
    TransferCode,
)
from tests import factories
from tests.helpers.learners import CREATE_CODE, EXPORT, FORGET_ME, codes, complete_page

pytestmark = pytest.mark.django_db

LEARNER_MODELS = (Learner, LearnerToken, TransferCode, BlockProgress, Completion)


def counts():
    return {model.__name__: model.objects.count() for model in LEARNER_MODELS}


def forget(browser):
    return browser.graphql(FORGET_ME, **header(browser))["data"]["forgetMe"]


def export(browser):
    return browser.graphql(EXPORT, **header(browser))["data"]["exportMyData"]


def header(browser):
    return {"HTTP_X_LEARNER_TOKEN": browser.token} if browser.token else {}


@pytest.fixture
def busy(browser, module, specialist):
    """A learner who completed a module, started another, and made a transfer code."""
    browser.record(module)
    complete_page(browser, module)
    part = specialist.get_children().first().specific
    browser.record(part, factories.block_id(part, "text"), "SEEN")
    browser.graphql(CREATE_CODE, **header(browser))
    return browser


def test_forget_me_leaves_nothing_of_the_learner(busy, browsers, module):
    other = browsers()
    other.record(module)
    before = counts()
    assert all(before.values())
    assert forget(busy) == {"ok": True, "errors": []}
    after = counts()
    assert after == {
        "Learner": 1,
        "LearnerToken": 1,
        "TransferCode": 0,
        "BlockProgress": 1,
        "Completion": 0,
    }  # only the other learner's page view
    assert Learner.objects.get() == BlockProgress.objects.get().learner
    assert busy.me() is None
    assert codes(busy.record(module)) == ["UNKNOWN_LEARNER"]


def test_forget_me_answers_what_it_did(busy, browser):
    assert forget(busy) == {"ok": True, "errors": []}
    refused = forget(busy)
    assert refused["ok"] is False and codes(refused) == ["UNKNOWN_LEARNER"]
    busy.token = None
    assert codes(forget(busy)) == ["NO_LEARNER"]


def test_a_signed_in_learner_forgets_their_progress_and_keeps_the_account(client, browser, module):
    user = factories.user("leerling")
    client.force_login(user)
    complete_page(browser, module)
    assert forget(browser) == {"ok": True, "errors": []}
    assert sum(counts().values()) == 0
    user.refresh_from_db()
    assert browser.me()["completedPageIds"] == []


def test_the_export_holds_everything_kept(busy, module, specialist):
    answer = export(busy)
    assert answer["errors"] == []
    data = answer["data"]
    assert data["learner"]["signedIn"] is False
    assert len(data["devices"]) == 1 and len(data["transferCodes"]) == 1
    assert len(data["progress"]) == BlockProgress.objects.count() == 9
    exercise = next(row for row in data["progress"] if row["kind"] == "EXERCISE")
    assert exercise["answer"] == [factories.option_ids(module, exercise["block"])[0]]
    assert exercise["pageTitle"] == "Grenzen stellen"
    assert [row["page"] for row in data["completions"]] == [str(module.pk)]
    assert data["completions"][0]["wholeModule"] is True
    document = json.loads(answer["json"])
    assert set(document) == {
        "exportedAt",
        "learner",
        "devices",
        "transferCodes",
        "progress",
        "completions",
        "certificates",  # added by borg_learning.certificates (register_learner_export)
        "routes",  # and these two by borg_learning.routes
        "routeStepsDone",
        "reviewCards",  # and these two by borg_learning.reviews
        "reviewLogs",
        "challengeCompletions",  # by borg_learning.challenges
        "badgeAwards",  # added by borg_learning.badges
        "pointsAwards",  # and these three by borg_learning.gamification
        "learningDays",
        "streakFreezes",
        "leaderboardMembership",  # by borg_learning.leaderboards
    }
    assert [row["block"] for row in document["progress"]] == [
        row["block"] for row in data["progress"]
    ]
    assert document["progress"][0]["kind"] == "PAGE"  # as the API names it
    # The token and the code themselves are not kept, so not exported either.
    assert busy.token not in answer["json"]


def test_the_export_names_no_page_the_learner_may_no_longer_see(busy, module):
    factories.unpublish(module)
    data = export(busy)["data"]
    rows = [row for row in data["progress"] if row["page"] == str(module.pk)]
    assert rows and all(row["pageTitle"] is None for row in rows)


def test_there_is_nothing_to_export_without_a_learner(browser):
    refused = export(browser)
    assert codes(refused) == ["NO_LEARNER"] and refused["data"] is None
    assert refused["json"] is None
