"""Questionnaires in the snippet admin: questions in order, checks on the right field."""

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import gettext

from borg_learning.models import BasicModulePage, Question, Questionnaire
from tests import factories
from tests.helpers.admin_forms import (
    edit_url,
    field_errors,
    formset_errors,
    inline_formset,
    nested_form_data,
    snippet_url,
)

pytestmark = pytest.mark.django_db


def question(text, level="1", kind="likert", options="", part="first", **fields):
    return {
        "text": text,
        "help_text": "",
        "level": level,
        "kind": kind,
        "options": options,
        "required": "on",
        "part": part,
        **fields,
    }


def questionnaire_data(questions, initial=0, **fields):
    return nested_form_data(
        {
            "title": "Evaluatie na een module",
            "slug": "evaluatie",
            "intro": "",
            "follow_up_after_days": "90",
            "follow_up_intro": "",
            "questions": inline_formset(questions, initial=initial),
            **fields,
        }
    )


def test_a_questionnaire_is_stored_with_its_questions_in_order(editor):
    response = editor.post(
        snippet_url(Questionnaire, "add"),
        questionnaire_data(
            [
                question("Hoe tevreden ben je?"),
                question(
                    "Welke werkvorm hielp het meest?",
                    kind="single",
                    level="2",
                    options="Tekst\nVideo\nOefening",
                ),
                question("Pas je het toe in je werk?", level="3", part="follow_up"),
            ]
        ),
    )
    assert response.status_code == 302
    questionnaire = Questionnaire.objects.get()
    assert [q.text for q in questionnaire.questions.all()] == [
        "Hoe tevreden ben je?",
        "Welke werkvorm hielp het meest?",
        "Pas je het toe in je werk?",
    ]
    assert questionnaire.questions.all()[1].option_list == ["Tekst", "Video", "Oefening"]
    assert questionnaire.has_follow_up


def test_reordering_questions_in_the_editor_is_kept(editor):
    questionnaire = Questionnaire.objects.create(title="Evaluatie", slug="evaluatie")
    first = Question.objects.create(questionnaire=questionnaire, text="Eerst", sort_order=0)
    second = Question.objects.create(questionnaire=questionnaire, text="Daarna", sort_order=1)
    # The editor's arrows renumber the ORDER fields from 1, as the admin's script does.
    data = questionnaire_data(
        [
            question("Eerst", id=str(first.pk), ORDER="2"),
            question("Daarna", id=str(second.pk), ORDER="1"),
        ],
        initial=2,
    )
    response = editor.post(snippet_url(Questionnaire, "edit", questionnaire.pk), data)
    assert response.status_code == 302
    assert [q.text for q in questionnaire.questions.all()] == ["Daarna", "Eerst"]


@pytest.mark.parametrize(
    "fields, field, message",
    [
        (
            {"kind": "single", "options": "Alleen deze"},
            "options",
            "A choice question needs at least two options.",
        ),
        ({"kind": "multiple", "options": "Ja\nJa"}, "options", "Each option may appear only once."),
        (
            {"kind": "likert", "options": "Ja\nNee"},
            "options",
            "Only choice questions have options.",
        ),
        (
            {"level": "1", "part": "follow_up"},
            "level",
            "Follow-up questions measure behaviour: choose level 3.",
        ),
    ],
)
def test_a_wrong_question_is_refused_with_the_message_on_its_field(editor, fields, field, message):
    response = editor.post(
        snippet_url(Questionnaire, "add"),
        questionnaire_data(
            [question("Hoe tevreden ben je?"), question("De foute vraag", **fields)]
        ),
    )
    expected = gettext(message)  # the Dutch text, from the app's catalogue
    assert formset_errors(response, "questions", 1) == {field: [expected]}
    assert formset_errors(response, "questions", 0) == {}
    assert expected in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_a_questionnaire_needs_a_question(editor):
    response = editor.post(snippet_url(Questionnaire, "add"), questionnaire_data([]))
    assert response.status_code == 200
    assert response.context["form"].formsets["questions"].non_form_errors()
    assert not Questionnaire.objects.exists()


def test_a_questionnaire_needs_a_title_and_a_unique_slug(editor):
    Questionnaire.objects.create(title="Bestaat al", slug="evaluatie")
    response = editor.post(
        snippet_url(Questionnaire, "add"), questionnaire_data([question("Vraag")], title="")
    )
    assert field_errors(response, "title") == ["Dit veld is vereist."]
    (message,) = field_errors(response, "slug")
    assert message.startswith("Er bestaat al een ")


def test_the_listing_shows_the_number_of_questions_and_searches(editor):
    short = Questionnaire.objects.create(title="Kort", slug="kort")
    Question.objects.create(questionnaire=short, text="Een")
    full = Questionnaire.objects.create(
        title="Uitgebreid", slug="uitgebreid", intro="Over gedrag op de groep."
    )
    for index in range(3):
        Question.objects.create(questionnaire=full, text=f"Vraag {index}", sort_order=index)
    response = editor.get(snippet_url(Questionnaire))
    assert response.status_code == 200
    counts = {item.title: item.question_count for item in response.context["object_list"]}
    assert counts == {"Kort": 1, "Uitgebreid": 3}
    response = editor.get(snippet_url(Questionnaire), {"q": "gedrag"})
    assert [item.title for item in response.context["object_list"]] == ["Uitgebreid"]


def test_a_borgbureau_editor_may_manage_questionnaires(client):
    client.force_login(factories.user("redacteur", groups=[Group.objects.get(name="Borgbureau")]))
    assert client.get(snippet_url(Questionnaire)).status_code == 200
    response = client.post(
        snippet_url(Questionnaire, "add"), questionnaire_data([question("Hoe tevreden ben je?")])
    )
    assert response.status_code == 302
    assert Questionnaire.objects.filter(slug="evaluatie").exists()


def test_the_module_editor_offers_the_questionnaire_on_about_this_module(editor, environment):
    Questionnaire.objects.create(title="Evaluatie SGG", slug="sgg")
    module = factories.basic_module(environment)
    response = editor.get(edit_url(module))
    assert response.status_code == 200
    about = BasicModulePage.get_edit_handler().children[1]
    assert str(about.heading) == gettext("About this module")
    assert "questionnaire" in about.get_form_options()["fields"]
    choices = [
        str(label) for _value, label in response.context["form"].fields["questionnaire"].choices
    ]
    assert "Evaluatie SGG" in choices
    assert 'name="questionnaire"' in response.content.decode()
