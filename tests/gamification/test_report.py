"""The report "Points, badges and review": points, badges, challenges and the daily
review's retention per week, with charts and exports, and no learner named."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from borg_learning.badges.models import BadgeAward
from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.gamification.models import PointsAward
from borg_learning.reviews.models import ReviewCard, ReviewLog
from tests import factories
from tests.helpers.badges import badge
from tests.helpers.reports import (
    as_text,
    assert_readable_by_borgbureau_only,
    count_queries,
    csv_rows,
    refused_in_every_format,
    report,
    rows_of,
    xlsx_rows,
)

pytestmark = pytest.mark.django_db

URL = "/admin/reports/gamification/"
#: Four weeks: Monday 2 November to Sunday 29 November 2026.
NOVEMBER = {"date_from": "2026-11-02", "date_to": "2026-11-29"}


def at(day, hour=12, month=11):
    return timezone.make_aware(datetime.datetime(2026, month, day, hour))


def paid(learner, rule, subject, points, when):
    PointsAward.objects.create(
        learner=learner, rule=rule, subject=subject, points=points, awarded_at=when
    )


def awarded(chosen, learner, when):
    BadgeAward.objects.create(
        badge=chosen, learner=learner, awarded_at=when, name=chosen.name, description="x"
    )


def challenge(title, starts_on, ends_on):
    return Challenge.objects.create(
        title=title, goal="microlessons", target=5, starts_on=starts_on, ends_on=ends_on
    )


def reviewed(card, when, correct, source="review"):
    ReviewLog.objects.create(
        card=card,
        source=source,
        rating=3 if correct else 1,
        correct=correct,
        reviewed_at=when,
        scheduler="fsrs",
    )


@pytest.fixture
def history(environment):
    """Two learners' November: points in weeks 1, 2 and 4, badges, a challenge, reviews."""
    anna = factories.learner(user=factories.user("annadevries"))[0]
    bram = factories.learner()[0]
    paid(anna, "part", "page:1", 10, at(30, month=10))  # before the period
    paid(anna, "part", "page:2", 10, at(3))
    paid(anna, "module", "page:3", 50, at(4))
    paid(bram, "review", "exercise:1", 2, at(10))
    paid(anna, "review", "exercise:2", 2, at(12))
    paid(bram, "microlesson", "page:4", 5, at(29, hour=23))  # Sunday night, local time
    paid(bram, "module", "page:3", 50, at(30))  # after the period

    stayer = badge("Doorzetter", criterion="streak", count=7)
    badge("Eerste microles", criterion="first_microlesson")
    old = badge("Oud", active=False)
    badge("Weg", active=False)  # inactive, no awards in the period: no column
    awarded(stayer, anna, at(5))
    awarded(stayer, bram, at(20))
    awarded(old, bram, at(11))

    november = challenge(
        "November: 5 microlessen", datetime.date(2026, 11, 1), datetime.date(2026, 11, 30)
    )
    challenge("Oktober", datetime.date(2026, 10, 1), datetime.date(2026, 10, 31))
    ChallengeCompletion.objects.create(challenge=november, learner=anna, completed_at=at(24))

    card = ReviewCard.objects.create(learner=anna, page=environment, block_id="b1", due=at(1))
    reviewed(card, at(3), True, source="exercise")  # the first answer: not a review
    reviewed(card, at(10), True)
    reviewed(card, at(11), False)
    reviewed(card, at(12), True)
    reviewed(card, at(24), True)
    return {"stayer": stayer, "old": old, "november": november}


def table(response):
    """The rows as the editor reads them: ``{week: {column heading: figure}}``."""
    view = response.context["view"]
    headings = {name: str(label) for name, label in view.headings.items()}
    return {
        row["week"]: {headings[name]: value for name, value in row.items() if name != "week"}
        for row in response.context["object_list"]
    }


