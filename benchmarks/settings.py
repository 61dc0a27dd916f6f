"""Settings of the API benchmark (benchmarks/api.py): the test suite's, plus wagtail-grapple
fields on the module pages so that grapple can answer the same content, the frontend's
persisted documents, and what the gunicorn mode needs to share with its workers (a file
database and one media folder, both named by the environment)."""

import os
from pathlib import Path

from tests.settings import *  # noqa: F403
from tests.settings import BORG_LEARNING, DATABASES, INSTALLED_APPS

ROOT = Path(__file__).resolve().parent.parent

# Before grapple: its ready() builds its types from the fields this app's ready() sets.
INSTALLED_APPS = [
    *INSTALLED_APPS[: INSTALLED_APPS.index("grapple")],
    "benchmarks.grapple_fields.GrappleFields",
    *INSTALLED_APPS[INSTALLED_APPS.index("grapple") :],
]
ROOT_URLCONF = "benchmarks.urls"
DEBUG = False
BORG_LEARNING = {
    **BORG_LEARNING,
    "GRAPHQL_PERSISTED_QUERY_DIRS": [str(ROOT / "docs" / "queries")],
}
GRAPPLE = {"APPS": ["borg_learning"], "EXPOSE_GRAPHIQL": False}

if os.environ.get("BENCH_SQLITE_FILE"):  # the gunicorn mode: a database its workers share
    DATABASES["default"]["TEST"] = {"NAME": os.environ["BENCH_SQLITE_FILE"]}
if os.environ.get("BENCH_MEDIA_ROOT"):
    MEDIA_ROOT = os.environ["BENCH_MEDIA_ROOT"]
# The API v2 listing of the 100 modules in one page, as grapple's and ours give them.
WAGTAILAPI_LIMIT_MAX = 100
