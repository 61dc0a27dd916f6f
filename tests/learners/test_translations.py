"""The learners' admin strings are shipped in Dutch, from the sub-app's own locale folder."""

from django.apps import apps
from django.utils import translation

from borg_learning.learners.models import BlockProgress, Learner, TransferCode
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_learners")


def test_the_learners_speak_dutch_in_the_admin():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_learners").verbose_name) == "Lerenden"
        assert str(Learner._meta.verbose_name_plural) == "lerenden"
        assert str(TransferCode._meta.verbose_name) == "overdrachtscode"
        assert str(BlockProgress._meta.get_field("played").help_text).startswith("Het grootste")


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) > 30
    assert untranslated(CATALOGUE) == []
