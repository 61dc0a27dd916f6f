"""The app's migrations run on every Wagtail line it supports (noxfile.py): Wagtail 7
has no swappable page model setting and not Wagtail 8's newest migrations, and
``makemigrations`` on Wagtail 8 writes both into a new migration. Mend a new migration as
the others are (``PAGE_MODEL``, a dependency Wagtail 7 has)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = sorted(
    path
    for folder in ("borg_learning", "tests/testapp", "example_project")
    for path in (ROOT / folder).rglob("migrations/0*.py")
)
#: The newest migration of each Wagtail app that Wagtail 7.4 has.
WAGTAIL_7_NEWEST = {"wagtailcore": 97, "wagtailimages": 27, "wagtaildocs": 14}


@pytest.mark.parametrize("path", MIGRATIONS, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_migration_runs_on_wagtail_7_too(path):
    text = path.read_text()
    assert "settings.WAGTAIL_PAGE_MODEL" not in text
    for app, number in re.findall(r"""\(['"](wagtail\w*)['"], ['"](\d{4})_""", text):
        assert int(number) <= WAGTAIL_7_NEWEST.get(app, 9999), f"{app} {number}"
