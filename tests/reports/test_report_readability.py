"""The reports read well: every chart has a visible title and its legend in full, the
distributions are bars with their labels whole, the counts of the level rows are
explained, the filter button says what it is, open answers are filtered by the question's
text, and the downloads open in Dutch Excel with the site's own time."""

import datetime
import re
from pathlib import Path

import pytest
from django.utils import timezone

from borg_learning.reports.charts import line_chart
from tests import factories
from tests.factories import respond
from tests.helpers.reports import YEAR, csv_rows, report, xlsx_rows

pytestmark = pytest.mark.django_db

LEVEL_4_URL = "/admin/reports/level-4/"
EVALUATION_URL = "/admin/reports/evaluation/"
OPEN_ANSWERS_URL = "/admin/reports/open-answers/"
STATIC = Path(__file__).resolve().parents[2] / "borg_learning" / "static"
LONG_THEME = "Seksueel grensoverschrijdend gedrag"


@pytest.fixture
def answered(environment):
    theme = factories.theme(name=LONG_THEME)
    module = factories.basic_module(environment, title="Signaleren", themes=[theme])
    respond(module, datetime.date(2025, 3, 10), {101: 5, 201: ["Veel"], 302: "Eerder vragen."})
    respond(module, datetime.date(2025, 3, 20), {101: 4, 201: ["Iets"]})
    return module


def captions(html):
    return re.findall(r"<figcaption>(.*?)</figcaption>", html, flags=re.S)


def test_each_chart_has_a_visible_title_and_its_legend_in_full(editor, answered):
    html = report(editor, LEVEL_4_URL, YEAR).content.decode()
    assert captions(html) == [
        "Niveau 4 per thema (0–100)",
        "Hele leeromgeving: niveau 1, 2 en 3 (0–100)",
        f"{LONG_THEME}: niveau 1, 2 en 3 (0–100)",
    ]
    legend = re.findall(r'class="borg-chart-legend__swatch"[^>]*></span>([^<]*)</li>', html)
    assert LONG_THEME in legend
    assert "…" not in "".join(legend)


def test_a_chart_has_no_legend_cut_in_its_picture():
    chart = line_chart("Bezoeken", ["jan"], [("Totaal", [1]), (LONG_THEME, [1])])
    assert "grensoverschrijd…" not in str(chart)
    assert chart.title == "Bezoeken"
    assert [name for name, _colour in chart.legend] == ["Totaal", LONG_THEME]


def test_distributions_are_bars_with_whole_labels_and_counts(editor, answered):
    html = report(editor, EVALUATION_URL, YEAR).content.decode()
    items = re.findall(
        r'borg-distribution__label">([^<]*)</span><span class="borg-distribution__bar" '
        r'style="width:(\d+)%[^"]*"></span><span class="borg-distribution__count">(\d+)<',
        html,
    )
    assert ("Veel", "50", "1") in items
    assert ("Iets", "50", "1") in items
    assert ("Niets", "0", "0") in items
    assert 'href="/static/borg_learning/admin/reports.css"' in html  # their layout


def test_the_report_explains_why_level_4_counts_more_responses(editor, answered):
    html = report(editor, EVALUATION_URL, YEAR).content.decode()
    assert "niveau 4 telt daarom meer vragenlijsten dan niveau 1" in html.lower()


def test_the_filter_button_gets_a_visible_label(editor, answered):
    css = (STATIC / "borg_learning/admin/reports.css").read_text()
    assert "#filters-drilldown .w-dropdown__toggle[aria-label]::after" in css
    assert "content: attr(aria-label)" in css
    html = report(editor, EVALUATION_URL, YEAR).content.decode()
    assert 'aria-label="Toon filters"' in html


def test_open_answers_are_filtered_by_the_questions_text(editor, answered):
    response = report(editor, OPEN_ANSWERS_URL, YEAR)
    field = response.context["view"].filters.form.fields["question"]
    assert [label for _value, label in field.choices] == [
        "Alle open vragen",
        "Wat doe je nu anders?",
    ]
    html = response.content.decode()
    assert "Vraagnummer" not in html


def test_the_csv_opens_in_dutch_excel(editor, answered):
    response = editor.get(EVALUATION_URL, {**YEAR, "export": "csv"})
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    first_line = content.decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Niveau;Vraag;Type;Ingevulde vragenlijsten;")
    rows = csv_rows(editor.get(EVALUATION_URL, {**YEAR, "export": "csv"}))
    assert rows[1][4:6] == ["4,5", "87,5"]  # the average and score of question 101


def test_exports_give_moments_in_the_sites_time_zone(editor, answered):
    noon = timezone.make_aware(datetime.datetime(2025, 3, 10, 12, 0))  # 11:00 UTC
    assert noon.astimezone(datetime.UTC).hour == 11
    rows = csv_rows(editor.get(OPEN_ANSWERS_URL, {**YEAR, "export": "csv"}))
    assert rows[1][0] == "2025-03-10 12:00"
    rows = xlsx_rows(editor.get(OPEN_ANSWERS_URL, {**YEAR, "export": "xlsx"}))
    assert rows[1][0] == datetime.datetime(2025, 3, 10, 12, 0)
