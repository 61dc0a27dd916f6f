"""The duration panel follows the form as the editor edits it (the admin script sends
the form to the estimate view, which answers with the panel for the unsaved content),
and publishing reports every problem in one round."""

import pytest
from django.urls import reverse

from borg_learning.models import BasicModulePage, ModulePartPage
from tests import factories
from tests.helpers.admin_forms import (
    add_url,
    audio_data,
    edit_url,
    exercise_data,
    field_errors,
    module_data,
    part_data,
    text_data,
)

pytestmark = pytest.mark.django_db


def estimate_url(model):
    return reverse(
        "borg_learning_duration_estimate", args=[model._meta.app_label, model._meta.model_name]
    )


def words(count):
    return text_data(f"<p>{factories.words(count)}</p>")


def test_the_edit_view_loads_the_live_panel(editor, environment):
    module = factories.basic_module(environment)
    html = editor.get(edit_url(module)).content.decode()
    assert 'data-controller="borg-duration"' in html
    assert f'data-borg-duration-url-value="{estimate_url(BasicModulePage)}"' in html
    assert "borg_learning/admin/duration.js" in html


def test_the_estimate_view_estimates_the_unsaved_form(editor, environment):
    module = factories.basic_module(environment, target_duration=5, body=[])
    data = module_data(module.title, target_duration=2, body=[words(600), exercise_data()])
    data["borg_page_id"] = str(module.pk)

    html = editor.post(estimate_url(BasicModulePage), data).content.decode()

    assert "Geschatte duur van de inhoud: <strong>4 minuten</strong>." in html
    assert "Dat is langer dan de doelduur van 2 minuten" in html
    assert "lezen van 600 woorden: 3 min, audio: 0 s, video: 0 s, 1 oefening: 1 min" in html
    module.refresh_from_db()
    assert module.estimated_duration_seconds == 0  # nothing saved


def test_the_estimate_view_works_on_a_new_page_and_names_unknown_durations(editor, environment):
    audio = factories.media("audio", duration=0, title="Podcast zonder duur")
    data = module_data("Nieuw", target_duration=5, body=[words(200), audio_data(audio)])
    html = editor.post(estimate_url(BasicModulePage), data).content.decode()
    assert "<strong>1 minuut</strong>" in html
    assert "Dat past binnen de doelduur van 5 minuten." in html
    assert "De duur van 'Podcast zonder duur' is onbekend" in html


def test_a_part_is_estimated_against_its_own_target(editor, environment):
    module = factories.specialist_module(environment, target_duration=15)
    data = part_data("Deel", target_duration=1, body=[words(100)])
    html = editor.post(estimate_url(ModulePartPage), data).content.decode()
    assert "Dat past binnen de doelduur van 1 minuut." in html
    assert module.pk


def test_the_estimate_view_is_for_editors_and_timed_pages_only(client, editor, environment):
    from borg_learning.models import SectionPage

    other = reverse("borg_learning_duration_estimate", args=["borg_learning", "sectionpage"])
    assert editor.post(other, {}).status_code == 404
    assert SectionPage  # a page without a target
    client.logout()
    assert client.post(estimate_url(BasicModulePage), {}).status_code == 302  # to the login


def test_publishing_reports_every_problem_in_one_round(editor, environment):
    data = module_data("Te lang", target_duration=2, publish=True, body=[words(600)])
    data["summary"] = ""  # required, on the tab "Over deze module"
    response = editor.post(add_url(BasicModulePage, environment), data)
    assert field_errors(response, "summary") == ["Dit veld is vereist."]
    assert field_errors(response, "target_duration")[0].startswith(
        "Deze module duurt ongeveer 3 minuten, langer dan de doelduur van 2 minuten"
    )
