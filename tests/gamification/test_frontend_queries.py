"""The demo frontend's two gamification queries: the header's total and level
(docs/queries/my_level.graphql) and "Mijn punten en badges" (docs/queries/my_rewards.graphql),
each a fixed number of SQL queries however much the learner has done."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.challenges.models import Challenge
from tests.gamification.test_query_counts import history
from tests.helpers import badges
from tests.helpers.graphql import screen_query
from tests.helpers.learners import token_header

pytestmark = pytest.mark.django_db

MY_LEVEL = screen_query("my_level")
MY_REWARDS = screen_query("my_rewards")

#: The learner (by the token) and the total.
LEVEL_QUERIES = 2
#: my_points' 8 (with the freeze days of every date), the badges' past the learner and
#: what their criteria count, and the challenges with the microlessons done in them.
REWARDS_QUERIES = 18


@pytest.fixture
def rewards(section):
    """Badges of every kind that counts, and a challenge running this month."""
    today = timezone.localdate()
    for number, criterion in enumerate(["modules", "streak", "reviews", "first_microlesson"]):
        badges.badge(name=f"Badge {number}", criterion=criterion)
    Challenge.objects.create(
        title="Deze maand: 3 microlessen",
        goal="microlessons",
        target=3,
        starts_on=today.replace(day=1),
        ends_on=today + datetime.timedelta(days=1),
    )


def test_the_header_asks_two_sql_queries(graphql, section, django_assert_num_queries):
    from tests import factories

    route = factories.route(title="Inwerken")
    for count, level in [
        (3, {"number": 1, "name": "Starter"}),
        (40, {"number": 3, "name": "Lerende"}),
    ]:
        token = history(section, route, count)
        with django_assert_num_queries(LEVEL_QUERIES):
            answer = graphql(MY_LEVEL, **token_header(token))
        assert answer["data"]["me"]["points"] == {"total": 5 * count, "level": level}


def test_the_rewards_screen_takes_the_same_queries_for_3_awards_as_for_40(
    graphql, section, rewards, django_assert_num_queries
):
    from tests import factories

    route = factories.route(title="Inwerken")
    counts = []
    for count in (3, 40):
        token = history(section, route, count)
        graphql(MY_REWARDS, **token_header(token))  # warm the site cache and renditions
        with django_assert_num_queries(REWARDS_QUERIES) as captured:
            answer = graphql(MY_REWARDS, **token_header(token))
        me = answer["data"]["me"]
        assert me["points"]["total"] == 5 * count
        assert len(me["points"]["recent"]) == min(count, 5)
        assert me["streak"]["days"] == count
        assert len(me["streak"]["frozenDays"]) == 1
        assert [entry["badge"]["name"] for entry in me["badges"]] == [
            f"Badge {n}" for n in range(4)
        ]
        assert [entry["challenge"]["title"] for entry in me["challenges"]] == [
            "Deze maand: 3 microlessen"
        ]
        counts.append(len(captured.captured_queries))
    assert counts == [REWARDS_QUERIES, REWARDS_QUERIES]