def test_the_editor_sees_the_figures_per_week(editor, history):
    with translation.override("nl"):
        response = report(editor, URL, NOVEMBER)
        rows = table(response)
    assert list(rows) == [
        "Hele periode",
        "Week 45, vanaf 2-11-2026",
        "Week 46, vanaf 9-11-2026",
        "Week 47, vanaf 16-11-2026",
        "Week 48, vanaf 23-11-2026",
    ]
    whole = rows["Hele periode"]
    assert whole == {
        "Punten": 69,
        "Lerenden die punten verdienden": 2,
        "Punten: Moduleonderdeel afgerond": 10,
        "Punten: Module afgerond": 50,
        "Punten: Leerroute afgerond": 0,
        "Punten: Microles afgerond": 5,
        "Punten: Herhaalkaart goed beantwoord": 4,
        "Punten: Mijlpaal van de leerreeks": 0,
        "Badges toegekend": 3,
        "Badge: Doorzetter": 2,
        "Badge: Eerste microles": 0,
        "Badge: Oud": 1,
        "Uitdagingen voltooid": 1,
        "Uitdaging: November: 5 microlessen": 1,
        "Antwoorden in de dagelijkse herhaling": 4,
        "Onthouden": 3,
        "Onthouden (%)": 75.0,
    }
    weeks = list(rows.values())[1:]
    assert [week["Punten"] for week in weeks] == [60, 4, 0, 5]
    # Each learner once per week; the period counts Anna and Bram once.
    assert [week["Lerenden die punten verdienden"] for week in weeks] == [1, 2, 0, 1]
    assert [week["Badge: Doorzetter"] for week in weeks] == [1, 0, 1, 0]
    assert [week["Badge: Oud"] for week in weeks] == [0, 1, 0, 0]
    assert [week["Uitdaging: November: 5 microlessen"] for week in weeks] == [0, 0, 0, 1]
    assert [week["Antwoorden in de dagelijkse herhaling"] for week in weeks] == [0, 3, 0, 1]
    assert [week["Onthouden (%)"] for week in weeks] == [None, 66.7, None, 100.0]


def test_the_screen_shows_the_table_and_two_charts_of_time(editor, history):
    with translation.override("nl"):
        html = report(editor, URL, NOVEMBER).content.decode()
    assert "Punten, badges en herhaling" in html
    assert "66,7" in html  # a Dutch decimal comma
    assert "<figcaption>Dagelijkse herhaling: onthouden per week (%)</figcaption>" in html
    assert "<figcaption>Punten per week</figcaption>" in html
    assert "<figcaption>Badges toegekend in de periode, per badge</figcaption>" in html
    assert html.count('class="borg-chart"') == 3
    assert "Weg" not in html and "Oktober" not in html
    # Aggregates only: the signed-in learner's name appears nowhere.
    assert "annadevries" not in html


def test_the_charts_show_the_weekly_figures(editor, history):
    response = report(editor, URL, NOVEMBER)
    view = response.context["view"]
    retention, points, badges = response.context["charts"]
    # The retention line has no point in the weeks without reviews, and ends at 100 %.
    assert retention.count("<circle") == 2
    assert "<polyline" not in retention  # no two reviewed weeks in a row to join
    assert view.figures.points_series == [60, 4, 0, 5]
    assert points.count("<rect") - points.count('height="0.0"') == 3  # weeks with points
    assert ">2<" in badges and ">1<" in badges


def test_the_exports_have_the_rows_and_columns_of_the_screen(editor, history):
    with translation.override("nl"):
        response = report(editor, URL, NOVEMBER)
        expected = as_text(rows_of(response))
        headings = [str(label) for label in response.context["view"].headings.values()]
        rows = csv_rows(editor.get(URL, {**NOVEMBER, "export": "csv"}))
        workbook = xlsx_rows(editor.get(URL, {**NOVEMBER, "export": "xlsx"}))
    assert rows[0] == headings
    assert rows[0][:3] == ["Week", "Punten", "Lerenden die punten verdienden"]
    assert as_text(rows[1:]) == expected
    assert rows[3][-1] == "66,7"  # week 46's retention with a decimal comma
    assert rows[2][-1] == ""  # no reviews in week 45: no share
    assert workbook[0] == headings
    assert as_text(workbook[1:]) == expected
    assert workbook[1][1] == 69
    for cells in [*rows, *workbook]:
        assert "annadevries" not in [str(cell) for cell in cells]


def test_the_period_decides_what_counts(editor, history):
    # The second week alone, from Wednesday: only its last five days.
    response = report(editor, URL, {"date_from": "2026-11-11", "date_to": "2026-11-15"})
    rows = response.context["object_list"]
    assert [row["week"] for row in rows][1:] == ["Week 46, vanaf 9-11-2026"]
    assert (rows[0]["points"], rows[0]["reviews"], rows[0]["recalled"]) == (2, 2, 1)
    assert rows[0]["retention"] == 50.0
    # Without a start date: the last twelve weeks up to the end date.
    response = report(editor, URL, {"date_to": "2026-11-29"})
    rows = response.context["object_list"]
    assert len(rows) == 1 + 12
    assert rows[1]["week"] == "Week 37, vanaf 7-9-2026"
    assert rows[0]["points"] == 79  # October's points too


