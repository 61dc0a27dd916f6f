"""The editor's guide names every field of the snippets' forms as the Dutch admin does:
an editor looking for "Beschrijving" must not meet "Omschrijving" on the screen."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import translation

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "editors-guide.md"

#: The guide's section about each snippet: its heading, and the model it describes.
SECTIONS = {
    "### Thema's (themes)": "borg_learning.Theme",
    "### Ontwikkelgroepen (development groups)": "borg_learning.DevelopmentGroup",
    "### Aanbieders (providers)": "borg_learning.Provider",
    "### Aanbod (offers)": "borg_learning.Offering",
    "## Questionnaires": "borg_learning.Questionnaire",
    "## Learning routes (Leerroutes)": "borg_learning_routes.Route",
    "## Points, badges, challenges and the leaderboard": (
        "borg_learning_badges.Badge",
        "borg_learning_challenges.Challenge",
        "borg_learning_leaderboards.Organisation",
    ),
}


def section(heading):
    """The text of the guide below ``heading``, up to the next heading."""
    text = GUIDE.read_text()
    start = text.index(heading) + len(heading)
    end = re.compile(r"^#{1,3} ", re.M).search(text, start)
    return text[start : end.start() if end else None]


def form_labels(model):
    """The labels of the fields an editor fills in on the snippet's form, child forms too,
    in Dutch."""
    edit_handler = model.snippet_viewset.get_edit_handler()
    form_class = edit_handler.get_form_class()
    labels = {str(field.label) for field in form_class.base_fields.values()}
    for formset in form_class.formsets.values():
        labels |= {str(field.label) for field in formset.form.base_fields.values()}
    return labels


@pytest.mark.parametrize("heading", SECTIONS)
def test_the_guide_names_every_field_as_the_admin_does(heading):
    models = SECTIONS[heading]
    with translation.override("nl"):
        labels = set().union(
            *(
                form_labels(apps.get_model(name))
                for name in ([models] if isinstance(models, str) else models)
            )
        )
    named = {term.lower() for term in re.findall(r"\*\*([^*]+)\*\*", section(heading))}
    missing = sorted(label for label in labels if label.lower() not in named)
    assert labels, models
    assert missing == [], f"{heading} does not name these admin fields: {missing}"
