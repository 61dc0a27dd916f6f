"""The leaderboard costs the same SQL queries for 5 members as for 100."""

import pytest

from borg_learning.gamification.models import PointsAward
from tests.helpers.leaderboards import member

pytestmark = pytest.mark.django_db

#: The learner (by the token), their membership with its organisation, the board, and
#: the organisations' totals.
QUERIES = 4


def add_members(numbers, organisations):
    """Members spread over ``organisations``, with two awards each."""
    for number in numbers:
        membership, _token = member(
            f"Lid {number:03}", 10 + number, organisation=organisations[number % 2]
        )
        PointsAward.objects.create(
            learner=membership.learner, rule="part", subject="page:1", points=5
        )


@pytest.mark.parametrize("scope", ["OVERALL", "ORGANISATION"])
def test_the_board_takes_the_same_queries_for_5_members_as_for_100(
    browsers, noord, zuid, scope, django_assert_num_queries
):
    _membership, token = member("Kalme Otter", 18, organisation=noord)
    browser = browsers(token)
    answers = []
    for numbers in (range(0, 8), range(8, 198)):  # on each board 5, then 100
        add_members(numbers, [noord, zuid])
        browser.board_answer(scope)  # warm the site cache
        with django_assert_num_queries(QUERIES):
            answers.append(browser.board(scope))
    sizes = [me["leaderboard"]["size"] for me in answers]
    assert sizes == ([9, 199] if scope == "OVERALL" else [5, 100])
    assert [len(me["leaderboard"]["neighbours"]) for me in answers] == [5, 5]
    assert [[row["members"] for row in me["organisationTotals"]] for me in answers] == [
        [5],
        [99, 100],  # De Borg Zuid's members have a point more each: the higher average
    ]
