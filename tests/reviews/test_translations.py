"""The reviews' admin strings are shipped in Dutch, from the sub-app's own locale folder."""

from django.apps import apps
from django.utils import translation

from borg_learning.reviews.models import ReviewCard, ReviewLog, ReviewSource
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_reviews")


def test_the_reviews_speak_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_reviews").verbose_name) == (
            "Dagelijkse herhaling"
        )
        assert str(ReviewCard._meta.verbose_name_plural) == "herhaalkaarten"
        assert str(ReviewLog._meta.get_field("reviewed_at").verbose_name) == "herhaald op"
        assert str(ReviewSource.EXERCISE.label) == "Eerste antwoord op de oefening"


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) > 20
    assert untranslated(CATALOGUE) == []
