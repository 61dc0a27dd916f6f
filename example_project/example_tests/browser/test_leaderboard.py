"""The learning journey of microlearning and gamification, as a learner on a phone and on
a desktop meets it: a quiz microlesson whose page holds no correct options before the
answer, its daily review once the server's clock has moved on, points and a badge paid
once however often the learner comes back, and the opt-in weekly leaderboard under a
pseudonym, showing only the learner's neighbours."""

import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from borg_learning.badges.models import BadgeAward
from borg_learning.gamification.models import PointsAward, Rule
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation

from .conftest import operation, path
from .test_gamification import FIRST_BADGE, learner_of, points_of, tab  # noqa: F401
from .test_progress import screenshot
from .test_reviews import answer_the_quiz, clock, move_past, quiz  # noqa: F401
from .test_targets_and_reflow import SMALL_TARGETS

pytestmark = pytest.mark.browser

LEADERBOARD = "/ranglijst/"


def graphql_response(name):
    """A predicate for the API's answer to the documented operation ``name``."""
    return lambda response: operation(response.request) == name


@pytest.mark.django_db
def test_without_a_learner_the_leaderboard_says_how_to_begin(tab):  # noqa: F811
    page = tab.open(LEADERBOARD)
    expect(page.locator("h1")).to_have_text("Ranglijst van de week")
    expect(page.locator(".leaderboard")).to_contain_text("Op dit apparaat heb je nog niets gedaan")
    expect(page.get_by_role("button", name="Doe mee")).to_have_count(0)
    tab.check_accessibility()


def test_quiz_review_points_badge_and_leaderboard(tab, committed_db, clock):  # noqa: F811
    page = tab.page
    # The quiz's page comes without a hint of which option is right.
    with page.expect_response(graphql_response("Page")) as loaded:
        tab.open(path(quiz()))
    assert '"correct"' not in loaded.value.text()
    # Sent as a persisted query: by its hash over GET, without its text.
    request = loaded.value.request
    assert request.method == "GET" and "sha256Hash" in unquote(request.url)
    assert "query=" not in request.url
    assert page.locator(".exercise input[type=radio]").count() >= 2

    page, _token, cards = answer_the_quiz(tab)
    learner = learner_of(page)
    paid = points_of(learner)
    assert paid > 0
    assert list(BadgeAward.objects.filter(learner=learner).values_list("name", flat=True)) == [
        FIRST_BADGE
    ]

    # Back at the quiz, the answers stand; nothing is paid or awarded twice.
    tab.open(path(quiz()))
    expect(page.locator(".exercise__result").first).to_be_visible()
    tab.open("/mijn-badges/")
    assert points_of(learner) == paid
    assert BadgeAward.objects.filter(learner=learner).count() == 1

    # The daily review, once the cards are due: both recalled pays the recall points.
    move_past(clock, cards)
    tab.open("/dagelijkse-herhaling/")
    card = page.locator(".review__card")
    for _card in cards:
        card.get_by_label("Nee" if "Jan" in card.inner_text() else "Ja", exact=True).check()
        card.get_by_role("button", name="Controleer").click()
        expect(card.locator(".review__result h3")).to_have_text("Goed!")
        following = card.get_by_role("button", name=re.compile("Volgende|Bekijk je resultaat"))
        following.click()
    expect(page.locator(".review__score")).to_have_text("2 van 2 goed")
    recalled = PointsAward.objects.filter(learner=learner, rule=Rule.REVIEW_RECALLED)
    assert recalled.count() == 2
    assert BadgeAward.objects.filter(learner=learner).count() == 1

    # The leaderboard is opt-in: from "Mijn punten en badges", join under a pseudonym.
    tab.open("/mijn-badges/")
    page.get_by_role("link", name="Naar de ranglijst van de week").click()
    tab.ready()
    expect(page.locator("h1")).to_have_text("Ranglijst van de week")
    expect(page.locator(".leaderboard")).to_contain_text("niemand ziet je naam")
    assert not LeaderboardMembership.objects.filter(learner=learner).exists()
    tab.check_accessibility()
    screenshot(page, "leaderboard-join")
    page.get_by_label("Je organisatie (niet verplicht)").select_option(label="De Borg Noord")
    with page.expect_response(graphql_response("MyLeaderboard")) as answered:
        page.get_by_role("button", name="Doe mee").click()
        expect(page.locator(".leaderboard__name")).to_be_visible()
    membership = LeaderboardMembership.objects.get(learner=learner)
    assert membership.organisation == Organisation.objects.get(slug="de-borg-noord")
    expect(page.locator(".leaderboard__name")).to_have_text(membership.pseudonym)

    # Only the learner and up to two members either side, by pseudonym, never a name.
    me = json.loads(answered.value.text())["data"]["me"]
    for scope, region in [("overall", "Iedereen"), ("organisation", "De Borg Noord")]:
        board = me[scope]
        assert board["shown"] and len(board["neighbours"]) <= 5
        section = page.get_by_role("region", name=region)
        rows = section.locator(".leaderboard__row")
        expect(rows).to_have_count(len(board["neighbours"]))
        expect(section.locator(".leaderboard__place")).to_have_text(
            f"Plaats {board['you']['rank']} van {board['size']}, met "
            f"{board['you']['points']} punten."
        )
        mine = section.locator(".leaderboard__row.is-you")
        expect(mine).to_have_count(1)
        expect(mine).to_contain_text(f"{membership.pseudonym} (jij)")
    assert me["organisation"]["size"] == 6  # the demo's five members of De Borg Noord, and you
    totals = page.get_by_role("region", name="Organisaties")
    expect(totals.locator("tbody th")).to_contain_text(["De Borg Noord"])
    expect(totals).not_to_contain_text("De Borg Oost")  # three members: too few to show
    assert page.evaluate(SMALL_TARGETS) == []
    tab.check_accessibility()
    screenshot(page, "leaderboard")

    # Another pseudonym, then leaving: the membership is gone at once, the points stay.
    before = membership.pseudonym
    page.get_by_role("button", name="Kies een andere schuilnaam").click()
    expect(page.locator(".leaderboard__name")).not_to_have_text(before)
    assert LeaderboardMembership.objects.get(learner=learner).pseudonym != before
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Stop met de ranglijst").click()
    expect(page.get_by_role("button", name="Doe mee")).to_be_visible()
    assert not LeaderboardMembership.objects.filter(learner=learner).exists()
    assert points_of(learner) == paid + sum(award.points for award in recalled)
