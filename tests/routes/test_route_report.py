"""The learning routes' rows in the report "Progress": who started and who completed a
route, and how far they got step by step, per month, on the screen, in the charts and
in the exports."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from borg_learning.routes.models import RouteEnrolment, StepDone
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
    and a withdrawn one nobody followed. The steps the learners did, by their own rule:
    a module or part completed, an offer or assignment marked."""
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
    gone = factories.OfferingFactory(title="Opgeheven cursus")
    psychologist = factories.route([offer, gone], title="Inwerkroute psycholoog")
    gone.delete()  # the step stays, without its offer: it no longer counts
    factories.route([basic], title="Concept", publish=False)
    withdrawn = factories.route([basic], title="Ingetrokken")
    withdrawn.unpublish()
    basic_step, part_step, assignment = support_worker.steps.all()
    offer_step = psychologist.steps.first()

    # Two started in March; one completed in April, having done the basic module in
    # February (it counts from the day they started), the part in March and the
    # assignment in April.
    finisher = enrol(support_worker, day(3, 10), day(4, 2)).learner
    factories.completion(finisher, basic, completed_at=day(2, 1))
    factories.completion(finisher, part, module=specialist, completed_at=day(3, 15))
    mark(finisher, assignment, day(4, 1))
    # The other did the basic module in March and the part only in 2026; they also
    # marked the psychologist's offer, a route they did not start.
    halfway = enrol(support_worker, day(3, 20)).learner
    factories.completion(halfway, basic, completed_at=day(3, 25))
    factories.completion(halfway, part, module=specialist, completed_at=day(1, 5, 2026))
    mark(halfway, offer_step, day(3, 26))
    # Started in December 2024, completed in 2025: not of this year's starters.
    earlier = enrol(support_worker, day(12, 20, 2024), day(1, 5)).learner
    factories.completion(earlier, basic, completed_at=day(1, 2))
    # Started in 2026: after the period.
    enrol(support_worker, day(1, 2, 2026))
    # Started and completed in June, the offer marked on the way.
    psychologist_learner = enrol(psychologist, day(6, 1), day(6, 5)).learner
    mark(psychologist_learner, offer_step, day(6, 3))
    return {
        "sgg": sgg,
        "basic": basic,
        "specialist": specialist,
        "offer": offer,
        "steps": [basic_step, part_step, assignment],
    }


def mark(learner, step, when):
    return StepDone.objects.create(learner=learner, step=step, done_on=when.date(), marked_at=when)


def route_figures(response):
    return [
        (row.kind_label, row.name, row.started, row.completed, row.rate)
        for row in response.context["object_list"]
        if row.kind in ("route", "step")
    ]


def test_the_editor_sees_starters_and_finishers_per_route_and_step(editor, content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, YEAR)
    assert route_figures(response) == [
        ("Leerroute", "Inwerkroute begeleider", 2, 1, 50.0),
        ("Stap 1", "Basis SGLVG", 2, 2, 100.0),
        ("Stap 2", "Onderdeel 1", 2, 1, 50.0),
        ("Stap 3", "Loop een dienst mee", 2, 1, 50.0),
        ("Leerroute", "Inwerkroute psycholoog", 1, 1, 100.0),
        ("Stap 1", "Basiscursus LVB", 1, 1, 100.0),
    ]
    rows = response.context["object_list"]
    begeleider = next(row for row in rows if row.name == "Inwerkroute begeleider")
    assert begeleider.started_series == [0, 0, 2] + [0] * 9
    assert begeleider.completed_series == [0, 0, 0, 1] + [0] * 8
    first, second, third = begeleider.parts
    # Done in February, before the route: it counts in March, when they started it.
    assert first.completed_series == [0, 0, 2] + [0] * 9
    assert third.completed_series == [0, 0, 0, 1] + [0] * 8
    assert {step.module_title for step in begeleider.parts} == {"Inwerkroute begeleider"}
    assert rows[-6] == begeleider  # after the modules
    assert rows[0].started == 0  # routes are not in the modules' total
    html = response.content.decode()
    assert "Inwerkroute psycholoog" in html
    assert "Concept" not in html and "Ingetrokken" not in html
    assert "Opgeheven cursus" not in html


