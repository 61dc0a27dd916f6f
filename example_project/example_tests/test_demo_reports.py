"""The admin reports on the demo content: charts, and exports that match the report."""

import pytest

from tests.helpers.reports import as_text, csv_rows, report, rows_of, xlsx_rows

pytestmark = pytest.mark.django_db

EVALUATION_URL = "/admin/reports/evaluation/"
OPEN_ANSWERS_URL = "/admin/reports/open-answers/"
LEVEL_4_URL = "/admin/reports/level-4/"


@pytest.mark.parametrize(
    "url", [EVALUATION_URL, OPEN_ANSWERS_URL, LEVEL_4_URL, "/admin/reports/visits/"]
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
