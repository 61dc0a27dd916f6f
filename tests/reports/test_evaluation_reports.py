"""The evaluation reports: figures per question and level, open answers and level 4."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django.utils.translation import gettext

from tests import factories
from tests.factories import respond, respond_many
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

EVALUATION_URL = "/admin/reports/evaluation/"
OPEN_ANSWERS_URL = "/admin/reports/open-answers/"
LEVEL_4_URL = "/admin/reports/level-4/"


# --- per question and per level ---------------------------------------------------------


EXPECTED_YEAR = [
    # level, question, type, responses, average, score, distribution, open answers
    [
        "1 – Reaction",
        "Hoe tevreden ben je over de module?",
        "Likert scale 1–5",
        3,
        3.0,
        50.0,
        "1: 1; 2: 0; 3: 1; 4: 0; 5: 1",
        0,
    ],
    [
        "1 – Reaction",
        "Welk cijfer geef je de module?",
        "Scale 1–10",
        3,
        6.0,
        55.6,
        "1: 1; 2: 0; 3: 0; 4: 0; 5: 0; 6: 0; 7: 1; 8: 0; 9: 0; 10: 1",
        0,
    ],
    ["1 – Reaction", "All questions of this level", "", 3, None, 52.8, "", 0],
    [
        "2 – Learning",
        "Wat heb je geleerd over SGLVG?",
        "Single choice",
        3,
        None,
        None,
        "Veel: 2; Iets: 1; Niets: 0",
        0,
    ],
    [
        "2 – Learning",
        "Welke werkvormen hielpen?",
        "Multiple choice",
        2,
        None,
        None,
        "Tekst: 1; Video: 2; Oefening: 0",
        0,
    ],
    [
        "2 – Learning",
        "Hoe zeker ben je van je kennis?",
        "Likert scale 1–5",
        2,
        3.0,
        50.0,
        "1: 0; 2: 1; 3: 0; 4: 1; 5: 0",
        0,
    ],
    ["2 – Learning", "All questions of this level", "", 3, None, 50.0, "", 0],
    [
        "3 – Behaviour",
        "Pas je het geleerde toe?",
        "Likert scale 1–5",
        2,
        3.0,
        50.0,
        "1: 0; 2: 1; 3: 0; 4: 1; 5: 0",
        0,
    ],
    ["3 – Behaviour", "Wat doe je nu anders?", "Open text", 2, None, None, "", 2],
    ["3 – Behaviour", "All questions of this level", "", 2, None, 50.0, "", 0],
    ["4 – Results", "Mean of the scores of levels 1, 2 and 3", "", 3, None, 50.9, "", 0],
]


def translated(rows):
    """The expected rows with their labels in the admin's language."""
    return [
        [
            gettext(value) if isinstance(value, str) and index in (0, 1, 2) else value
            for index, value in enumerate(row)
        ]
        for row in rows
    ]


def test_the_report_shows_each_question_and_level_with_a_chart(editor, content):
    response = report(editor, EVALUATION_URL, YEAR)
    assert rows_of(response) == translated(EXPECTED_YEAR)
    html = response.content.decode()
    assert html.count('class="borg-chart"') == 1  # the level chart
    assert html.count('class="borg-distribution"') == 6  # bars per distribution
    assert 'role="img"' in html and "<title>" in html
    assert gettext("Score per level (0–100)") in html
    assert "Hoe tevreden ben je over de module?" in html
    assert "52,8" in html and "55,6" in html  # figures in the Dutch way
    assert "Veel</span>" in html and "Niets</span>" in html  # each option in full


def test_the_exports_have_the_figures_of_the_report(editor, content):
    expected = as_text(rows_of(report(editor, EVALUATION_URL, YEAR)))
    heading = [
        gettext(label)
        for label in (
            "Level",
            "Question",
            "Type",
            "Responses",
            "Average (1–5 or 1–10)",
            "Score (0–100)",
            "Distribution",
            "Open answers",
        )
    ]
    rows = csv_rows(editor.get(EVALUATION_URL, {**YEAR, "export": "csv"}))
    assert rows[0] == heading
    assert as_text(rows[1:]) == expected
    rows = xlsx_rows(editor.get(EVALUATION_URL, {**YEAR, "export": "xlsx"}))
    assert rows[0] == heading
    assert as_text(rows[1:]) == expected
    assert rows[1][3:6] == [3, 3.0, 50]  # numbers stay numbers in the workbook


def questions_and_scores(response):
    return [
        (row.text, row.responses, row.score)
        for row in response.context["object_list"]
        if row.question_id in (101, 102)
    ]


def test_a_theme_module_or_period_narrows_the_figures(editor, content):
    response = report(editor, EVALUATION_URL, {**YEAR, "theme": content["sgg"].pk})
    assert questions_and_scores(response) == [
        ("Hoe tevreden ben je over de module?", 2, 75.0),
        ("Welk cijfer geef je de module?", 2, 83.3),
    ]
    response = report(editor, EVALUATION_URL, {**YEAR, "module": content["specialist"].pk})
    assert questions_and_scores(response) == [
        ("Hoe tevreden ben je over de module?", 1, 0.0),
        ("Welk cijfer geef je de module?", 1, 0.0),
    ]
    response = report(editor, EVALUATION_URL, {"date_from": "2024-12-01", "date_to": "2024-12-31"})
    assert questions_and_scores(response) == [("Hoe tevreden ben je over de module?", 1, 100.0)]
    response = report(editor, EVALUATION_URL, {**YEAR, "part": "follow_up"})
    assert response.context["object_list"] == []
    assert gettext("No answers in this period.") in response.content.decode()


