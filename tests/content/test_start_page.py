"""The start page's buttons: exactly one target each, colour and icon from the theme."""

import pytest

from borg_learning.models import LearningEnvironmentPage, StartButton
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    edit_url,
    field_errors,
    formset_errors,
    inline_formset,
    page_form_data,
    rich_text,
)

pytestmark = pytest.mark.django_db

TWO_TARGETS = "Een knop leidt naar één plek, maar je hebt {} gekozen. Houd er één over."
NO_TARGET = "Kies waar deze knop naartoe leidt: een pagina, een thema of een externe URL."


@pytest.fixture
def home():
    return factories.home_page()


@pytest.fixture
def sgg():
    return factories.theme(name="SGG", colour="orange", icon="shield")


def button(label="Knop", page="", theme="", url="", colour="", icon="", **extra):
    return {
        "label": label,
        "target_page": getattr(page, "pk", page),
        "target_theme": getattr(theme, "pk", theme),
        "target_url": url,
        "colour": colour,
        "icon": icon,
        **extra,
    }


def start_page_data(*buttons, publish=True, title="Leeromgeving", **fields):
    fields.setdefault("intro", rich_text("<p>Welkom.</p>"))
    return page_form_data(title, publish=publish, buttons=inline_formset(list(buttons)), **fields)


def test_a_button_with_two_targets_names_both_on_both_fields(editor, home, sgg):
    data = start_page_data(button(page=home, theme=sgg))
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    message = TWO_TARGETS.format("een pagina en een thema")
    assert formset_errors(response, "buttons") == {
        "target_page": [message],
        "target_theme": [message],
    }
    assert not LearningEnvironmentPage.objects.exists()
    assert not StartButton.objects.exists()


def test_a_button_with_three_targets_names_all_three(editor, home, sgg):
    data = start_page_data(button(page=home, theme=sgg, url="https://example.org"))
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    message = TWO_TARGETS.format("een pagina en een thema en een externe URL")
    assert formset_errors(response, "buttons") == {
        "target_page": [message],
        "target_theme": [message],
        "target_url": [message],
    }


def test_a_button_without_a_target_says_it_is_missing(editor, home):
    data = start_page_data(button(colour="green", icon="book"))
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    assert formset_errors(response, "buttons") == {"target_page": [NO_TARGET]}
    assert not LearningEnvironmentPage.objects.exists()


def test_not_even_a_draft_is_saved_with_a_broken_button(editor, home, sgg):
    data = start_page_data(button(page=home, theme=sgg), publish=False)
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    assert formset_errors(response, "buttons")
    assert not LearningEnvironmentPage.objects.exists()


@pytest.mark.parametrize(
    "fields, errors",
    [
        (
            {"url": "https://example.org", "icon": "book"},
            {"colour": ["Kies een kleur, of een thema om de kleur van over te nemen."]},
        ),
        (
            {"url": "https://example.org", "colour": "green"},
            {"icon": ["Kies een icoon, of een thema om het icoon van over te nemen."]},
        ),
    ],
)
def test_a_button_without_a_theme_needs_its_own_colour_and_icon(editor, home, fields, errors):
    response = editor.post(
        add_url(LearningEnvironmentPage, home), start_page_data(button(**fields))
    )
    assert formset_errors(response, "buttons") == errors


def test_a_broken_button_on_a_live_start_page_leaves_the_live_buttons_alone(editor, home, sgg):
    environment = factories.learning_environment(home)
    editor.post(
        edit_url(environment),
        start_page_data(button("Thema", theme=sgg), slug=environment.slug, title=environment.title),
    )
    environment.refresh_from_db()
    live_revision = environment.live_revision_id
    (kept,) = environment.buttons.all()

    data = start_page_data(
        button("Thema", theme=sgg, url="https://example.org", id=kept.pk),
        slug=environment.slug,
        title=environment.title,
    )
    data["buttons-INITIAL_FORMS"] = "1"
    response = editor.post(edit_url(environment), data)
    message = TWO_TARGETS.format("een thema en een externe URL")
    assert formset_errors(response, "buttons") == {
        "target_theme": [message],
        "target_url": [message],
    }
    environment.refresh_from_db()
    assert environment.live_revision_id == environment.latest_revision_id == live_revision
    assert [(b.target_theme_id, b.target_url) for b in environment.buttons.all()] == [(sgg.pk, "")]


def test_colour_and_icon_default_to_the_theme_and_can_be_overridden(editor, home, sgg):
    data = start_page_data(
        button("SGG", theme=sgg),
        button("SGG in groen", theme=sgg, colour="green", icon="heart"),
        button("Aanbod", page=home, colour="blue", icon="compass"),
        button("Kennis", url="https://kennis.example.org/", colour="petrol", icon="lightbulb"),
    )
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    assert response.status_code == 302
    environment = LearningEnvironmentPage.objects.get()
    assert environment.live
    resolved = [
        (b.label, b.target_type, b.resolved_colour, b.resolved_colour_hex, b.resolved_icon)
        for b in environment.buttons.all()
    ]
    assert resolved == [
        ("SGG", "theme", "orange", "#e5732a", "shield"),
        ("SGG in groen", "theme", "green", "#3f8f4f", "heart"),
        ("Aanbod", "page", "blue", "#1f5fa8", "compass"),
        ("Kennis", "url", "petrol", "#1d6f7a", "lightbulb"),
    ]
    # Stored empty, so a button follows its theme when the theme changes colour.
    assert environment.buttons.first().colour == ""
    sgg.colour = "red"
    sgg.save()
    assert environment.buttons.first().resolved_colour_hex == "#b8323a"


# --- the feedback link ---------------------------------------------------------------------


def test_feedback_goes_to_a_web_address_or_an_e_mail_address_not_both(editor, home):
    data = start_page_data(
        feedback_label="Vragen?",
        feedback_url="https://example.org/vraag",
        feedback_email="vraag@example.org",
    )
    response = editor.post(add_url(LearningEnvironmentPage, home), data)
    assert field_errors(response, "feedback_email") == [
        "Vul voor feedback een webadres of een e-mailadres in, niet allebei."
    ]
    assert not LearningEnvironmentPage.objects.exists()


def test_a_feedback_label_needs_somewhere_to_go(editor, home):
    response = editor.post(
        add_url(LearningEnvironmentPage, home), start_page_data(feedback_label="Vragen?")
    )
    assert field_errors(response, "feedback_url") == [
        "De feedbacklink heeft een tekst maar leidt nergens naartoe: vul een webadres of "
        "een e-mailadres in."
    ]
