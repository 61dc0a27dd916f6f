"""The learning routes' rows in the report "Progress": who started and who completed a
route, per month, on the screen and in the exports."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from borg_learning.routes.models import RouteEnrolment
from tests import factories
from tests.factories import moment
from tests.helpers.reports import YEAR, as_text, count_queries, csv_rows, report, rows_of, xlsx_rows

pytestmark = pytest.mark.django_db

PROGRESS_URL = "/admin/reports/progress/"


def day(month, date, year=2025):
    return moment(datetime.date(year, month, date))


def enrol(route, started, completed=None):
    learner = factories.learner()[0]
    return RouteEnrolment.objects.create(
        learner=learner, route=route, started_at=started, completed_at=completed
    )


@pytest.fixture
def content(environment):
    """Two live routes with learners in 2025, one before and one after; a draft route
    and a withdrawn one nobody followed."""
    sgg, aggression = factories.theme(name="SGG"), factories.theme(name="Agressie")
    basic = factories.basic_module(environment, title="Basis SGLVG", themes=[sgg])
    specialist = factories.specialist_module(
        environment, title="Omgaan met agressie", themes=[aggression], parts=2
    )
    part = specialist.get_children().first().specific
    offer = factories.OfferingFactory(title="Basiscursus LVB")
    support_worker = factories.route(
        [basic, part, {"title": "Loop een dienst mee"}], title="Inwerkroute begeleider"
    )
    psychologist = factories.route([offer], title="Inwerkroute psycholoog")
    factories.route([basic], title="Concept", publish=False)
    withdrawn = factories.route([basic], title="Ingetrokken")
    withdrawn.unpublish()

    # Two started in March; one completed in April.
    enrol(support_worker, day(3, 10), day(4, 2))
    enrol(support_worker, day(3, 20))
    # Started in December 2024, completed in 2025: not of this year's starters.
    enrol(support_worker, day(12, 20, 2024), day(1, 5))
    # Started in 2026: after the period.
    enrol(support_worker, day(1, 2, 2026))
    # Started and completed in June.
    enrol(psychologist, day(6, 1), day(6, 5))
    return {"sgg": sgg, "basic": basic, "specialist": specialist, "offer": offer}


def route_figures(response):
    return [
        (row.kind_label, row.name, row.started, row.completed, row.rate)
        for row in response.context["object_list"]
        if row.kind == "route"
    ]


def test_the_editor_sees_starters_and_finishers_per_route(editor, content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, YEAR)
    assert route_figures(response) == [
        ("Leerroute", "Inwerkroute begeleider", 2, 1, 50.0),
        ("Leerroute", "Inwerkroute psycholoog", 1, 1, 100.0),
    ]
    rows = response.context["object_list"]
    begeleider = next(row for row in rows if row.name == "Inwerkroute begeleider")
    assert begeleider.started_series == [0, 0, 2] + [0] * 9
    assert begeleider.completed_series == [0, 0, 0, 1] + [0] * 8
    assert rows[-2:] == [begeleider, rows[-1]]  # after the modules
    assert rows[0].started == 0  # routes are not in the modules' total
    html = response.content.decode()
    assert "Inwerkroute psycholoog" in html
    assert "Concept" not in html and "Ingetrokken" not in html


def test_the_exports_have_the_route_rows_of_the_screen(editor, content):
    with translation.override("nl"):
        expected = as_text(rows_of(report(editor, PROGRESS_URL, YEAR)))
        rows = csv_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "csv"}))
        workbook = xlsx_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "xlsx"}))
    assert rows[-2][:6] == ["Leerroute", "Inwerkroute begeleider", "", "2", "1", "50,0"]
    # March: two started; April: one completed.
    assert rows[-2][6:14] == ["0", "0", "0", "0", "2", "0", "0", "1"]
    assert rows[-1][:6] == ["Leerroute", "Inwerkroute psycholoog", "", "1", "1", "100,0"]
    assert as_text(rows[1:]) == expected
    assert as_text(workbook[1:]) == expected
    assert workbook[-1][:6] == ["Leerroute", "Inwerkroute psycholoog", None, 1, 1, 100]


def test_a_theme_or_a_module_shows_the_routes_with_a_step_on_it(editor, content):
    by_theme = report(editor, PROGRESS_URL, {**YEAR, "theme": content["sgg"].pk})
    assert [row[1] for row in route_figures(by_theme)] == ["Inwerkroute begeleider"]
    # A route with a step on one of the module's parts.
    by_module = report(editor, PROGRESS_URL, {**YEAR, "module": content["specialist"].pk})
    assert [row[1] for row in route_figures(by_module)] == ["Inwerkroute begeleider"]


def test_the_period_decides_who_counts(editor, content):
    response = report(editor, PROGRESS_URL, {"date_from": "2024-12-01", "date_to": "2025-04-30"})
    assert route_figures(response)[0][1:4] == ("Inwerkroute begeleider", 3, 2)
    response = report(editor, PROGRESS_URL, {"date_from": "2025-04-01", "date_to": "2025-05-31"})
    assert response.context["object_list"] == []  # nobody started a module or a route


def add_routes(content, count):
    for _number in range(count):
        route = factories.route([content["basic"], content["offer"]])
        enrol(route, day(5, 1), day(5, 9))
        enrol(route, day(7, 3))


# Measured for a Borgbureau editor: the routes cost three queries of the report's (the
# routes, the starters and the finishers per route and period).
@pytest.mark.parametrize(
    "params, queries",
    [(YEAR, 21), ({**YEAR, "export": "csv"}, 15), ({**YEAR, "theme": "sgg"}, 20)],
)
def test_the_route_rows_cost_the_same_queries_for_2_and_20_routes(client, content, params, queries):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    params = {
        name: content["sgg"].pk if value == "sgg" else value for name, value in params.items()
    }
    small = count_queries(client, PROGRESS_URL, params)
    add_routes(content, 18)
    large = count_queries(client, PROGRESS_URL, params)
    assert (small, large) == (queries, queries)
