"""The microlesson editor's strings are shipped in Dutch, from the sub-app's own locale."""

from django.apps import apps
from django.utils import translation

from borg_learning.microlearning.formats import MicrolessonFormat
from borg_learning.microlearning.lengths import length_choices
from borg_learning.microlearning.models import MicrolessonPage
from tests.helpers.translations import assert_fully_translated


def test_the_microlesson_editor_speaks_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_microlearning").verbose_name) == (
            "Microlearning"
        )
        assert str(MicrolessonPage._meta.verbose_name) == "microles"
        assert str(MicrolessonPage._meta.get_field("length").verbose_name) == "lengte"
        assert [str(label) for _value, label in MicrolessonFormat.choices] == [
            "Korte video",
            "Infographic",
            "Quiz",
            "Podcast",
            "Tekstsamenvatting",
        ]
        assert [label for _value, label in length_choices()] == [
            "30 seconden",
            "60 seconden",
            "90 seconden",
            "120 seconden",
        ]


def test_every_string_of_the_catalogue_is_translated():
    assert_fully_translated("borg_learning_microlearning", at_least=25)