def test_by_default_the_report_counts_the_last_twelve_months(editor, content):
    today = timezone.localdate()
    respond(content["basic"], today, {101: 4})
    respond(content["basic"], today - datetime.timedelta(days=400), {101: 2})
    response = report(editor, EVALUATION_URL, {})
    assert [row.responses for row in response.context["object_list"] if row.question_id == 101] == [
        1
    ]


@pytest.mark.parametrize(
    "params, field",
    [
        ({"date_from": "gisteren"}, "date_from"),
        ({"date_from": "2025-02-30"}, "date_from"),
        ({"date_to": "9999-12-31"}, "date_to"),
        ({"date_from": "2025-06-01", "date_to": "2025-01-01"}, "date_to"),
        ({"date_from": "1990-01-01", "date_to": "2025-01-01"}, "date_from"),
        ({"theme": "99999"}, "theme"),
        ({"theme": "sgg"}, "theme"),
        ({"module": "-1"}, "module"),
        ({"part": "later"}, "part"),
    ],
)
def test_a_wrong_filter_gets_a_message_on_the_field_and_no_figures(editor, content, params, field):
    for extra in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = editor.get(EVALUATION_URL, {**params, **extra})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        view = response.context["view"]
        assert list(view.filters.form.errors) == [field]
        assert response.context["object_list"] == []
        assert gettext("Fix the filter to see the figures:") in response.content.decode()
        # Nothing was counted, so the report does not claim there is nothing to count.
        assert gettext("No answers in this period.") not in response.content.decode()


def test_a_wrong_filter_message_is_in_dutch(editor, content):
    html = editor.get(EVALUATION_URL, {"date_from": "gisteren", "theme": "99999"}).content.decode()
    assert "Voer een geldige datum in." in html
    assert "Selecteer een geldige keuze." in html


# --- open answers ------------------------------------------------------------------------


def test_the_open_answers_are_listed_newest_first_and_export(editor, content):
    response = report(editor, OPEN_ANSWERS_URL, YEAR)
    assert [answer.text for answer in response.context["object_list"]] == [
        "Meer rust op de groep.",
        "Ik vraag eerder door.",
    ]
    html = response.content.decode()
    assert "<svg" in html and "Meer rust op de groep." in html
    rows = csv_rows(editor.get(OPEN_ANSWERS_URL, {**YEAR, "export": "csv"}))
    assert [row[1:] for row in rows[1:]] == [
        ["Omgaan met agressie", "Wat doe je nu anders?", "Meer rust op de groep."],
        ["Basis SGLVG", "Wat doe je nu anders?", "Ik vraag eerder door."],
    ]
    rows = xlsx_rows(editor.get(OPEN_ANSWERS_URL, {**YEAR, "export": "xlsx"}))
    assert [row[3] for row in rows[1:]] == ["Meer rust op de groep.", "Ik vraag eerder door."]


def test_the_evaluation_report_links_to_the_open_answers_of_a_question(editor, content):
    html = report(editor, EVALUATION_URL, {**YEAR, "theme": content["sgg"].pk}).content.decode()
    assert f"{OPEN_ANSWERS_URL}?date_from=2025-01-01&amp;date_to=2025-12-31&amp;theme=" in html
    response = report(
        editor, OPEN_ANSWERS_URL, {**YEAR, "theme": content["sgg"].pk, "question": 302}
    )
    assert [answer.text for answer in response.context["object_list"]] == ["Ik vraag eerder door."]
    response = report(editor, OPEN_ANSWERS_URL, {**YEAR, "question": 999})
    assert list(response.context["object_list"]) == []
    assert response.context["view"].filter_errors  # not one of the open questions


def test_open_answers_are_paged(editor, content):
    respond_many(content["basic"], datetime.date(2025, 6, 1), 60)
    response = report(editor, OPEN_ANSWERS_URL, YEAR)
    assert len(response.context["object_list"]) == 50
    assert response.context["page_obj"].paginator.count == 62
    assert len(csv_rows(editor.get(OPEN_ANSWERS_URL, {**YEAR, "export": "csv"}))) == 63


# --- level 4 per theme --------------------------------------------------------------------


