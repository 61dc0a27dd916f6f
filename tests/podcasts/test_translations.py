"""The podcasts' admin strings and the feed's own texts are shipped in Dutch."""

from django.utils import translation

from borg_learning.podcasts.models import PodcastSettings
from tests.helpers.translations import assert_fully_translated


def test_the_podcast_settings_speak_dutch():
    with translation.override("nl"):
        assert str(PodcastSettings._meta.get_field("image").verbose_name) == "omslag"


def test_every_string_of_the_catalogue_is_translated():
    assert_fully_translated("borg_learning_podcasts", at_least=15)
