"""A site that takes a colour or icon out of its palette hears which content still uses
it (the API would show that content without its colour or icon)."""

import pytest
from django.core.checks import run_checks

from borg_learning.conf import SETTINGS
from tests import factories

pytestmark = pytest.mark.django_db

PALETTE_WARNING = "borg_learning.W003"


def palette_warnings():
    return [
        message for message in run_checks(databases=["default"]) if message.id == PALETTE_WARNING
    ]


def test_a_colour_still_in_use_is_named_with_its_content(settings):
    factories.ThemeFactory(name="SGG", colour="purple", icon="shield")
    settings.BORG_LEARNING = {
        "COLOURS": [c for c in SETTINGS["COLOURS"].default if c[0] != "purple"]
    }
    (warning,) = palette_warnings()
    assert warning.msg == (
        "borg_learning.Theme.colour uses 'purple', which BORG_LEARNING['COLOURS'] does not have."
    )
    assert "choose another colour" in warning.hint


def test_an_icon_still_in_use_too(settings):
    factories.ThemeFactory(name="SGG", colour="purple", icon="shield")
    settings.BORG_LEARNING = {"ICONS": [i for i in SETTINGS["ICONS"].default if i[0] != "shield"]}
    assert [w.msg for w in palette_warnings()] == [
        "borg_learning.Theme.icon uses 'shield', which BORG_LEARNING['ICONS'] does not have."
    ]


def test_a_palette_that_covers_the_content_is_quiet():
    factories.ThemeFactory(name="SGG", colour="purple", icon="shield")
    assert palette_warnings() == []


def test_without_a_database_the_check_does_not_run(settings):
    factories.ThemeFactory(name="SGG", colour="purple")
    settings.BORG_LEARNING = {
        "COLOURS": [c for c in SETTINGS["COLOURS"].default if c[0] != "purple"]
    }
    assert [m for m in run_checks() if m.id == PALETTE_WARNING] == []