def test_level_4_sets_visits_responses_and_scores_side_by_side(editor, content):
    response = report(editor, LEVEL_4_URL, {"date_from": "2025-03-01", "date_to": "2025-05-31"})
    rows = {
        (row.name, row.period): [
            row.visits,
            row.responses,
            row.level_1,
            row.level_2,
            row.level_3,
            row.level_4,
        ]
        for row in response.context["object_list"]
    }
    whole = gettext("Whole environment")
    assert rows == {
        (whole, "maart 2025"): [140, 2, 79.2, 50.0, 75.0, 68.1],
        (whole, "april 2025"): [0, 0, None, None, None, None],
        (whole, "mei 2025"): [10, 1, 0.0, None, 25.0, 12.5],
        ("SGG", "maart 2025"): [40, 2, 79.2, 50.0, 75.0, 68.1],
        ("SGG", "april 2025"): [0, 0, None, None, None, None],
        ("SGG", "mei 2025"): [0, 0, None, None, None, None],
        ("Agressie", "maart 2025"): [0, 0, None, None, None, None],
        ("Agressie", "april 2025"): [0, 0, None, None, None, None],
        ("Agressie", "mei 2025"): [10, 1, 0.0, None, 25.0, 12.5],
    }
    html = response.content.decode()
    assert html.count('class="borg-chart"') == 1 + 3  # level 4 over time, levels 1–3 per theme
    expected = as_text(rows_of(response))
    assert (
        as_text(
            csv_rows(
                editor.get(
                    LEVEL_4_URL,
                    {"date_from": "2025-03-01", "date_to": "2025-05-31", "export": "csv"},
                )
            )[1:]
        )
        == expected
    )
    assert (
        as_text(
            xlsx_rows(
                editor.get(
                    LEVEL_4_URL,
                    {"date_from": "2025-03-01", "date_to": "2025-05-31", "export": "xlsx"},
                )
            )[1:]
        )
        == expected
    )


def test_level_4_per_quarter_for_one_theme(editor, content):
    response = report(
        editor, LEVEL_4_URL, {**YEAR, "interval": "quarter", "theme": content["aggression"].pk}
    )
    rows = [
        (row.name, row.period, row.visits, row.responses, row.level_4)
        for row in response.context["object_list"]
    ]
    selection = gettext("Selection")
    assert rows == [
        (selection, "2025 Q1", 0, 0, None),
        (selection, "2025 Q2", 10, 1, 12.5),
        (selection, "2025 Q3", 0, 0, None),
        (selection, "2025 Q4", 0, 0, None),
        ("Agressie", "2025 Q1", 0, 0, None),
        ("Agressie", "2025 Q2", 10, 1, 12.5),
        ("Agressie", "2025 Q3", 0, 0, None),
        ("Agressie", "2025 Q4", 0, 0, None),
    ]


# --- who sees them ------------------------------------------------------------------------


def test_a_borgbureau_editor_sees_the_reports(client, content):
    editor = factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")])
    assert {"evaluation", "open-answers", "level-4"} <= set(menu_item_names(editor))
    client.force_login(editor)
    for url in (EVALUATION_URL, OPEN_ANSWERS_URL, LEVEL_4_URL):
        assert client.get(url, YEAR).status_code == 200


def test_a_user_without_the_permission_gets_no_report(client, content):
    group = Group.objects.create(name="Alleen beheer")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = factories.user("kijker", groups=[group])
    assert not {"evaluation", "open-answers", "level-4"} & set(menu_item_names(user))
    client.force_login(user)
    for url in (EVALUATION_URL, OPEN_ANSWERS_URL, LEVEL_4_URL):
        for params in ({}, {"export": "csv"}, {"export": "xlsx"}):
            response = client.get(url, params)
            assert response.status_code == 302, url
            assert response["Location"] == "/admin/"
        assert client.get(url + "results/").status_code == 302


# --- what they cost -----------------------------------------------------------------------


# Measured for a Borgbureau editor. The evaluation report counts in 5 queries (the
# questions, their latest wording, the answer values, the levels, the responses), the
# open answers in 3 (their count, their page, the counts per question) and level 4 in
# 4 (the themes, the page tree, visits, responses and scores in three sums); a theme
# filter looks up the theme. Each reads which questions are limited to themes once; the
# open answers' filter lists the open questions. The rest is the admin's own (session, user, permissions,
# menu) and the filter form's choices, which an export leaves out.
@pytest.mark.parametrize(
    "url, params, queries",
    [
        (EVALUATION_URL, YEAR, 17),
        (EVALUATION_URL, {**YEAR, "export": "csv"}, 11),
        (EVALUATION_URL, {**YEAR, "export": "xlsx"}, 11),
        (EVALUATION_URL, {**YEAR, "theme": "sgg"}, 18),
        (OPEN_ANSWERS_URL, YEAR, 16),
        (OPEN_ANSWERS_URL, {**YEAR, "export": "csv"}, 8),
        (LEVEL_4_URL, YEAR, 17),
        (LEVEL_4_URL, {**YEAR, "export": "xlsx"}, 11),
    ],
)
def test_each_report_costs_the_same_queries_for_5_and_500_responses(
    client, content, url, params, queries
):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    params = {
        name: content["sgg"].pk if value == "sgg" else value for name, value in params.items()
    }
    respond_many(content["basic"], datetime.date(2025, 7, 1), 2)
    small = count_queries(client, url, params)
    respond_many(content["basic"], datetime.date(2025, 8, 1), 495)
    large = count_queries(client, url, params)
    assert (small, large) == (queries, queries)
