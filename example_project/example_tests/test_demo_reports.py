"""The admin reports on the demo content: charts, and exports that match the report."""

import pytest
from django.utils import translation

from demo import routes
from tests.helpers.reports import as_text, csv_rows, report, rows_of, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_content(shared_demo_content, db):
    """One load of the demo content for the whole module: the reports only read it."""
    return shared_demo_content


EVALUATION_URL = "/admin/reports/evaluation/"
OPEN_ANSWERS_URL = "/admin/reports/open-answers/"
LEVEL_4_URL = "/admin/reports/level-4/"
PROGRESS_URL = "/admin/reports/progress/"
GAMIFICATION_URL = "/admin/reports/gamification/"


@pytest.mark.parametrize(
    "url",
    [
        EVALUATION_URL,
        OPEN_ANSWERS_URL,
        LEVEL_4_URL,
        "/admin/reports/visits/",
        PROGRESS_URL,
        GAMIFICATION_URL,
    ],
)
def test_the_reports_show_the_demo_data_with_charts_and_matching_exports(editor, demo_content, url):
    response = report(editor, url, {})
    rows = response.context["object_list"]
    assert len(rows) > 1
    assert 'class="borg-chart"' in response.content.decode()
    if url == OPEN_ANSWERS_URL:
        return  # paged: the exports hold every answer, the page 50 of them
    expected = as_text(rows_of(response))
    assert as_text(csv_rows(editor.get(url, {"export": "csv"}))[1:]) == expected
    assert as_text(xlsx_rows(editor.get(url, {"export": "xlsx"}))[1:]) == expected


def test_the_progress_report_shows_where_the_demo_learners_stop(editor, demo_content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, {})
    rows = {(row.kind, row.name): row for row in response.context["object_list"]}
    total, sgg = rows["total", "Alle modules"], rows["specialist", demo_content.sgg.title]
    basic = rows["basic", demo_content.basic_module.title]
    assert total.started == basic.started + sgg.started > 300
    assert 0 < total.completed < total.started
    assert sum(1 for count in total.started_series if count) >= 11  # a year of months
    parts = [rows["part", part.title] for part in demo_content.sgg_parts]
    assert [part.kind_label for part in parts] == ["Onderdeel 1", "Onderdeel 2", "Onderdeel 3"]
    reached = [sgg.started, *(part.started for part in parts)]
    assert reached == sorted(reached, reverse=True) and len(set(reached)) == 4
    assert 0 < sgg.completed <= parts[-1].completed
    html = response.content.decode()
    assert f"<figcaption>Waar lerenden stoppen: {demo_content.sgg.title}</figcaption>" in html


def test_the_progress_report_shows_the_demo_routes_and_exports_them(editor, demo_content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, {})
        csv = csv_rows(editor.get(PROGRESS_URL, {"export": "csv"}))
        workbook = xlsx_rows(editor.get(PROGRESS_URL, {"export": "xlsx"}))
    rows = [row for row in response.context["object_list"] if row.kind == "route"]
    assert [row.name for row in rows] == sorted(data["title"] for data in routes.ROUTES)
    for row in rows:
        assert row.kind_label == "Leerroute"
        assert 0 < row.completed < row.started
    expected = [line for line in as_text(rows_of(response)) if line[0] == "Leerroute"]
    assert len(expected) == 2
    assert [line for line in as_text(csv[1:]) if line[0] == "Leerroute"] == expected
    assert [line for line in as_text(workbook[1:]) if line[0] == "Leerroute"] == expected


def test_the_gamification_report_shows_the_demo_history_per_week(editor, demo_content):
    with translation.override("nl"):
        response = report(editor, GAMIFICATION_URL, {})
    whole, *weeks = response.context["object_list"]
    assert len(weeks) == 12  # the last twelve weeks
    assert whole["points"] == sum(week["points"] for week in weeks) > 0
    assert 0 < whole["earners"] <= sum(week["earners"] for week in weeks)
    assert whole["badges"] > 0 and whole["reviews"] > whole["recalled"] > 0
    assert 0 < whole["retention"] < 100
    assert sum(1 for week in weeks if week["reviews"]) >= 6
    html = response.content.decode()
    for title in ("Dagelijkse herhaling: onthouden per week (%)", "Punten per week"):
        assert f"<figcaption>{title}</figcaption>" in html
