"""Joining the leaderboards under a drawn pseudonym, drawing another, changing the
organisation and leaving; every refusal stores nothing."""

import pytest

from borg_learning.leaderboards import pseudonyms
from borg_learning.leaderboards.models import LeaderboardMembership
from tests import factories
from tests.helpers.leaderboards import JOIN, ORGANISATIONS
from tests.helpers.learners import codes

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(browsers):
    _learner, token = factories.learner()
    return browsers(token)


def stored():
    return list(LeaderboardMembership.objects.values_list("pseudonym", "organisation__slug"))


def test_the_organisations_to_choose_from_by_name(browsers, noord, zuid):
    assert browsers().send(ORGANISATIONS)["leaderboardOrganisations"] == [
        {"name": "De Borg Noord", "slug": "de-borg-noord"},
        {"name": "De Borg Zuid", "slug": "de-borg-zuid"},
    ]


def test_joining_draws_a_dutch_pseudonym_from_the_word_list(browser, noord):
    assert browser.board()["leaderboardMembership"] is None  # opt-in: off by default
    payload = browser.join("de-borg-noord")
    assert (payload["ok"], payload["errors"]) == (True, [])
    membership = payload["membership"]
    adjective, name = membership["pseudonym"].split(" ")
    assert adjective in pseudonyms.ADJECTIVES and name in pseudonyms.NAMES
    assert membership["organisation"] == {"name": "De Borg Noord", "slug": "de-borg-noord"}
    assert membership["pseudonymsLeftToday"] == 3
    assert stored() == [(membership["pseudonym"], "de-borg-noord")]
    assert browser.board()["leaderboardMembership"] == membership


def test_joining_without_an_organisation_is_the_overall_board_only(browser):
    assert browser.join(None)["membership"]["organisation"] is None
    assert stored()[0][1] is None


def test_an_unknown_organisation_is_refused_and_nothing_stored(browser, noord):
    payload = browser.join("de-borg-west")
    assert (payload["ok"], codes(payload), payload["membership"]) == (
        False,
        ["UNKNOWN_ORGANISATION"],
        None,
    )
    assert payload["errors"][0]["field"] == "organisation"
    assert stored() == []


def test_joining_twice_is_refused_and_keeps_the_pseudonym(browser):
    first = browser.join()["membership"]["pseudonym"]
    payload = browser.join()
    assert codes(payload) == ["ALREADY_JOINED"]
    assert stored() == [(first, None)]


def test_a_pseudonym_cannot_be_typed(browser, graphql):
    """No input takes a pseudonym: free text is refused by the schema, nothing stored."""
    browser.join()
    before = stored()
    for query in (
        'mutation { joinLeaderboard(input: {pseudonym: "Jan de Vries"}) { ok } }',
        'mutation { newPseudonym(pseudonym: "Jan de Vries") { ok } }',
        'mutation { changeLeaderboardOrganisation(input: {pseudonym: "Jan"}) { ok } }',
    ):
        answer = browser.graphql(query, {}, HTTP_X_LEARNER_TOKEN=browser.token)
        assert "errors" in answer and answer.get("data") is None
    assert stored() == before
    introspection = graphql("{ __schema { types { name inputFields { name } } } }")["data"][
        "__schema"
    ]["types"]
    assert not [
        kind["name"]
        for kind in introspection
        if "pseudonym" in {field["name"] for field in kind["inputFields"] or []}
    ]


def test_a_new_pseudonym_is_drawn_at_most_three_times_a_day(browser, clock):
    drawn = [browser.join()["membership"]["pseudonym"]]
    for left in (2, 1, 0):
        membership = browser.new_pseudonym()["membership"]
        assert membership["pseudonymsLeftToday"] == left
        drawn.append(membership["pseudonym"])
    assert drawn[-1] != drawn[-2]
    assert drawn[-1].split(" ")[1] in pseudonyms.NAMES
    refused = browser.new_pseudonym()
    assert (refused["ok"], codes(refused)) == (False, ["TOO_MANY_PSEUDONYMS"])
    assert stored() == [(drawn[-1], None)]
    clock.forward(days=1)
    assert browser.new_pseudonym()["ok"] is True


def test_changing_the_organisation_keeps_the_pseudonym(browser, noord, zuid):
    pseudonym = browser.join("de-borg-noord")["membership"]["pseudonym"]
    assert browser.change_organisation("de-borg-zuid")["membership"]["organisation"]["slug"] == (
        "de-borg-zuid"
    )
    assert codes(browser.change_organisation("onbekend")) == ["UNKNOWN_ORGANISATION"]
    assert stored() == [(pseudonym, "de-borg-zuid")]
    assert browser.change_organisation(None)["membership"]["organisation"] is None
    assert stored() == [(pseudonym, None)]


def test_leaving_deletes_the_membership_at_once(browser, browsers):
    browser.join()
    other = browsers(factories.learner()[1])
    other.join()
    payload = browser.leave()
    assert (payload["ok"], payload["errors"]) == (True, [])
    assert LeaderboardMembership.objects.count() == 1
    assert browser.board()["leaderboardMembership"] is None
    assert browser.board()["leaderboard"] is None
    assert codes(browser.leave()) == ["NOT_JOINED"]


@pytest.mark.parametrize("change", ["new_pseudonym", "leave", "change_organisation"], ids=str)
def test_changes_before_joining_are_refused(browser, change):
    arguments = (None,) if change == "change_organisation" else ()
    assert codes(getattr(browser, change)(*arguments)) == ["NOT_JOINED"]
    assert stored() == []


def test_without_a_learner_nothing_is_joined(browsers, graphql):
    assert codes(browsers().join()) == ["NO_LEARNER"]
    answer = graphql(JOIN, {"input": {}}, HTTP_X_LEARNER_TOKEN="made-up")
    assert codes(answer["data"]["joinLeaderboard"]) == ["UNKNOWN_LEARNER"]
    assert stored() == []
