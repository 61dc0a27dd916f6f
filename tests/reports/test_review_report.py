"""The admin report of modules due for review: who sees it, what it lists, what it costs."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.menu import reports_menu
from wagtail.models import Page

from borg_learning.models import DevelopmentGroup, SpecialistModulePage
from borg_learning.models.modules import review_due_date_sql
from borg_learning.reports.review import due_for_review
from tests import factories
from tests.helpers.admin_forms import edit_url
from tests.helpers.reports import parse_csv

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]

REPORT_URL = "/admin/reports/modules-due-for-review/"
HEADINGS = [
    "Titel",
    "Type",
    "Laatst herzien",
    "Herzieningstermijn (maanden)",
    "Te herzien op",
    "Ontwikkelgroep",
    "Status",
]


@pytest.fixture
def admin(client):
    client.force_login(factories.superuser())
    return client


@pytest.fixture
def environment():
    return factories.learning_environment()


@pytest.fixture
def modules(environment):
    """A never-reviewed draft, two overdue modules and one reviewed today."""
    group = DevelopmentGroup.objects.create(name="Ontwikkelgroep SGG")
    return {
        "recent": factories.basic_module(
            environment,
            title="Vers herzien",
            last_reviewed=timezone.localdate(),
            review_interval_months=12,
        ),
        "overdue": factories.basic_module(
            environment,
            title="Al een tijd over tijd",
            last_reviewed=datetime.date(2022, 3, 15),
            review_interval_months=12,
        ),
        "never": published_long_ago_then_unpublished(environment, "Nooit herzien"),
        "long_overdue": factories.specialist_module(
            environment,
            title="Lang over tijd",
            last_reviewed=datetime.date(2019, 1, 31),
            review_interval_months=1,
            development_group=group,
        ),
    }


def published_long_ago_then_unpublished(environment, title):
    """Never reviewed: its review counts from its first publication, 10 January 2018."""
    module = factories.basic_module(environment, title=title)
    first = timezone.make_aware(datetime.datetime(2018, 1, 10, 9))
    type(module).objects.filter(pk=module.pk).update(first_published_at=first)
    module.refresh_from_db()
    return factories.unpublish(module)


def listed_titles(response):
    assert response.status_code == 200, response.status_code
    return [page.get_admin_display_title() for page in response.context["object_list"]]


def csv_rows(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/csv"
    return parse_csv(b"".join(response.streaming_content))


def xlsx_rows(response):
    assert response.status_code == 200, response.status_code
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return list(workbook.active.iter_rows(values_only=True))


# --- what it lists ----------------------------------------------------------------------


def test_an_admin_sees_the_modules_due_the_most_overdue_first(admin, modules):
    response = admin.get(REPORT_URL)
    assert listed_titles(response) == ["Nooit herzien", "Lang over tijd", "Al een tijd over tijd"]
    html = response.content.decode()
    assert "Modules aan herziening toe" in html
    assert "Vers herzien" not in html
    for key in ("never", "long_overdue", "overdue"):
        assert f'href="{edit_url(modules[key])}"' in html


def test_each_row_shows_the_review_fields_in_dutch(admin, modules):
    html = admin.get(REPORT_URL).content.decode()
    for text in (
        "Specialistische module",
        "Basismodule",
        "31 januari 2019",
        "1 maand",
        "28 februari 2019",
        "12 maanden",
        "15 maart 2023",
        "Ontwikkelgroep SGG",
        "Nooit (eerst gepubliceerd op 10 januari 2018)",
        "10 januari 2019",
        "concept",
        "live",
        "Te herzien op",
    ):
        assert text in html, text


def test_the_list_can_be_sorted_on_the_due_date_the_other_way(admin, modules):
    response = admin.get(REPORT_URL, {"ordering": "-review_due_date"})
    assert listed_titles(response) == ["Al een tijd over tijd", "Lang over tijd", "Nooit herzien"]


def test_a_changed_title_shows_as_the_editor_last_wrote_it(admin, modules):
    draft = modules["overdue"]
    draft.title = "Agressie, herschreven"
    draft.save_revision()
    response = admin.get(REPORT_URL, {"ordering": "draft_title"})
    assert listed_titles(response) == ["Agressie, herschreven", "Lang over tijd", "Nooit herzien"]
    rows = csv_rows(admin.get(REPORT_URL, {"ordering": "draft_title", "export": "csv"}))
    assert [row[0] for row in rows[1:]] == listed_titles(response)


def test_the_list_can_be_filtered_on_a_theme(admin, environment, modules):
    sgg, other = factories.theme(name="SGG"), factories.theme(name="Agressie")
    for key, themes in (
        ("long_overdue", [sgg]),
        ("never", [sgg, other]),
        ("overdue", [other]),
        ("recent", [sgg]),
    ):
        modules[key].themes.set(themes)
        modules[key].save()
    response = admin.get(REPORT_URL, {"theme": sgg.pk})
    assert listed_titles(response) == ["Nooit herzien", "Lang over tijd"]
    # The admin refreshes the results alone when a filter changes.
    response = admin.get(REPORT_URL + "results/", {"theme": other.pk})
    assert listed_titles(response) == ["Nooit herzien", "Al een tijd over tijd"]


def test_when_nothing_is_due_the_report_says_so(admin, environment):
    factories.basic_module(environment, last_reviewed=timezone.localdate())
    response = admin.get(REPORT_URL)
    assert listed_titles(response) == []
    assert "Er is geen module aan herziening toe." in response.content.decode()


def test_a_module_is_due_on_its_due_date_not_the_day_before(environment):
    factories.basic_module(
        environment,
        title="Jaarlijks",
        last_reviewed=datetime.date(2024, 2, 29),
        review_interval_months=12,
    )
    pages = Page.objects.all()
    assert not due_for_review(pages, today=datetime.date(2025, 2, 27)).exists()
    (page,) = due_for_review(pages, today=datetime.date(2025, 2, 28))
    assert page.review_due_date == datetime.date(2025, 2, 28)


@pytest.mark.parametrize(
    "last_reviewed, months",
    [
        (datetime.date(2024, 1, 31), 1),
        (datetime.date(2023, 1, 31), 1),
        (datetime.date(2023, 8, 31), 6),
        (datetime.date(2024, 2, 29), 12),
        (datetime.date(2024, 5, 31), 1),
        (datetime.date(2024, 11, 30), 3),
        (datetime.date(2024, 12, 31), 1),
        (datetime.date(2024, 12, 15), 14),
        (datetime.date(2024, 1, 1), 120),
        (datetime.date(2024, 3, 9), 24),
    ],
)
def test_the_database_computes_the_due_date_the_model_computes(environment, last_reviewed, months):
    module = factories.specialist_module(
        environment, last_reviewed=last_reviewed, review_interval_months=months
    )
    (page,) = due_for_review(Page.objects.all(), today=datetime.date(2100, 1, 1))
    assert page.review_due_date == module.review_due_date
    modules = SpecialistModulePage.objects.values_list(review_due_date_sql(), flat=True)
    assert list(modules) == [module.review_due_date]


# --- exports ----------------------------------------------------------------------------


def test_the_csv_export_has_the_rows_of_the_report(admin, modules):
    titles = listed_titles(admin.get(REPORT_URL))
    assert len(titles) == 3
    rows = csv_rows(admin.get(REPORT_URL, {"export": "csv"}))
    assert rows[0] == HEADINGS
    assert [row[0] for row in rows[1:]] == titles
    assert rows[1:] == [
        ["Nooit herzien", "Basismodule", "", "12", "2019-01-10", "", "concept"],
        [
            "Lang over tijd",
            "Specialistische module",
            "2019-01-31",
            "1",
            "2019-02-28",
            "Ontwikkelgroep SGG",
            "live",
        ],
        ["Al een tijd over tijd", "Basismodule", "2022-03-15", "12", "2023-03-15", "", "live"],
    ]


def test_the_csv_export_keeps_the_filter(admin, modules):
    theme = factories.theme(name="SGG")
    modules["overdue"].themes.set([theme])
    modules["overdue"].save()
    rows = csv_rows(admin.get(REPORT_URL, {"export": "csv", "theme": theme.pk}))
    assert [row[0] for row in rows[1:]] == ["Al een tijd over tijd"]


def test_the_xlsx_export_has_the_rows_of_the_report_with_real_dates(admin, modules):
    response = admin.get(REPORT_URL, {"export": "xlsx"})
    assert response["Content-Disposition"].startswith(
        'attachment; filename="modules-aan-herziening-toe-'
    )
    rows = xlsx_rows(response)
    assert list(rows[0]) == HEADINGS
    assert [row[0] for row in rows[1:]] == [
        "Nooit herzien",
        "Lang over tijd",
        "Al een tijd over tijd",
    ]
    assert rows[2][2] == datetime.date(2019, 1, 31)
    assert rows[2][4] == datetime.date(2019, 2, 28)


# --- who sees it ------------------------------------------------------------------------


def menu_item_names(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return [item.name for item in reports_menu.menu_items_for_request(request)]


def test_the_report_is_in_the_reports_menu(admin, environment):
    user = factories.superuser("beheerder")
    assert "modules-due-for-review" in menu_item_names(user)
    html = admin.get(reverse("wagtailadmin_home")).content.decode()
    assert REPORT_URL in html


def test_a_borgbureau_editor_sees_the_report_of_the_modules_they_edit(client, modules):
    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert "modules-due-for-review" in menu_item_names(editor)
    client.force_login(editor)
    assert listed_titles(client.get(REPORT_URL)) == [
        "Nooit herzien",
        "Lang over tijd",
        "Al een tijd over tijd",
    ]


def test_a_user_who_may_not_edit_pages_gets_no_report(client, modules):
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = factories.user("kijker", groups=[group])
    assert "modules-due-for-review" not in menu_item_names(user)
    client.force_login(user)
    # Wagtail sends a user without the permission back to the dashboard with a message.
    for url, params in (
        (REPORT_URL, {}),
        (REPORT_URL, {"export": "csv"}),
        (REPORT_URL + "results/", {}),
    ):
        response = client.get(url, params)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")


def test_an_anonymous_visitor_is_sent_to_the_login(client, modules):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# --- what it costs ----------------------------------------------------------------------


def add_due_modules(parent, count, group, theme):
    for index in range(count):
        make = factories.basic_module if index % 2 else factories.specialist_module
        module = make(
            parent,
            publish=index % 3 != 0,
            development_group=group,
            last_reviewed=datetime.date(2020, 1 + index % 12, 1),
        )
        module.themes.set([theme])
        module.save()


def count_report_queries(client, params):
    client.get(REPORT_URL, params)  # warm-up, as on a live site
    for cache in caches.all():
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(REPORT_URL, params)
    if params.get("export") == "csv":
        rows = len(csv_rows(response)) - 1
    elif params.get("export") == "xlsx":
        rows = len(xlsx_rows(response)) - 1
    else:
        rows = len(listed_titles(response))
    return len(captured), rows


# Of the listing, 7 queries are the admin's own (session, user, permissions, profile,
# page permissions, locales, collection permissions for the menu); the report adds the
# count, the rows, their workflow states, the themes of the filter and the explorer's
# root. An export has no menu, filter form or count; a theme filter looks the theme up.
@pytest.mark.parametrize(
    "params, queries",
    [
        ({}, 13),
        ({"export": "csv"}, 8),
        ({"export": "xlsx"}, 8),
        ({"theme": "sgg"}, 14),
    ],
)
def test_the_report_costs_the_same_queries_for_3_and_30_modules(
    client, environment, params, queries
):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    group, theme = DevelopmentGroup.objects.create(name="Ontwikkelgroep"), factories.theme()
    params = {name: theme.pk if value == "sgg" else value for name, value in params.items()}
    add_due_modules(factories.section(environment), 3, group, theme)
    small = count_report_queries(client, params)
    add_due_modules(factories.section(environment), 27, group, theme)
    large = count_report_queries(client, params)
    assert (small, large) == ((queries, 3), (queries, 30))
