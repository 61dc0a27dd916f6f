"""Settings for the test suite: SQLite by default, PostgreSQL when DATABASE_URL says so;
the local memory cache by default, Redis when REDIS_URL says so."""

import os
import tempfile

import dj_database_url
from corsheaders.defaults import default_headers

SECRET_KEY = "tests-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    # A home page for the site root; not the example site's apps (example_project/example_tests).
    "tests.testapp",
    "borg_learning",
    "borg_learning.learners",
    "borg_learning.routes",
    "borg_learning.reviews",
    "borg_learning.microlearning",
    "borg_learning.certificates",
    "borg_learning.challenges",
    "borg_learning.badges",
    "borg_learning.gamification",
    "borg_learning.leaderboards",
    "borg_learning.lms",
    "borg_learning.quotes",
    "borg_learning.linkcheck",
    "borg_learning.podcasts",
    "wagtailmedia",
    "wagtail_headless_preview",
    # A generic Wagtail GraphQL layer, to test one schema with both (tests/api).
    "grapple",
    "wagtail.contrib.redirects",  # grapple needs it
    # Translations as a multilingual site makes them (tests/api/test_translations.py).
    "wagtail_localize",
    "graphene_django",
    "rest_framework",
    "corsheaders",
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tests.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

DATABASES = {"default": dj_database_url.config(default="sqlite:///:memory:")}

# The rate limit and the once-a-day visit count keep their keys in the default cache. On
# Redis (scripts/with-redis, which make test uses for the PostgreSQL pass) the live
# server's threads and the tests share one cache as a site's workers do. REDIS_URL names
# the server; each pytest-xdist worker takes a database of its own (gw0 the first, a run
# without workers the 0th), as every test empties the cache it uses.
if os.environ.get("REDIS_URL"):
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    _database = int(_worker.removeprefix("gw")) + 1 if _worker else 0
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{os.environ['REDIS_URL'].rstrip('/')}/{_database}",
        }
    }

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
# A fresh media folder per run, removed again at the end (the suites' conftest.py).
MEDIA_ROOT = tempfile.mkdtemp(prefix="borg-learning-media-")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
WAGTAIL_SITE_NAME = "De Borg"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Dutch stemming on PostgreSQL; SQLite ignores SEARCH_CONFIG.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": "http://frontend.test"}}
CORS_ALLOWED_ORIGINS = ["http://frontend.test"]
CORS_URLS_REGEX = r"^/(graphql|api)/.*$"
CORS_ALLOW_HEADERS = (*default_headers, "x-learner-token")

# De Borg's own words: its editors' group. A test that sets BORG_LEARNING to other keys
# reads the default instead, as the group's migrations ran with this one.
BORG_LEARNING = {"EDITOR_GROUP": "Borgbureau"}
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# wagtail-grapple makes its own types for these apps' pages (see test_schema_composition).
GRAPPLE = {"APPS": ["testapp", "borg_learning"]}