def test_a_funnel_per_route_shows_where_learners_stop(editor, content):
    with translation.override("nl"):
        html = report(editor, PROGRESS_URL, YEAR).content.decode()
    for title in (
        "Leerroute: afgerond (% van de lerenden die begonnen)",
        "Waar lerenden stoppen: Inwerkroute begeleider",
        "Waar lerenden stoppen: Inwerkroute psycholoog",
    ):
        assert f"<figcaption>{title}</figcaption>" in html
    funnel = html.split("Waar lerenden stoppen: Inwerkroute begeleider", 1)[1]
    funnel = funnel.split("Waar lerenden stoppen: Inwerkroute psycholoog", 1)[0]
    labels = ["Route gestart", "Stap 1 gedaan: Basis SGLVG", "Stap 2 gedaan: Onderdeel 1"]
    labels += ["Stap 3 gedaan: Loop een dienst mee", "Route afgerond"]
    assert [funnel.index(label) for label in labels] == sorted(
        funnel.index(label) for label in labels
    )


def test_the_funnel_follows_the_step_order(editor, content):
    basic_step, part_step, assignment = content["steps"]
    for order, step in enumerate([assignment, basic_step, part_step]):
        step.sort_order = order
        step.save()
    response = report(editor, PROGRESS_URL, YEAR)
    begeleider = next(
        row for row in response.context["object_list"] if row.name == "Inwerkroute begeleider"
    )
    assert [(step.number, step.name, step.completed) for step in begeleider.parts] == [
        (1, "Loop een dienst mee", 1),
        (2, "Basis SGLVG", 2),
        (3, "Onderdeel 1", 1),
    ]
    assert [value for _label, value in begeleider.funnel] == [2, 1, 2, 1, 1]


def test_the_exports_have_the_route_rows_of_the_screen(editor, content):
    with translation.override("nl"):
        expected = as_text(rows_of(report(editor, PROGRESS_URL, YEAR)))
        rows = csv_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "csv"}))
        workbook = xlsx_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "xlsx"}))
    assert rows[0][2] == "Hoort bij"
    assert rows[-6][:6] == ["Leerroute", "Inwerkroute begeleider", "", "2", "1", "50,0"]
    # March: two started; April: one completed.
    assert rows[-6][6:14] == ["0", "0", "0", "0", "2", "0", "0", "1"]
    assert rows[-4][:6] == ["Stap 2", "Onderdeel 1", "Inwerkroute begeleider", "2", "1", "50,0"]
    assert rows[-2][:6] == ["Leerroute", "Inwerkroute psycholoog", "", "1", "1", "100,0"]
    assert as_text(rows[1:]) == expected
    assert as_text(workbook[1:]) == expected
    assert workbook[-1][:6] == ["Stap 1", "Basiscursus LVB", "Inwerkroute psycholoog", 1, 1, 100]


def route_names(response):
    return [row.name for row in response.context["object_list"] if row.kind == "route"]


def test_a_theme_or_a_module_shows_the_routes_with_a_step_on_it(editor, content):
    by_theme = report(editor, PROGRESS_URL, {**YEAR, "theme": content["sgg"].pk})
    assert route_names(by_theme) == ["Inwerkroute begeleider"]
    # A route with a step on one of the module's parts.
    by_module = report(editor, PROGRESS_URL, {**YEAR, "module": content["specialist"].pk})
    assert route_names(by_module) == ["Inwerkroute begeleider"]


def test_the_period_decides_who_counts(editor, content):
    response = report(editor, PROGRESS_URL, {"date_from": "2024-12-01", "date_to": "2025-04-30"})
    assert route_figures(response)[0][1:4] == ("Inwerkroute begeleider", 3, 2)
    # The one who started in December did the basic module; by April one more had.
    assert route_figures(response)[1][1:4] == ("Basis SGLVG", 3, 3)
    response = report(editor, PROGRESS_URL, {"date_from": "2025-04-01", "date_to": "2025-05-31"})
    assert response.context["object_list"] == []  # nobody started a module or a route


def add_routes(content, count):
    for _number in range(count):
        route = factories.route([content["basic"], content["offer"], {"title": "Meelopen"}])
        finisher = enrol(route, day(5, 1), day(5, 9)).learner
        factories.completion(finisher, content["basic"], completed_at=day(5, 2))
        for step in route.steps.all()[1:]:
            mark(finisher, step, day(5, 3))
        enrol(route, day(7, 3))


# Measured for a Borgbureau editor: the routes cost six queries of the report's (the
# routes, the starters and the finishers per route and period, the steps, the steps done
# by completing a page and those marked done).
@pytest.mark.parametrize(
    "params, queries",
    [(YEAR, 24), ({**YEAR, "export": "csv"}, 18), ({**YEAR, "theme": "sgg"}, 23)],
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
