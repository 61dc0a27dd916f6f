"""The leaderboards' admin strings are shipped in Dutch, from the sub-app's own locale."""

from django.apps import apps
from django.utils import translation

from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from tests.helpers.translations import catalogue_path, entries, untranslated

CATALOGUE = catalogue_path("borg_learning_leaderboards")


def test_the_leaderboards_speak_dutch():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_leaderboards").verbose_name) == (
            "Ranglijsten"
        )
        assert str(Organisation._meta.verbose_name_plural) == "organisaties"
        assert str(LeaderboardMembership._meta.get_field("pseudonym").verbose_name) == (
            "schuilnaam"
        )


def test_every_string_of_the_catalogue_is_translated():
    assert len(entries(CATALOGUE)) >= 15
    assert untranslated(CATALOGUE) == []
