"""The demo's leaderboards: organisations and generated members, so the board shows."""

import pytest

from borg_learning.leaderboards import boards, pseudonyms
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from demo import content


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def test_three_organisations_and_fourteen_members_under_listed_pseudonyms(loaded):
    assert list(Organisation.objects.values_list("name", flat=True)) == [
        "De Borg Noord",
        "De Borg Oost",
        "De Borg Zuid",
    ]
    members = LeaderboardMembership.objects.all()
    assert members.count() == 14
    assert all(pseudonyms.is_listed(member.pseudonym) for member in members)
    assert members.filter(organisation=None).count() == 1


def test_the_board_shows_and_two_organisations_have_a_total(loaded):
    member = LeaderboardMembership.objects.filter(organisation__slug="de-borg-noord").first()
    board = boards.board_of(member, boards.Scope.OVERALL)
    assert (board.size, board.shown, len(board.neighbours) >= 3) == (14, True, True)
    assert boards.board_of(member, boards.Scope.ORGANISATION).shown
    totals = boards.organisation_totals(board.week)
    assert sorted(total.organisation.slug for total in totals) == ["de-borg-noord", "de-borg-zuid"]
    print("\nweek points:", [entry.points for entry in board.neighbours])


def test_loading_again_adds_nothing(loaded):
    before = list(LeaderboardMembership.objects.values_list("pk", "pseudonym"))
    report = content.load()
    assert list(LeaderboardMembership.objects.values_list("pk", "pseudonym")) == before
    assert "Leaderboard members exist, left as they are" in report