def test_without_anything_in_the_period_the_report_says_so(editor, history):
    with translation.override("nl"):
        html = report(editor, URL, {"date_from": "2025-01-01", "date_to": "2025-03-31"})
        html = html.content.decode()
    assert "Geen punten, badges of herhalingen in deze periode." in html
    assert 'class="borg-chart"' not in html


@pytest.mark.parametrize(
    "params, message",
    [
        ({"date_from": "gisteren"}, "Van: Voer een geldige datum in."),
        (
            {"date_from": "2026-11-30", "date_to": "2026-11-01"},
            "Tot en met: De einddatum ligt voor de begindatum.",
        ),
        ({"date_to": "3001-01-01"}, "Tot en met: Kies een datum tussen het jaar 2000 en 2999."),
        (
            {"date_from": "2010-01-01", "date_to": "2026-01-01"},
            "Van: Kies een periode van hoogstens tien jaar.",
        ),
    ],
)
def test_a_wrong_period_gets_a_dutch_message_and_no_figures(editor, history, params, message):
    with translation.override("nl"):
        for html in refused_in_every_format(editor, URL, params):
            assert f"<li>{message}</li>" in html
            assert 'class="borg-chart"' not in html
            assert "Hele periode" not in html


def test_the_report_has_no_theme_or_module_filter(editor, history):
    response = report(editor, URL, {**NOVEMBER, "theme": "999999", "module": "geen"})
    assert list(response.context["view"].filters.form.fields) == ["date_from", "date_to"]
    assert response.context["object_list"][0]["points"] == 69


def test_who_sees_the_report(client, history):
    assert_readable_by_borgbureau_only(client, URL, "gamification", NOVEMBER)


def more_history(environment, weeks, badges):
    """``badges`` more badges, each awarded, and points and reviews in ``weeks`` weeks."""
    learner = factories.learner()[0]
    card = ReviewCard.objects.create(learner=learner, page=environment, block_id="x", due=at(1))
    for number in range(badges):
        awarded(badge(f"Extra {number}"), learner, at(2 + number % 27))
    start = datetime.date(2026, 11, 2)
    for week in range(weeks):
        day = timezone.make_aware(
            datetime.datetime.combine(start - datetime.timedelta(weeks=week), datetime.time(9))
        )
        paid(learner, "review", f"exercise:{week}", 2, day)
        reviewed(card, day, week % 2 == 0)


# Measured for a Borgbureau editor: the report counts in 8 queries (the points per rule,
# the learners per week and in the period, the awards per badge and the badges, the
# completions per challenge and the challenges, the reviews); 5 are the session, the user
# and their permissions, and the screen adds 4 of the admin's menus (an export does not).
@pytest.mark.parametrize("export, queries", [("", 17), ("csv", 13), ("xlsx", 13)])
def test_the_report_costs_the_same_for_2_and_20_weeks_and_badges(
    client, environment, export, queries
):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    params = {"date_from": "2026-04-01", "date_to": "2026-11-29"}
    if export:
        params["export"] = export
    more_history(environment, weeks=2, badges=2)
    small = count_queries(client, URL, params)
    more_history(environment, weeks=20, badges=18)
    large = count_queries(client, URL, params)
    assert (small, large) == (queries, queries)


def test_without_the_badges_challenges_and_reviews_apps_only_points_are_shown(
    editor, history, monkeypatch
):
    from borg_learning.gamification import report_figures

    monkeypatch.setattr(
        report_figures.apps, "is_installed", lambda name: name == "borg_learning.gamification"
    )
    response = report(editor, URL, NOVEMBER)
    view = response.context["view"]
    assert [name for name in view.headings if not name.startswith("rule_")] == [
        "week",
        "points",
        "earners",
    ]
    assert [chart.title for chart in response.context["charts"]] == ["Punten per week"]
    assert csv_rows(editor.get(URL, {**NOVEMBER, "export": "csv"}))[1][:3] == [
        "Hele periode",
        "69",
        "2",
    ]
