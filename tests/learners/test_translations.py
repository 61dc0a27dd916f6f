"""The learners' admin strings are shipped in Dutch, from the sub-app's own locale folder."""

import gettext
import re
from pathlib import Path

from django.apps import apps
from django.utils import translation

from borg_learning.learners.models import BlockProgress, Learner, TransferCode

CATALOGUE = (
    Path(apps.get_app_config("borg_learning_learners").path)
    / "locale"
    / "nl"
    / "LC_MESSAGES"
    / "django.po"
)


def test_the_learners_speak_dutch_in_the_admin():
    with translation.override("nl"):
        assert str(apps.get_app_config("borg_learning_learners").verbose_name) == "Lerenden"
        assert str(Learner._meta.verbose_name_plural) == "lerenden"
        assert str(TransferCode._meta.verbose_name) == "overdrachtscode"
        assert str(BlockProgress._meta.get_field("played").help_text).startswith("Het grootste")


def test_every_string_of_the_catalogue_is_translated():
    text = CATALOGUE.read_text()
    entries = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', text, re.M)
    assert len(entries) > 30
    assert [msgid for msgid, msgstr in entries if msgid and not msgstr] == []
    assert "#, fuzzy" not in text
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:  # compiled from this .po
        catalogue = gettext.GNUTranslations(compiled)
    assert all(catalogue.gettext(msgid) == msgstr for msgid, msgstr in entries if msgid)
