"""The report "Progress": learners who started and completed modules and parts."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from django.utils.translation import gettext
from wagtail import hooks

from borg_learning.learners.progress_figures import ROWS_HOOK, ProgressRow
from tests import factories
from tests.factories import moment
from tests.helpers.learners import parts as parts_of
from tests.helpers.reports import (
    YEAR,
    as_text,
    count_queries,
    csv_rows,
    menu_item_names,
    report,
    rows_of,
    xlsx_rows,
)

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]

PROGRESS_URL = "/admin/reports/progress/"


def day(month, date, year=2025):
    return moment(datetime.date(year, month, date))


def seen(learner, page, module, when):
    """The learner opened ``page`` (of ``module``) at ``when``."""
    return factories.progress(learner, page, module=module, updated_at=when, completed_at=when)


def done(learner, page, module, when):
    """The learner completed ``page`` (of ``module``) at ``when``, having seen it."""
    seen(learner, page, module, when)
    return factories.completion(learner, page, module=module, completed_at=when)


@pytest.fixture
def content(environment):
    """A basic module (SGG) and a specialist module of three parts (Agressie); learners
    who started in 2025, one before and one after."""
    sgg, aggression = factories.theme(name="SGG"), factories.theme(name="Agressie")
    basic = factories.basic_module(environment, title="Basis SGLVG", themes=[sgg])
    specialist = factories.specialist_module(
        environment, title="Omgaan met agressie", themes=[aggression], parts=3
    )
    parts = parts_of(specialist)

    def learner():
        return factories.learner()[0]

    # The basic module: one of two starters in March completed it.
    first = learner()
    done(first, basic, basic, day(3, 10))
    seen(learner(), basic, basic, day(3, 20))
    # Started in December 2024, completed in 2025: not of this year's starters.
    earlier = learner()
    seen(earlier, basic, basic, day(12, 20, 2024))
    factories.completion(earlier, basic, completed_at=day(1, 5))
    # Started in 2026: after the period.
    seen(learner(), basic, basic, day(1, 2, 2026))

    # The specialist module: three started in May and June; one went all the way.
    finisher = learner()
    seen(finisher, specialist, specialist, day(5, 2))
    done(finisher, parts[0], specialist, day(5, 2))
    done(finisher, parts[1], specialist, day(5, 3))
    done(finisher, parts[2], specialist, day(6, 1))
    factories.completion(finisher, specialist, completed_at=day(6, 1))
    halfway = learner()
    seen(halfway, specialist, specialist, day(5, 5))
    done(halfway, parts[0], specialist, day(5, 5))
    seen(halfway, parts[1], specialist, day(5, 6))
    glance = learner()
    seen(glance, specialist, specialist, day(6, 10))
    return {"sgg": sgg, "aggression": aggression, "basic": basic, "specialist": specialist}


def figures(response):
    return [
        (row.kind_label, row.name, row.module_title, row.started, row.completed, row.rate)
        for row in response.context["object_list"]
    ]


def test_the_editor_sees_starters_and_finishers_per_module_part_and_theme(editor, content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, YEAR)
        assert figures(response) == [
            ("Totaal", "Alle modules", "", 5, 2, 40.0),
            ("Thema", "Agressie", "", 3, 1, 33.3),
            ("Thema", "SGG", "", 2, 1, 50.0),
            ("Basismodule", "Basis SGLVG", "", 2, 1, 50.0),
            ("Specialistische module", "Omgaan met agressie", "", 3, 1, 33.3),
            ("Onderdeel 1", "Onderdeel 1", "Omgaan met agressie", 2, 2, 100.0),
            ("Onderdeel 2", "Onderdeel 2", "Omgaan met agressie", 2, 1, 50.0),
            ("Onderdeel 3", "Onderdeel 3", "Omgaan met agressie", 1, 1, 100.0),
        ]
        total = response.context["object_list"][0]
        assert total.started_series == [0, 0, 2, 0, 2, 1, 0, 0, 0, 0, 0, 0]
        assert total.completed_series == [0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0]
        html = response.content.decode()
        assert "33,3" in html  # a Dutch decimal comma on the screen
        assert html.count('class="borg-chart"') == 4
        for title in (
            "Lerenden die een module begonnen en afrondden, per periode",
            "Afgerond per module (% van de lerenden die begonnen)",
            "Gestart en afgerond per thema",
            "Waar lerenden stoppen: Omgaan met agressie",
        ):
            assert f"<figcaption>{title}</figcaption>" in html
        # The funnel: who started, reached each part and completed, with whole labels.
        assert "Onderdeel 2 bereikt: Onderdeel 2" in html
        assert "Module afgerond" in html
        # The legend names both lines in full.
        assert '<ul class="borg-chart-legend"' in html and "Gestart</li>" in html


def test_the_exports_have_the_figures_of_the_screen_and_the_series(editor, content):
    with translation.override("nl"):
        response = report(editor, PROGRESS_URL, YEAR)
        expected = as_text(rows_of(response))
        assert expected[0][:6] == ["Totaal", "Alle modules", "", 5.0, 2.0, 40.0]
        # March: two started, one completed; May: two started.
        assert expected[0][6:16] == [0.0, 0.0, 0.0, 0.0, 2.0, 1.0, 0.0, 0.0, 2.0, 0.0]
        rows = csv_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "csv"}))
    assert rows[0][:8] == [
        "Soort",
        "Naam",
        "Hoort bij",
        "Gestart",
        "Afgerond",
        "Afgerond (%)",
        "Gestart januari 2025",
        "Afgerond januari 2025",
    ]
    assert len(rows[0]) == 6 + 2 * 12
    assert rows[2][5] == "33,3"  # a decimal comma, as Dutch Excel reads it
    assert as_text(rows[1:]) == expected
    with translation.override("nl"):
        workbook = xlsx_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "xlsx"}))
    assert as_text(workbook[1:]) == expected
    assert workbook[1][3] == 5


def test_a_theme_or_a_module_narrows_the_figures(editor, content):
    response = report(editor, PROGRESS_URL, {**YEAR, "theme": content["sgg"].pk})
    assert [row[1:5] for row in figures(response)] == [
        (gettext("Selection"), "", 2, 1),
        ("SGG", "", 2, 1),
        ("Basis SGLVG", "", 2, 1),
    ]
    response = report(editor, PROGRESS_URL, {**YEAR, "module": content["specialist"].pk})
    assert [row[1:5] for row in figures(response)] == [
        (gettext("Selection"), "", 3, 1),
        ("Agressie", "", 3, 1),
        ("Omgaan met agressie", "", 3, 1),
        ("Onderdeel 1", "Omgaan met agressie", 2, 2),
        ("Onderdeel 2", "Omgaan met agressie", 2, 1),
        ("Onderdeel 3", "Omgaan met agressie", 1, 1),
    ]


def test_the_period_decides_who_counts(editor, content):
    # From May: only the specialist module's starters.
    response = report(editor, PROGRESS_URL, {"date_from": "2025-05-01", "date_to": "2025-05-31"})
    assert figures(response)[0][3:5] == (2, 0)  # the finisher completed in June
    # December 2024 to January 2025: the early starter, who completed in January.
    response = report(editor, PROGRESS_URL, {"date_from": "2024-12-01", "date_to": "2025-01-31"})
    assert figures(response)[0][3:5] == (1, 1)
    # Per quarter.
    response = report(editor, PROGRESS_URL, {**YEAR, "interval": "quarter"})
    total = response.context["object_list"][0]
    assert total.started_series == [2, 3, 0, 0]
    assert total.completed_series == [1, 1, 0, 0]


def test_without_progress_the_report_says_so(editor, environment):
    factories.basic_module(environment, title="Niemand begon")
    with translation.override("nl"):
        html = report(editor, PROGRESS_URL, YEAR).content.decode()
    assert "Geen lerende begon een module in deze periode." in html


@pytest.mark.parametrize(
    "params, field",
    [
        ({"date_from": "gisteren"}, "date_from"),
        ({"date_from": "2025-06-01", "date_to": "2025-01-01"}, "date_to"),
        ({"date_from": "1800-01-01"}, "date_from"),
        ({"theme": "999999"}, "theme"),
        ({"module": "geen"}, "module"),
        ({"interval": "eeuw"}, "interval"),
    ],
)
def test_wrong_filters_get_a_dutch_message_and_no_figures(editor, content, params, field):
    for export in ("", "csv", "xlsx"):
        with translation.override("nl"):
            response = editor.get(PROGRESS_URL, {**params, "export": export} if export else params)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert list(response.context["view"].filters.form.errors) == [field]
        assert response.context["object_list"] == []
        html = response.content.decode()
        assert "Pas het filter aan om de cijfers te zien:" in html


def test_unknown_parameters_are_ignored(editor, content):
    response = report(editor, PROGRESS_URL, {**YEAR, "page": "x", "ordering": "drop table"})
    assert figures(response)[0][3:5] == (5, 2)
    response = report(editor, PROGRESS_URL, {**YEAR, "export": "pdf"})  # no such format
    assert response["Content-Type"].startswith("text/html")
    assert figures(response)[0][3:5] == (5, 2)


def test_who_sees_the_report(client, content):
    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert "progress" in menu_item_names(editor)
    client.force_login(editor)
    assert client.get(PROGRESS_URL, YEAR).status_code == 200
    group = Group.objects.create(name="Alleen bezoek")
    group.permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_pagevisitday"])
    )
    reader = factories.user("lezer", groups=[group])
    assert "progress" not in menu_item_names(reader)
    client.force_login(reader)
    for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
        assert client.get(PROGRESS_URL, params).status_code == 302
    assert client.get(PROGRESS_URL.replace("progress/", "progress/results/")).status_code == 302


def test_other_features_add_their_rows_after_the_modules(editor, content):
    def route_rows(scope):
        buckets = len(scope.buckets())
        return [
            ProgressRow(
                "route",
                "Inwerkprogramma begeleider",
                [0, 0, 4] + [0] * (buckets - 3),
                [0, 0, 0, 1] + [0] * (buckets - 4),
                kind_label="Leerroute",
            )
        ]

    with hooks.register_temporarily(ROWS_HOOK, route_rows):
        response = report(editor, PROGRESS_URL, YEAR)
        rows = csv_rows(editor.get(PROGRESS_URL, {**YEAR, "export": "csv"}))
    assert figures(response)[-1] == ("Leerroute", "Inwerkprogramma begeleider", "", 4, 1, 25.0)
    assert figures(response)[0][3:5] == (5, 2)  # not in the modules' total
    assert rows[-1][:6] == ["Leerroute", "Inwerkprogramma begeleider", "", "4", "1", "25,0"]


def add_modules(environment, theme, count, learners):
    """``count`` more specialist modules of two parts, each started by ``learners``."""
    for number in range(count):
        module = factories.specialist_module(
            environment, title=f"Module {number}", themes=[theme], parts=2, blocks_per_part=1
        )
        parts = parts_of(module)
        for _index in range(learners):
            learner = factories.learner()[0]
            seen(learner, module, module, day(4, 1 + number % 28))
            done(learner, parts[0], module, day(4, 1 + number % 28))


# Measured for a Borgbureau editor: the report counts in 7 queries (the modules, the
# module starts, the part starts, the completions per page and period, the parts, the
# module's themes and the themes), and the learning routes ask for their routes (none
# here, so no counts); the rest is the admin's own and the filter form's choices, which
# an export leaves out.
@pytest.mark.parametrize(
    "params, queries",
    [
        (YEAR, 19),
        ({**YEAR, "export": "csv"}, 13),
        ({**YEAR, "export": "xlsx"}, 13),
        ({**YEAR, "theme": "aggression"}, 19),
    ],
)
def test_the_report_costs_the_same_queries_for_3_and_30_modules(
    client, content, environment, params, queries
):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    params = {
        name: content["aggression"].pk if value == "aggression" else value
        for name, value in params.items()
    }
    add_modules(environment, content["aggression"], 1, learners=1)
    small = count_queries(client, PROGRESS_URL, params)
    add_modules(environment, content["aggression"], 27, learners=3)
    large = count_queries(client, PROGRESS_URL, params)
    assert (small, large) == (queries, queries)
