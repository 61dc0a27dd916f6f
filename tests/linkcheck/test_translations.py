"""The link check's admin strings are shipped in Dutch, from the sub-app's own locale folder."""

from django.apps import apps
from django.utils import translation

from borg_learning.linkcheck.models import CheckedLink, LinkState
from tests.helpers.translations import assert_fully_translated


def test_the_link_check_speaks_dutch_in_the_admin():
    with translation.override("nl"):
        config = apps.get_app_config("borg_learning_linkcheck")
        assert str(config.verbose_name) == "Controle van de links in het aanbod"
        assert str(CheckedLink._meta.verbose_name_plural) == "gecontroleerde links"
        assert str(LinkState.REDIRECTED.label) == "Doorverwezen"


def test_every_string_of_the_catalogue_is_translated():
    assert_fully_translated("borg_learning_linkcheck")
