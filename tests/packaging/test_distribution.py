"""What an operator installs: the wheel and the source distribution hold the whole app
(every sub-app's templates, static files and translations), its licence and its typing
marker, and nothing of the repository's tests or example site."""

import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

import borg_learning

ROOT = Path(__file__).resolve().parents[2]
SOURCES = (
    "borg_learning",
    "docs/package.md",
    "pyproject.toml",
    "MANIFEST.in",
    "LICENSE",
    "CHANGELOG.md",
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The wheel and sdist built from a copy of the sources, without build isolation (no
    download), so the working tree gets no build directories."""
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, source / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    version = borg_learning.__version__
    return (
        zipfile.ZipFile(out / f"borg_learning-{version}-py3-none-any.whl"),
        tarfile.open(out / f"borg_learning-{version}.tar.gz"),
    )


def package_files():
    """Every file of the app but Python's caches, relative to the repository."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "borg_learning").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_holds_every_file_of_every_sub_app(built):
    wheel, _sdist = built
    names = set(wheel.namelist())
    missing = sorted(package_files() - names)
    assert missing == []
    assert "borg_learning/py.typed" in names
    assert (
        "borg_learning/certificates/templates/borg_learning_certificates/certificate.html" in names
    )
    assert "borg_learning/routes/locale/nl/LC_MESSAGES/django.mo" in names


def test_the_wheel_s_metadata_names_its_licence_and_bounds(built):
    wheel, _sdist = built
    version = borg_learning.__version__
    metadata = Parser().parsestr(wheel.read(f"borg_learning-{version}.dist-info/METADATA").decode())
    assert metadata["License-Expression"] == "BSD-3-Clause"
    assert f"borg_learning-{version}.dist-info/licenses/LICENSE" in wheel.namelist()
    requires = metadata.get_all("Requires-Dist")
    assert any(r.startswith("django") and "<" in r for r in map(str.lower, requires))
    assert any(r.startswith("wagtail") and "<9" in r for r in map(str.lower, requires))
    description = metadata.get_payload()
    # Written for the package page: no links into a repository it does not come with.
    assert "](docs/" not in description and "make demo" not in description


def test_the_sdist_holds_the_app_its_licence_and_changes_but_no_tests(built):
    _wheel, sdist = built
    top = f"borg_learning-{borg_learning.__version__}/"
    names = {name.removeprefix(top) for name in sdist.getnames()}
    assert {"LICENSE", "CHANGELOG.md", "pyproject.toml", "docs/package.md"} <= names
    assert package_files() <= names
    assert not [name for name in names if name.startswith(("tests/", "example_project/"))]
