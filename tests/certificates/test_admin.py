"""The admin screen "Certificates": what a Borgbureau editor sees, finds and exports, and
who is kept out."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from borg_learning.certificates.models import Certificate
from tests import factories
from tests.helpers.reports import count_queries, csv_rows, menu_item_names, xlsx_rows

pytestmark = pytest.mark.django_db

URL = "/admin/reports/certificates/"
#: A page of the screen for a Borgbureau editor, measured: the admin's own queries and
#: the certificates' count and page, however many certificates there are.
QUERIES = 10


def moment(year, month, day, hour=12):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


def certificate(code, title, kind, name, issued_at):
    return Certificate.objects.create(
        learner=factories.learner()[0],
        subject_kind=kind,
        subject_id=1,
        name=name,
        title=title,
        duration_minutes=70,
        completed_on=issued_at.date(),
        issuer="De Borg",
        issued_at=issued_at,
        code=code,
    )


@pytest.fixture
def certificates(db):
    """Three certificates: two of modules and one of a route, in 2026."""
    return [
        certificate(
            "ABCD2345EFGH", "Grenzen stellen", "MODULE", "Anna de Vries", moment(2026, 3, 2)
        ),
        certificate(
            "KMNP6789QRST", "Inwerkroute begeleider", "ROUTE", "Bram Jansen", moment(2026, 5, 9)
        ),
        certificate(
            "UVWX2345YZ23", "Omgaan met agressie", "MODULE", "Anna Smit", moment(2026, 7, 1)
        ),
    ]


@pytest.fixture
def borgbureau(client):
    """A Borgbureau editor: the group's view permission comes from the data migration."""
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    return client


def listed(response):
    return [
        (row.shown_code, row.title, row.subject_kind, row.name)
        for row in response.context["object_list"]
    ]


def test_an_editor_sees_the_certificates_newest_first(borgbureau, certificates):
    with translation.override("nl"):
        response = borgbureau.get(URL)
    assert response.status_code == 200
    assert listed(response) == [
        ("UVWX-2345-YZ23", "Omgaan met agressie", "MODULE", "Anna Smit"),
        ("KMNP-6789-QRST", "Inwerkroute begeleider", "ROUTE", "Bram Jansen"),
        ("ABCD-2345-EFGH", "Grenzen stellen", "MODULE", "Anna de Vries"),
    ]
    html = response.content.decode()
    for text in ("Bewijzen van deelname", "Controlecode", "Naam op het bewijs", "Leerroute"):
        assert text in html
    assert "9 mei 2026 12:00" in html
    # Read-only: no way to add, change or delete a certificate.
    assert "/edit/" not in html and "/delete/" not in html


@pytest.mark.parametrize(
    "search, names",
    [
        ("kmnp-6789-qrst", ["Bram Jansen"]),  # as printed, in small letters
        ("2345", ["Anna Smit", "Anna de Vries"]),  # part of two codes
        ("anna", ["Anna Smit", "Anna de Vries"]),
        ("de vries", ["Anna de Vries"]),
        ("onbekend", []),
    ],
)
def test_an_editor_finds_a_certificate_by_code_or_name(borgbureau, certificates, search, names):
    response = borgbureau.get(URL, {"q": search})
    assert [row[3] for row in listed(response)] == names


def test_an_editor_narrows_to_a_kind_and_a_period(borgbureau, certificates):
    routes = borgbureau.get(URL, {"subject_kind": "ROUTE"})
    assert [row[3] for row in listed(routes)] == ["Bram Jansen"]
    spring = {"issued_at_from": "2026-03-02", "issued_at_to": "2026-05-09"}
    period = borgbureau.get(URL, spring)
    assert [row[3] for row in listed(period)] == ["Bram Jansen", "Anna de Vries"]
    both = borgbureau.get(URL, {**spring, "subject_kind": "MODULE"})
    assert [row[3] for row in listed(both)] == ["Anna de Vries"]


def test_a_wrong_filter_gets_a_message_not_an_error(borgbureau, certificates):
    response = borgbureau.get(URL, {"subject_kind": "COURSE", "issued_at_from": "gisteren"})
    assert response.status_code == 200
    assert response.context["filters"].errors


def test_the_exports_have_the_rows_of_the_screen(borgbureau, certificates):
    certificates[0].name = "=HYPERLINK(1)"
    certificates[0].save()
    with translation.override("nl"):
        rows = csv_rows(borgbureau.get(URL, {"export": "csv", "subject_kind": "MODULE"}))
        workbook = xlsx_rows(borgbureau.get(URL, {"export": "xlsx"}))
    assert rows == [
        ["Controlecode", "Titel", "Soort", "Naam op het bewijs", "Uitgereikt op"],
        ["UVWX-2345-YZ23", "Omgaan met agressie", "Module", "Anna Smit", "2026-07-01 12:00"],
        ["ABCD-2345-EFGH", "Grenzen stellen", "Module", "'=HYPERLINK(1)", "2026-03-02 12:00"],
    ]
    assert workbook[0] == rows[0]
    assert workbook[2] == [
        "KMNP-6789-QRST",
        "Inwerkroute begeleider",
        "Leerroute",
        "Bram Jansen",
        datetime.datetime(2026, 5, 9, 12, 0),
    ]
    assert len(workbook) == 4


def test_who_sees_the_screen(client, certificates):
    group = Group.objects.create(name="Lezers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reader = factories.user("lezer", groups=[group])
    assert "certificates" not in menu_item_names(reader)
    client.force_login(reader)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        assert client.get(URL, params).status_code == 302
    assert client.get(URL + "results/").status_code == 302
    borgbureau = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert "certificates" in menu_item_names(borgbureau)


def test_a_page_costs_the_same_queries_for_3_and_30_certificates(borgbureau, certificates):
    small = count_queries(borgbureau, URL, {})
    for number in range(27):
        code = f"{number:02d}".translate(str.maketrans("0123456789", "23456789AB"))
        certificate(f"CODE{code}ZZZZZZ", "Grenzen stellen", "MODULE", "Anna", moment(2026, 8, 1))
    large = count_queries(borgbureau, URL, {})
    assert (small, large) == (QUERIES, QUERIES)
