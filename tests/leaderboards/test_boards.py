"""This week's board around the learner, and the organisations' totals: members only,
pseudonyms only, nothing below the minimum size."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.leaderboards.models import Organisation
from tests import factories
from tests.helpers.leaderboards import error_codes, member

pytestmark = pytest.mark.django_db

NAMES = ["Attente Bever", "Blije Das", "Dappere Egel", "Eerlijke Gans", "Frisse Haas"]


@pytest.fixture
def you(browsers):
    """A member with 30 points this week, and their browser."""
    _membership, token = member("Kalme Otter", 30)
    return browsers(token)


def entries(board):
    return [(row["rank"], row["pseudonym"], row["points"], row["isYou"]) for row in board]


def test_a_board_below_the_minimum_size_is_not_shown(you):
    for name in NAMES[:3]:
        member(name, 10)
    answer = you.board_answer()
    board = answer["data"]["me"]["leaderboard"]
    assert (board["size"], board["minimumSize"], board["shown"]) == (4, 5, False)
    assert (board["you"], board["neighbours"]) == (None, None)
    assert error_codes(answer) == ["BOARD_TOO_SMALL", "BOARD_TOO_SMALL"]
    week = timezone.localdate() - datetime.timedelta(days=timezone.localdate().weekday())
    assert board["week"] == {
        "startsOn": str(week),
        "endsOn": str(week + datetime.timedelta(days=6)),
    }


def test_a_board_asked_without_entries_answers_without_an_error(you, send):
    answer = send(
        "{ me { leaderboard(scope: OVERALL) { size shown } } }",
        HTTP_X_LEARNER_TOKEN=you.token,
    )
    assert answer == {"data": {"me": {"leaderboard": {"size": 1, "shown": False}}}}


def test_the_board_shows_you_and_two_neighbours_each_side(you):
    for points, name in zip(
        [90, 70, 50, 40, 20, 10, 5], [*NAMES, "Heldere Uil", "Lieve Vos"], strict=True
    ):
        member(name, points)
    board = you.board()["leaderboard"]
    assert (board["size"], board["shown"]) == (8, True)
    assert board["you"] == {"rank": 5, "pseudonym": "Kalme Otter", "points": 30}
    assert entries(board["neighbours"]) == [
        (3, "Dappere Egel", 50, False),
        (4, "Eerlijke Gans", 40, False),
        (5, "Kalme Otter", 30, True),
        (6, "Frisse Haas", 20, False),
        (7, "Heldere Uil", 10, False),
    ]


def test_at_the_ends_the_neighbours_are_on_one_side_and_ties_go_by_pseudonym(
    you, browsers, settings
):
    settings.BORG_LEARNING = {"LEADERBOARD_NEIGHBOURS": 1}
    tokens = [member(name, 30)[1] for name in NAMES]
    board = you.board()["leaderboard"]
    assert board["you"]["rank"] == 6  # "Kalme Otter" after the others of 30 points
    assert entries(board["neighbours"]) == [
        (5, "Frisse Haas", 30, False),
        (6, "Kalme Otter", 30, True),
    ]
    top = browsers(tokens[0]).board()["leaderboard"]
    assert entries(top["neighbours"]) == [
        (1, "Attente Bever", 30, True),
        (2, "Blije Das", 30, False),
    ]


def test_only_this_weeks_points_of_members_count(you, clock):
    last_week = timezone.now() - datetime.timedelta(days=7)
    for name in NAMES:
        member(name, 100, awarded_at=last_week)
    outsider, _token = factories.learner()  # points, but never joined
    outsider.points_awards.create(rule="module", subject="page:1", points=500)
    board = you.board()["leaderboard"]
    assert board["size"] == 6
    assert [row["points"] for row in board["neighbours"]] == [30, 0, 0]
    assert "500" not in str(board)
    clock.forward(days=7)  # a new week: everyone starts at 0
    assert {row["points"] for row in you.board()["leaderboard"]["neighbours"]} == {0}


def test_the_organisation_board_holds_its_members_only(browsers, noord, zuid):
    _membership, token = member("Kalme Otter", 30, organisation=noord)
    for name in NAMES[:4]:
        member(name, 10, organisation=noord)
    for name in ["Heldere Uil", "Lieve Vos"]:
        member(name, 99, organisation=zuid)
    browser = browsers(token)
    board = browser.board("ORGANISATION")["leaderboard"]
    assert (board["scope"], board["size"], board["you"]["rank"]) == ("ORGANISATION", 5, 1)
    assert browser.board("OVERALL")["leaderboard"]["you"]["rank"] == 3


def test_without_an_organisation_its_board_is_empty(you):
    for name in NAMES:
        member(name, 10)
    answer = you.board_answer("ORGANISATION")
    assert answer["data"]["me"]["leaderboard"]["size"] == 0
    assert set(error_codes(answer)) == {"BOARD_TOO_SMALL"}


def test_the_minimum_size_is_a_setting(you, settings):
    settings.BORG_LEARNING = {"LEADERBOARD_MINIMUM_SIZE": 2}
    member("Blije Das", 10)
    board = you.board()["leaderboard"]
    assert (board["shown"], board["minimumSize"], len(board["neighbours"])) == (True, 2, 2)


def test_organisation_totals_only_for_organisations_of_the_minimum_size(browsers, noord, zuid):
    oost = Organisation.objects.create(name="De Borg Oost", slug="de-borg-oost")
    _membership, token = member("Kalme Otter", 30, organisation=noord)
    for number, name in enumerate(NAMES[:4]):
        member(name, 10 * number, organisation=noord)  # 0 + 10 + 20 + 30
    for number in range(5):
        member(f"Lieve Vos {number}", 20, organisation=zuid)
    for name in NAMES[:4]:
        member(f"{name} 2", 50, organisation=oost)  # four: too few to show
    totals = browsers(token).board()["organisationTotals"]
    assert (
        totals
        == [
            {
                "organisation": {"name": "De Borg Noord", "slug": "de-borg-noord"},
                "members": 5,
                "points": 90,
                "average": 18.0,
            },
            {
                "organisation": {"name": "De Borg Zuid", "slug": "de-borg-zuid"},
                "members": 5,
                "points": 100,
                "average": 20.0,
            },
        ][::-1]
    )


def test_organisation_totals_of_an_earlier_week(browsers, noord, send):
    last_week = timezone.now() - datetime.timedelta(days=7)
    _membership, token = member("Kalme Otter", 30, organisation=noord, awarded_at=last_week)
    for name in NAMES[:4]:
        member(name, 10, organisation=noord)
    query = "query ($week: Date) { me { organisationTotals(week: $week) { points } } }"
    answer = send(query, {"week": str(last_week.date())}, HTTP_X_LEARNER_TOKEN=token)
    assert answer["data"]["me"]["organisationTotals"] == [{"points": 30}]
    answer = send(query, {}, HTTP_X_LEARNER_TOKEN=token)
    assert answer["data"]["me"]["organisationTotals"] == [{"points": 40}]
