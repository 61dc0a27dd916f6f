"""Reading the admin reports: their rows, their CSV and Excel exports, their menu and cost."""

import csv
import io
import re

import openpyxl
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.admin.menu import reports_menu

#: The period of the report data of ``tests/reports/conftest.py``.
YEAR = {"date_from": "2025-01-01", "date_to": "2025-12-31"}


def report(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response


def rows_of(response):
    """The report's rows as the exports write them: ``list_export`` values, in order."""
    view = response.context["view"]
    return [
        [
            figure(view.preprocess_field_value(field, value, "csv"))
            for field, value in view.to_row_dict(row).items()
        ]
        for row in response.context["object_list"]
    ]


def figure(value):
    """A CSV cell with a decimal comma ("3,5") as the number it stands for."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value):
        return float(value.replace(",", "."))
    return value


def csv_rows(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/csv"
    return parse_csv(b"".join(response.streaming_content))


def parse_csv(content):
    """A report's CSV as Dutch Excel reads it: UTF-8 after a byte order mark, ``;``
    between cells."""
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "no byte order mark"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def xlsx_rows(response):
    assert response.status_code == 200, response.status_code
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


def normal(value):
    """A figure from a CSV file (text) or a workbook (a number) as one comparable value."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value):
        value = value.replace(",", ".")  # a CSV figure has a decimal comma
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def as_text(rows):
    """Rows of a report, a workbook or a CSV file with comparable values."""
    return [[normal(value) for value in row] for row in rows]


def menu_item_names(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.name for item in reports_menu.menu_items_for_request(request)]


def count_queries(client, url, params):
    """The database queries of a report page, after a warm-up as on a live site."""
    client.get(url, params)  # warm-up, as on a live site
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def assert_readable_by_borgbureau_only(client, url, menu_name, params):
    """The Borgbureau group finds the report in the menu and reads it; an admin user with
    other permissions (visits only) neither sees it nor reads it or its exports."""
    from django.contrib.auth.models import Group, Permission

    from tests import factories

    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert menu_name in menu_item_names(editor)
    client.force_login(editor)
    assert client.get(url, params).status_code == 200
    group = Group.objects.create(name="Alleen bezoek")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_pagevisitday"])
    )
    reader = factories.user("lezer", groups=[group])
    assert menu_name not in menu_item_names(reader)
    client.force_login(reader)
    for export in ({}, {"export": "csv"}, {"export": "xlsx"}):
        assert client.get(url, {**params, **export}).status_code == 302
    assert client.get(f"{url}results/", params).status_code == 302


def refused_in_every_format(client, url, params):
    """The pages a wrong filter gets for the screen, the CSV and the XLSX: each the
    report's page (never a file), with the Dutch "fix the filter" message and no rows."""
    pages = []
    for export in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(url, {**params, **export})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert response.context["object_list"] == []
        html = response.content.decode()
        assert "Pas het filter aan om de cijfers te zien:" in html
        pages.append(html)
    return pages
