"""The version matrix: the app's test suite on each Wagtail line it supports, on SQLite
and on PostgreSQL.

    nox -s "tests(wagtail='7.4', django='5.2', database='sqlite')"   # one of them
    make matrix        # nox -t other: every line but the main one

The main line (the newest Wagtail, which ``make test`` runs with the example site and the
browser tests too) is the repository's own virtualenv; here each line gets a virtualenv
of its own with that Wagtail. Django: 5.2, the newest that installs on Python 3.11 (Django
6 needs Python 3.12).
"""

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True

WAGTAIL = {"7.4": "wagtail~=7.4.0", "8.0": "wagtail~=8.0.0"}
DJANGO = {"5.2": "Django~=5.2.0"}
DATABASES = ["sqlite", "postgres"]
#: ``make test`` runs this line, with the example site (tag "main"); ``make matrix`` the
#: others (tag "other").
MAIN = "8.0"


@nox.session  # on the Python nox runs with, as the main line
@nox.parametrize("database", DATABASES)
@nox.parametrize("django", list(DJANGO))
@nox.parametrize(
    "wagtail",
    [nox.param(line, tags=["main" if line == MAIN else "other"]) for line in WAGTAIL],
)
def tests(session, wagtail, django, database):
    session.install("-e", ".[dev,example]", WAGTAIL[wagtail], DJANGO[django])
    session.run(
        "python", "-c", "import django, wagtail; print(django.get_version(), wagtail.__version__)"
    )
    pytest = ["python", "-m", "pytest", "-n", "auto", "--maxprocesses=4", *session.posargs]
    if database == "postgres":
        session.run("scripts/with-postgres", "scripts/with-redis", *pytest, external=True)
    else:
        session.run(*pytest)
