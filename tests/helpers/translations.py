"""Checking a sub-app's Dutch catalogue: every string translated, none fuzzy, compiled."""

import gettext
import re
from pathlib import Path

from django.apps import apps


def catalogue_path(app_label):
    return Path(apps.get_app_config(app_label).path) / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def joined(lines):
    """A .po string that may go on over several quoted lines, as one."""
    return "".join(re.findall(r'^"(.*)"$', lines, re.M))


def entries(path):
    """(msgid, msgstr) of the catalogue's singular entries, the header left out."""
    found = re.findall(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', path.read_text(), re.M)
    return [(joined(msgid), joined(msgstr)) for msgid, msgstr in found if joined(msgid)]


def untranslated(path):
    """What is wrong with the catalogue: msgids without a translation, a fuzzy entry, a
    .mo that does not say what the .po says."""
    problems = [msgid for msgid, msgstr in entries(path) if not msgstr]
    if "#, fuzzy" in path.read_text():
        problems.append("#, fuzzy")
    with path.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    problems += [
        f"not compiled: {msgid}"
        for msgid, msgstr in entries(path)
        if msgstr and catalogue.gettext(msgid) != msgstr
    ]
    return problems


def assert_fully_translated(app_label, at_least=30):
    """The app's Dutch catalogue has more than ``at_least`` strings, all translated and
    compiled, none fuzzy."""
    path = catalogue_path(app_label)
    assert len(entries(path)) > at_least
    assert untranslated(path) == []
