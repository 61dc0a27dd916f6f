"""The Dutch catalogue of an app: every string translated, and compiled."""

import gettext
import re
from pathlib import Path

from django.apps import apps


def dutch_catalogue(app_label):
    return Path(apps.get_app_config(app_label).path) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def assert_fully_translated(app_label, at_least=30):
    """Every msgid of the app's Dutch .po has a msgstr, none is fuzzy, and the .mo next to
    it was compiled from it."""
    path = dutch_catalogue(app_label)
    text = path.read_text()
    entries = re.findall(r'^msgid "(.*)"\nmsgstr "(.*)"$', text, re.M)
    assert len(entries) > at_least
    assert [msgid for msgid, msgstr in entries if msgid and not msgstr] == []
    assert "#, fuzzy" not in text
    with path.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    assert all(catalogue.gettext(msgid) == msgstr for msgid, msgstr in entries if msgid)
