"""The gamification's admin strings are shipped in Dutch, from the sub-app's own locale."""

from django.apps import apps
from django.utils import translation

from borg_learning.gamification import points
from borg_learning.gamification.models import PointsRules, Rule, StreakFreeze
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_gamification")


def test_the_gamification_speaks_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_gamification").verbose_name) == (
            "Punten en reeksen"
        )
        assert str(PointsRules._meta.verbose_name) == "puntenregels"
        assert str(StreakFreeze._meta.verbose_name_plural) == "pauzedagen"
        assert str(Rule.REVIEW_RECALLED.label) == "Herhaalkaart goed beantwoord"
        assert [level.name for level in points.levels()][:2] == ["Starter", "Verkenner"]


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) > 30
    assert untranslated(CATALOGUE) == []
