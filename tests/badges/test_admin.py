"""Editors make badges in the admin, in Dutch, and are told what a criterion needs."""

import pytest

from borg_learning.badges.models import Badge, BadgeAward
from tests import factories
from tests.helpers.admin_forms import field_errors, snippet_url
from tests.helpers.badges import badge

pytestmark = pytest.mark.django_db


@pytest.fixture
def form(db):
    """A valid form of a badge for three modules."""
    return {
        "name": "Drie modules",
        "description": "Je rondde drie modules af.",
        "image": str(factories.image().pk),
        "image_description": "Een ster met het cijfer drie",
        "criterion": "modules",
        "count": "3",
        "theme": "",
        "route": "",
        "active": "on",
    }


def test_an_editor_makes_a_badge(editor, form):
    response = editor.post(snippet_url(Badge, "add"), form)
    assert response.status_code == 302
    made = Badge.objects.get()
    assert (made.name, made.criterion, made.count, made.active) == (
        "Drie modules",
        "modules",
        3,
        True,
    )
    listing = editor.get(snippet_url(Badge, "list")).content.decode()
    assert "Drie modules" in listing and "Een aantal modules afgerond" in listing


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"count": ""}, "count", "Vul in hoeveel: een aantal van 1 of meer."),
        ({"count": "0"}, "count", "Vul een aantal van 1 of meer in."),
        ({"count": "10001"}, "count", "Vul een aantal van hoogstens 10000 in."),
        (
            {"criterion": "streak", "count": ""},
            "count",
            "Vul in hoeveel: een aantal van 1 of meer.",
        ),
        (
            {"criterion": "theme", "count": ""},
            "theme",
            "Kies het thema waarvan een lerende alle modules afrondt.",
        ),
        ({"image_description": ""}, "image_description", "Dit veld is vereist."),
        ({"image": ""}, "image", "Dit veld is vereist."),
    ],
)
def test_an_editor_is_told_in_dutch_what_a_criterion_needs(editor, form, changes, field, message):
    response = editor.post(snippet_url(Badge, "add"), {**form, **changes})
    assert field_errors(response, field) == [message]
    assert not Badge.objects.exists()


def test_parameters_of_another_criterion_are_not_kept(editor, form):
    theme = factories.ThemeFactory(name="SGG")
    changes = {"criterion": "first_microlesson", "count": "4", "theme": str(theme.pk)}
    assert editor.post(snippet_url(Badge, "add"), {**form, **changes}).status_code == 302
    made = Badge.objects.get()
    assert (made.count, made.theme) == (None, None)
    assert made.criterion_text() == "Rond je eerste microles af."


def test_a_route_criterion_without_a_route_is_any_route(editor, form):
    changes = {"criterion": "route", "count": ""}
    assert editor.post(snippet_url(Badge, "add"), {**form, **changes}).status_code == 302
    assert Badge.objects.get().criterion_text() == "Rond een leerroute af."


def test_a_badge_learners_earned_cannot_be_deleted_but_can_be_switched_off(editor):
    earned = badge("Eén module", count=1)
    learner, _token = factories.learner()
    BadgeAward.objects.create(badge=earned, learner=learner, name="x", description="x")
    response = editor.post(snippet_url(Badge, "delete", earned.pk), follow=True)
    assert Badge.objects.filter(pk=earned.pk).exists()
    assert BadgeAward.objects.count() == 1
    assert (
        "Eén module kan niet worden verwijderd: lerenden hebben hem verdiend. Zet hem uit "
        "(Actief)." in [str(message) for message in response.context["messages"]]
    )
    unearned = badge("Nog niet verdiend")
    assert editor.post(snippet_url(Badge, "delete", unearned.pk)).status_code == 302
    assert not Badge.objects.filter(pk=unearned.pk).exists()
