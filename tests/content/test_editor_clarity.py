"""Editing screens that say what is in them: questions and other inline items show their
text when collapsed, a link block asks its kind each time, and adding a page never asks
to choose from a list of one page type."""

import re

import pytest
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Page

from borg_learning.content.blocks import LinkBlock
from borg_learning.models import BasicModulePage
from tests import factories
from tests.helpers.admin_forms import add_url, block_errors, link_data, module_data, snippet_url

pytestmark = pytest.mark.django_db


def test_collapsed_questions_show_their_text(editor):
    questionnaire = factories.QuestionnaireFactory()
    texts = [question.text for question in questionnaire.questions.all()]
    html = editor.get(snippet_url(type(questionnaire), "edit", questionnaire.pk)).content.decode()
    for text in texts:
        heading = r"Vraag\s*<span data-inline-panel-child-count></span>: " + re.escape(escape(text))
        assert re.search(heading, html), text


def test_collapsed_start_page_buttons_show_their_label(editor, environment):
    environment.buttons.create(
        label="Basismodules", target_url="https://example.org", colour="purple", icon="book"
    )
    environment.save_revision().publish()
    html = editor.get(reverse("wagtailadmin_pages:edit", args=[environment.pk])).content.decode()
    assert re.search(r"Knop\s*<span data-inline-panel-child-count></span>: Basismodules", html)


def test_a_new_link_block_has_no_kind_until_the_editor_chooses_one(editor, environment):
    assert not LinkBlock().get_default().get("kind")
    kindless = link_data(url="https://example.org")
    kindless[1]["kind"] = ""
    response = editor.post(
        add_url(BasicModulePage, environment), module_data("Links", publish=True, body=[kindless])
    )
    assert block_errors(response, 0) == {"kind": ["Dit veld is vereist."]}


def test_adding_a_page_never_offers_a_choice_of_one_type(editor, environment):
    section = factories.section(environment)
    factories.specialist_module(section, parts=1)
    factories.basic_module(section)
    factories.catalogue_page(environment)
    for page in Page.objects.all():
        response = editor.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))
        if response.status_code == 200:
            assert len(response.context["page_types"]) >= 2, page
        else:
            assert response.status_code == 302, page
