"""Helpers of the example site's tests: an admin account, a preview token, report rows.

The app's own tests have the same in tests/factories.py and tests/helpers/; this suite
runs with example_project/ first on sys.path, where ``tests`` is this package.
"""

import csv
import io

import openpyxl
from django.contrib.auth import get_user_model


def superuser(username="admin"):
    return get_user_model().objects.create_superuser(
        username=username, email=f"{username}@example.org", password="password"
    )


def preview_token(page):
    """The token of a headless preview of the page's latest draft, as the admin makes it."""
    draft = type(page).objects.get(pk=page.pk).get_latest_revision_as_object()
    return draft.create_page_preview().token


# --- reading the admin reports -------------------------------------------------------


def report(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response


def rows_of(response):
    """The report's rows as the exports write them: ``list_export`` values, in order."""
    view = response.context["view"]
    return [
        [
            view.preprocess_field_value(field, value, "csv")
            for field, value in view.to_row_dict(row).items()
        ]
        for row in response.context["object_list"]
    ]


def csv_rows(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/csv"
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    assert response.status_code == 200, response.status_code
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def normal(value):
    """A figure from a CSV file (text) or a workbook (a number) as one comparable value."""
    if value is None or value == "":
        return ""
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def as_text(rows):
    """Rows of a report, a workbook or a CSV file with comparable values."""
    return [[normal(value) for value in row] for row in rows]
