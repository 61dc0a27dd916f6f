"""The badges' admin strings and criteria are shipped in Dutch, from the sub-app's own
locale folder."""

from django.apps import apps
from django.utils import translation

from borg_learning.badges.models import Badge, BadgeAward, Criterion
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_badges")


def test_the_badges_speak_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_badges").verbose_name) == "Badges"
        assert str(BadgeAward._meta.verbose_name_plural) == "verdiende badges"
        assert str(Badge._meta.get_field("image_description").verbose_name) == (
            "beschrijving van de afbeelding"
        )
        assert str(Criterion.THEME.label) == "Alle modules van een thema afgerond"
        assert Badge(criterion=Criterion.STREAK, count=1).criterion_text() == "Leer 1 dag op rij."


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) > 40
    assert untranslated(CATALOGUE) == []
