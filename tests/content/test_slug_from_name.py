"""Typing the name of a new theme, questionnaire, route or organisation fills in its slug
(Wagtail's sync of a page title to its slug); a saved record's slug stays as it is."""

import re

import pytest
from django.apps import apps

from tests import factories
from tests.helpers.admin_forms import snippet_url

pytestmark = pytest.mark.django_db

#: Each snippet with a slug, and the field its slug follows.
SNIPPETS = {
    "borg_learning.Theme": "name",
    "borg_learning.Questionnaire": "title",
    "borg_learning_routes.Route": "title",
    "borg_learning_leaderboards.Organisation": "name",
}


def input_tag(html, name):
    match = re.search(rf'<input[^>]*name="{name}"[^>]*>', html)
    assert match, name
    return match.group(0)


@pytest.mark.parametrize("label", SNIPPETS)
def test_a_new_record_s_slug_follows_its_name(editor, label):
    model = apps.get_model(label)
    html = editor.get(snippet_url(model, "add")).content.decode()
    name = input_tag(html, SNIPPETS[label])
    assert "w-sync#apply" in name
    assert 'data-w-sync-target-value="#id_slug"' in name
    # The slug keeps to letters, digits and hyphens as it is typed.
    assert 'data-controller="w-slug"' in input_tag(html, "slug")


def test_a_saved_theme_s_slug_does_not_follow_its_name(editor):
    theme = factories.ThemeFactory(name="SGG", slug="sgg")
    html = editor.get(snippet_url(type(theme), "edit", theme.pk)).content.decode()
    name = input_tag(html, "name")
    assert "w-sync#apply" not in name
    assert 'value="sgg"' in input_tag(html, "slug")
