"""The challenges and a learner's progress on them cost the same number of SQL queries
for one challenge as for twenty."""

import pytest

from borg_learning.challenges.models import Challenge, Goal
from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.learners import complete_page

pytestmark = pytest.mark.django_db

#: challenges: the challenges with their themes.
CHALLENGES_QUERIES = 1
#: me { challenges } of microlesson challenges: the learner by its token, the challenges
#: with their themes, the learner's completed challenges, their completions (with a
#: microlesson's theme).
MICROLESSON_QUERIES = 4
#: me { challenges } of every goal: also the themes of the completed modules, the reviews
#: and the moments of the learning days: a query per kind of source, none per challenge.
EVERY_GOAL_QUERIES = 7


def add_challenges(count, theme, dates, goals=tuple(Goal)):
    """``count`` challenges, of each of ``goals`` in turn, themed where a goal can be."""
    for number in range(count):
        goal = goals[number % len(goals)]
        themed = goal in (Goal.MICROLESSONS, Goal.PARTS, Goal.MODULES)
        Challenge.objects.create(
            title=f"Uitdaging {number}",
            goal=goal,
            target=2,
            theme=theme if themed else None,
            **dates,
        )


@pytest.fixture
def dates(this_month):
    first, last = this_month
    return {"starts_on": first, "ends_on": last}


def test_the_challenges_cost_one_query(browser, dates, agressie, django_assert_num_queries):
    add_challenges(1, agressie, dates)
    with django_assert_num_queries(CHALLENGES_QUERIES):
        assert len(browser.challenges()) == 1
    add_challenges(20, agressie, dates)
    with django_assert_num_queries(CHALLENGES_QUERIES):
        assert len(browser.challenges()) == 21


def my_challenges_costs(browser, count, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        shown = browser.my_challenges()
    assert len(shown) == count
    return shown


def test_one_or_twenty_microlesson_challenges_cost_the_same(
    browser, lessons, dates, agressie, django_assert_num_queries
):
    for lesson in lessons[:3]:
        complete_page(browser, lesson)
    add_challenges(1, agressie, dates, goals=[Goal.MICROLESSONS])
    (shown,) = my_challenges_costs(browser, 1, django_assert_num_queries, MICROLESSON_QUERIES)
    assert (shown["done"], shown["completed"]) == (3, True)  # the three Agressie lessons
    add_challenges(19, agressie, dates, goals=[Goal.MICROLESSONS])
    shown = my_challenges_costs(browser, 20, django_assert_num_queries, MICROLESSON_QUERIES)
    assert {item["done"] for item in shown} == {3}


def test_challenges_of_every_goal_cost_the_same_for_six_and_twenty_four(
    browser, lessons, dates, agressie, environment, django_assert_num_queries
):
    section = factories.section(environment, title="Modules")
    module = factories.basic_module(
        section, "Grenzen", themes=[agressie], body=factories.body_blocks(1, section)
    )
    complete_page(browser, module)
    complete_page(browser, lessons[0])
    add_challenges(6, agressie, dates)
    shown = my_challenges_costs(browser, 6, django_assert_num_queries, EVERY_GOAL_QUERIES)
    done = {item["challenge"]["goal"]: item["done"] for item in shown}
    assert (done["MODULES"], done["MICROLESSONS"], done["LEARNING_DAYS"]) == (1, 1, 1)
    add_challenges(18, agressie, dates)
    my_challenges_costs(browser, 24, django_assert_num_queries, EVERY_GOAL_QUERIES)
    assert Learner.objects.count() == 1
