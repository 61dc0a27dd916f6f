"""Totals for the reports, derived from the daily counts and the page tree: a theme's
visits are those of its modules and their parts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from borg_learning import models
from borg_learning.analytics.visits import (
    daily_visits,
    visits_by_page,
    visits_by_theme,
    visits_total,
)
from borg_learning.models.visits import PageVisitDay
from tests import factories

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]

MAY = datetime.date(2026, 5, 1)


def day(number):
    return MAY + datetime.timedelta(days=number - 1)


@pytest.fixture
def tree(environment):
    sgg, lvb, empty = (
        factories.theme(slug="sgg", name="SGG"),
        factories.theme(slug="lvb", name="LVB", colour="green"),
        factories.theme(slug="leeg", name="Leeg", colour="grey"),
    )
    section = environment.add_child(instance=models.SectionPage(title="Modules"))
    basic = factories.basic_module(section, "Basis", themes=[lvb])
    specialist = factories.specialist_module(
        section, "SGG", parts=2, blocks_per_part=1, themes=[sgg, lvb]
    )
    parts = list(specialist.get_children())
    catalogue = environment.add_child(instance=models.CataloguePage(title="Aanbod"))
    visits = [  # (page, day, visits)
        (environment, 1, 10),
        (environment, 2, 5),
        (section, 1, 2),
        (catalogue, 3, 4),
        (basic, 1, 3),
        (basic, 3, 1),
        (specialist, 2, 6),
        (parts[0], 2, 7),
        (parts[1], 5, 8),
        (parts[1], 40, 100),  # outside May
    ]
    for page, number, count in visits:
        PageVisitDay.add(page.pk, day(number), count)
    return {
        "themes": (sgg, lvb, empty),
        "environment": environment,
        "section": section,
        "basic": basic,
        "specialist": specialist,
        "parts": parts,
        "catalogue": catalogue,
    }


def test_the_total_of_a_period(tree):
    assert visits_total(day(1), day(31)) == 46
    assert visits_total(day(2), day(2)) == 18
    assert visits_total() == 146
    assert visits_total(day(1), day(31), environment=tree["environment"]) == 46
    other = factories.learning_environment(slug="andere-leeromgeving", title="Andere")
    PageVisitDay.add(other.pk, day(1), 9)
    assert visits_total(day(1), day(31), environment=tree["environment"]) == 46
    assert visits_total(day(1), day(31), environment=other) == 9
    assert visits_total(day(1), day(31)) == 55


def test_a_theme_counts_its_modules_and_their_parts(tree):
    sgg, lvb, empty = tree["themes"]
    totals = visits_by_theme(day(1), day(31))
    assert [row.theme for row in totals] == list(models.Theme.objects.all())
    assert {row.theme: row.visits for row in totals} == {
        empty: 0,
        lvb: 3 + 1 + 6 + 7 + 8,
        sgg: 6 + 7 + 8,
    }
    # A module with two themes counts for both: the themes add up to more than the 25
    # visits to modules and parts.
    assert sum(row.visits for row in totals) == 25 + 21
    assert {row.theme: row.visits for row in visits_by_theme()} == {empty: 0, lvb: 125, sgg: 121}


def test_visits_per_page_most_visited_first(tree):
    rows = visits_by_page(day(1), day(31))
    assert [(page.pk, visits) for page, visits in rows][:3] == [
        (tree["environment"].pk, 15),
        (tree["parts"][1].pk, 8),
        (tree["parts"][0].pk, 7),
    ]
    assert sum(visits for _page, visits in rows) == 46


def test_daily_series_include_days_without_visits(tree):
    sgg, lvb, _empty = tree["themes"]
    assert daily_visits(day(1), day(5)) == [
        (day(1), 15),
        (day(2), 18),
        (day(3), 5),
        (day(4), 0),
        (day(5), 8),
    ]
    assert daily_visits(day(1), day(5), theme=sgg) == [
        (day(1), 0),
        (day(2), 13),
        (day(3), 0),
        (day(4), 0),
        (day(5), 8),
    ]
    assert daily_visits(day(1), day(3), theme=lvb) == [(day(1), 3), (day(2), 13), (day(3), 1)]
    assert daily_visits(day(1), day(2), page=tree["section"]) == [(day(1), 5), (day(2), 13)]
    assert daily_visits(day(5), day(4)) == []


def test_theme_totals_cost_the_same_queries_for_few_and_many_pages(tree):
    def measure():
        with CaptureQueriesContext(connection) as captured:
            visits_by_theme(day(1), day(31))
        return len(captured)

    few = measure()
    sgg, lvb, _empty = tree["themes"]
    for number in range(20):
        module = factories.specialist_module(
            tree["section"], f"Extra {number}", parts=2, blocks_per_part=1, themes=[sgg]
        )
        for page in (module, *module.get_children()):
            PageVisitDay.add(page.pk, day(number % 28 + 1), 1)
    assert measure() == few == 3
    assert {row.theme: row.visits for row in visits_by_theme(day(1), day(31))}[sgg] == 21 + 60
