"""The challenge editor in the admin, in Dutch: what is refused and why, and how many
learners completed each challenge (never who)."""

import datetime

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from borg_learning.challenges.models import Challenge, ChallengeCompletion, Goal
from tests import factories
from tests.helpers.admin_forms import snippet_url
from tests.helpers.translations import catalogue_path, entries, untranslated

pytestmark = pytest.mark.django_db


def challenge_data(**fields):
    return {
        "title": "Deze maand: 5 microlessen",
        "description": "Vijf korte lessen, wanneer het jou uitkomt.",
        "goal": "microlessons",
        "target": "5",
        "theme": "",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
        **fields,
    }


def field_errors(response):
    assert response.status_code == 200, response.status_code
    return {
        name: [str(message) for message in errors]
        for name, errors in response.context["form"].errors.items()
    }


def test_the_menu_offers_the_challenges(editor):
    assert "Uitdagingen" in editor.get("/admin/").content.decode()


def test_an_editor_adds_a_challenge(editor):
    response = editor.post(snippet_url(Challenge, "add"), challenge_data())
    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert (challenge.goal, challenge.target, challenge.starts_on, challenge.ends_on) == (
        "microlessons",
        5,
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 31),
    )


def test_an_end_before_the_start_is_refused_in_dutch(editor):
    response = editor.post(
        snippet_url(Challenge, "add"), challenge_data(starts_on="2026-12-31", ends_on="2026-12-01")
    )
    assert field_errors(response) == {"ends_on": ["De einddatum ligt voor de begindatum."]}
    assert not Challenge.objects.exists()


def test_a_target_of_zero_is_refused_in_dutch(editor):
    response = editor.post(snippet_url(Challenge, "add"), challenge_data(target="0"))
    assert field_errors(response) == {"target": ["Het aantal is minstens 1."]}
    assert not Challenge.objects.exists()


def test_a_theme_is_refused_for_a_goal_without_themes(editor):
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    response = editor.post(
        snippet_url(Challenge, "add"), challenge_data(goal="reviews", theme=str(theme.pk))
    )
    assert field_errors(response) == {
        "theme": [
            "Alleen microlessen, onderdelen en modules horen bij een thema: laat het thema "
            "leeg voor herhalingen gedaan."
        ]
    }
    assert not Challenge.objects.exists()
    response = editor.post(
        snippet_url(Challenge, "add"), challenge_data(goal="parts", theme=str(theme.pk))
    )
    assert response.status_code == 302
    assert Challenge.objects.get().theme == theme


def test_the_listing_shows_how_many_learners_completed_each_challenge_without_names(editor):
    dates = {"starts_on": datetime.date(2026, 12, 1), "ends_on": datetime.date(2026, 12, 31)}
    popular = Challenge.objects.create(
        title="Vijf microlessen", goal="microlessons", target=5, **dates
    )
    Challenge.objects.create(title="Tien herhalingen", goal="reviews", target=10, **dates)
    user = factories.user("sanne")
    learners = [factories.learner(user=user)[0], factories.learner()[0], factories.learner()[0]]
    for learner in learners:
        ChallengeCompletion.objects.create(
            challenge=popular, learner=learner, completed_at="2026-12-02T10:00:00+01:00"
        )
    response = editor.get(snippet_url(Challenge))
    assert response.status_code == 200
    rows = {row.title: row.completed_count for row in response.context["object_list"]}
    assert rows == {"Vijf microlessen": 3, "Tien herhalingen": 0}
    page = response.content.decode()
    assert "Afgerond door" in page
    assert "sanne" not in page


def test_the_listing_costs_the_same_for_many_challenges(editor):
    dates = {"starts_on": datetime.date(2026, 12, 1), "ends_on": datetime.date(2026, 12, 31)}
    theme = factories.ThemeFactory(name="SGG", slug="sgg")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(snippet_url(Challenge)).status_code == 200
        return len(captured)

    Challenge.objects.create(title="Een", goal="modules", target=1, theme=theme, **dates)
    one = queries()
    for number in range(15):
        Challenge.objects.create(
            title=f"Nog {number}", goal="parts", target=2, theme=theme, **dates
        )
    assert queries() == one


def test_the_challenges_speak_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_challenges").verbose_name) == "Uitdagingen"
        assert str(Goal.LEARNING_DAYS.label) == "Leerdagen"
        assert str(Challenge._meta.get_field("ends_on").verbose_name) == "einddatum"


def test_every_string_of_the_catalogue_is_translated():
    catalogue = catalogue_path("borg_learning_challenges")
    assert len(entries(catalogue)) > 25
    assert untranslated(catalogue) == []
