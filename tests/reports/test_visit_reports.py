"""The visits report: the total, each theme and each page, per day or month."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext

from tests import factories
from tests.factories import visits
from tests.helpers.reports import (
    YEAR,
    as_text,
    count_queries,
    csv_rows,
    menu_item_names,
    report,
    rows_of,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

VISITS_URL = "/admin/reports/visits/"


def figures(response):
    return [(row.kind, row.name, row.total) for row in response.context["object_list"]]


def test_the_report_shows_the_total_each_theme_and_each_page_with_charts(editor, content):
    response = report(editor, VISITS_URL, YEAR)
    assert figures(response) == [
        ("total", gettext("Whole environment"), 150),
        ("theme", "Agressie", 10),
        ("theme", "SGG", 40),
        ("page", "Leeromgeving", 100),
        ("page", "Basis SGLVG", 40),
        ("page", "De-escaleren", 7),
        ("page", "Omgaan met agressie", 3),
    ]
    total = response.context["object_list"][0]
    assert total.series == [0, 0, 140, 0, 10, 0, 0, 0, 0, 0, 0, 0]
    html = response.content.decode()
    assert html.count('class="borg-chart"') == 2
    assert gettext("Visits per period") in html and gettext("Visits per theme") in html


def test_the_exports_have_the_figures_and_the_series_of_the_report(editor, content):
    response = report(editor, VISITS_URL, YEAR)
    expected = as_text(rows_of(response))
    assert expected[0][:3] == [gettext("Total"), gettext("Whole environment"), 150.0]
    assert expected[0][3:] == as_text([[0, 0, 140, 0, 10, 0, 0, 0, 0, 0, 0, 0]])[0]
    rows = csv_rows(editor.get(VISITS_URL, {**YEAR, "export": "csv"}))
    assert rows[0][:5] == [
        gettext("Of"),
        gettext("Name"),
        gettext("Visits"),
        "januari 2025",
        "februari 2025",
    ]
    assert as_text(rows[1:]) == expected
    rows = xlsx_rows(editor.get(VISITS_URL, {**YEAR, "export": "xlsx"}))
    assert as_text(rows[1:]) == expected
    assert rows[1][2] == 150


def test_a_theme_or_module_narrows_the_figures(editor, content):
    response = report(editor, VISITS_URL, {**YEAR, "theme": content["sgg"].pk})
    assert figures(response) == [
        ("total", gettext("Selection"), 40),
        ("theme", "SGG", 40),
        ("page", "Basis SGLVG", 40),
    ]
    response = report(editor, VISITS_URL, {**YEAR, "module": content["specialist"].pk})
    assert figures(response) == [
        ("total", gettext("Selection"), 10),
        ("theme", "Agressie", 10),
        ("theme", "SGG", 0),
        ("page", "De-escaleren", 7),
        ("page", "Omgaan met agressie", 3),
    ]


def test_per_day_over_a_short_period(editor, content):
    response = report(
        editor, VISITS_URL, {"date_from": "2025-05-01", "date_to": "2025-05-05", "interval": "day"}
    )
    total = response.context["object_list"][0]
    assert total.series == [0, 7, 3, 0, 0]
    rows = csv_rows(
        editor.get(
            VISITS_URL,
            {
                "date_from": "2025-05-01",
                "date_to": "2025-05-05",
                "interval": "day",
                "export": "csv",
            },
        )
    )
    assert rows[0][3:] == ["1-5-2025", "2-5-2025", "3-5-2025", "4-5-2025", "5-5-2025"]


def test_per_day_is_refused_over_a_year(editor, content):
    response = editor.get(VISITS_URL, {**YEAR, "interval": "day", "export": "xlsx"})
    assert response.status_code == 200
    assert list(response.context["view"].filters.form.errors) == ["interval"]
    assert response.context["object_list"] == []


def test_without_visits_the_report_says_so(editor, environment):
    html = report(editor, VISITS_URL, YEAR).content.decode()
    assert gettext("No visits in this period.") in html


def test_who_sees_the_report(client, content):
    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert "visits" in menu_item_names(editor)
    client.force_login(editor)
    assert client.get(VISITS_URL, YEAR).status_code == 200
    group = Group.objects.create(name="Alleen antwoorden")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_response"])
    )
    reader = factories.user("lezer", groups=[group])
    assert "visits" not in menu_item_names(reader)
    client.force_login(reader)
    for params in ({}, {"export": "csv"}):
        assert client.get(VISITS_URL, params).status_code == 302


# Measured for a Borgbureau editor: the report counts in 4 queries (the themes, the page
# tree, the visits per page and period, the titles of the visited pages; a theme filter
# looks up its theme instead of listing them all); the rest is the admin's own and the
# filter form's choices, which an export leaves out.
@pytest.mark.parametrize(
    "params, queries",
    [
        (YEAR, 15),
        ({**YEAR, "export": "csv"}, 9),
        ({**YEAR, "export": "xlsx"}, 9),
        ({**YEAR, "theme": "sgg"}, 15),
    ],
)
def test_the_report_costs_the_same_queries_for_few_and_many_visit_days(
    client, content, params, queries
):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    params = {
        name: content["sgg"].pk if value == "sgg" else value for name, value in params.items()
    }
    small = count_queries(client, VISITS_URL, params)
    for offset in range(200):
        day = datetime.date(2025, 6, 1) + datetime.timedelta(days=offset)
        for page in (content["basic"], content["part"]):
            visits(page, day, offset + 1)
    large = count_queries(client, VISITS_URL, params)
    assert (small, large) == (queries, queries)
