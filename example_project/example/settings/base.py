"""Settings shared by every environment of the example site."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers
from csp.constants import NONE, SELF, UNSAFE_INLINE

from example.security import origins

BASE_DIR = Path(__file__).resolve().parents[2]

INSTALLED_APPS = [
    "home",
    "demo",
    "frontend",
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
    "graphene_django",
    "rest_framework",
    "corsheaders",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
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
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # The development server leaves static files to WhiteNoise, as production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files, compressed and cached for a year under hashed names (example/static.py).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "example.static.CompressMiddleware",
    "example.security.ScopedCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The admin's preview panel frames the frontend's preview route: SAMEORIGIN there.
    "example.security.PreviewFramingMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "example.urls"

# No page may be framed by another, except the frontend's preview route by the admin
# (example.security.PreviewFramingMiddleware), as the preview panel does.
X_FRAME_OPTIONS = "DENY"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes) for the Wagtail admin and the Django admin: both log in
# through django.contrib.auth, where axes' backend refuses a locked-out client even with
# the right password. Attempts are kept in the database, which every worker shares.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)  # without it a lockout lasts until an admin lifts it
# Per user name and address together: a guesser is stopped, while nobody can lock an
# editor out from elsewhere by typing wrong passwords for their user name.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True  # a typo this morning does not count against this afternoon
# The address the evaluation rate limit counts, so CLIENT_ADDRESS_HEADER serves both.
AXES_CLIENT_IP_CALLABLE = "borg_learning.throttling.client_address"
AXES_COOLOFF_MESSAGE = "Te veel mislukte inlogpogingen. Probeer het over een kwartier opnieuw."

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "example.static.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

WAGTAIL_SITE_NAME = "De Borg"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Dutch stemming on PostgreSQL; SQLite ignores SEARCH_CONFIG.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILAPI_RICH_TEXT_FORMAT = "html"  # REST clients get HTML with links resolved
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# The frontend renders pages; "view live" and "preview" in the admin go there.
FRONTEND_URL = os.environ.get("FRONTEND_URL", "http://127.0.0.1:8000")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": FRONTEND_URL},
    "SERVE_BASE_URL": FRONTEND_URL,
    "REDIRECT_ON_PREVIEW": True,
}

GRAPHENE = {"SCHEMA": "borg_learning.api.graphql.schema"}

CORS_ALLOWED_ORIGINS = [
    origin for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if origin
]
CORS_URLS_REGEX = r"^/(graphql|api)/.*$"
# The frontend names its learner with this header (borg_learning.learners), never a cookie.
CORS_ALLOW_HEADERS = (*default_headers, "x-learner-token")

# Editors' avatars without sending a hash of their e-mail address to gravatar.com; the
# admin's Content-Security-Policy then needs no image host of its own.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Content-Security-Policy (django-csp). The demo frontend puts HTML from the API into the
# page, so its policy runs no inline script and no inline style: scripts and styles come
# from STATIC_URL, the API and media from this site (or the origins in their URLs), the
# service worker and the manifest from this site, and frames only from the video players
# blocks.js builds, after the learner's click.
VIDEO_PLAYERS = ["https://player.vimeo.com", "https://www.youtube-nocookie.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *origins(STATIC_URL)],
        "style-src": [SELF, *origins(STATIC_URL)],
        "img-src": [SELF, *origins(MEDIA_URL)],
        "media-src": [SELF, *origins(MEDIA_URL)],
        "connect-src": [SELF],
        # The installable app: its service worker and manifest come from the site's root.
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "frame-src": VIDEO_PLAYERS,
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        # The admin's preview panel shows the frontend in a frame.
        "frame-ancestors": [SELF, *origins(WAGTAILADMIN_BASE_URL)],
    }
}
# The Wagtail admin still has inline scripts and styles (wagtail/wagtail#1288): it gets a
# policy of its own that allows them. GraphiQL is served from the app's static files.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, *origins(STATIC_URL)],
        "style-src": [SELF, UNSAFE_INLINE, *origins(STATIC_URL)],
        "img-src": [SELF, "data:", "blob:", *origins(MEDIA_URL)],
        "media-src": [SELF, "blob:", *origins(MEDIA_URL)],
        "connect-src": [SELF, "https://releases.wagtail.org"],  # the update notice
        "frame-src": [SELF, *origins(FRONTEND_URL), *VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}
GRAPHIQL_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, *origins(STATIC_URL)],
        "style-src": [SELF, *origins(STATIC_URL)],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:", *origins(STATIC_URL)],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}
CONTENT_SECURITY_POLICY_SCOPES = [
    (["/admin/", "/django-admin/"], ADMIN_CONTENT_SECURITY_POLICY),
    (["/graphql/"], GRAPHIQL_CONTENT_SECURITY_POLICY),
]

BORG_LEARNING = {
    # De Borg's words; without them the app uses WAGTAIL_SITE_NAME and neutral labels.
    "EDITOR_GROUP": "Borgbureau",
    "QUOTE_ISSUER": "Borgbureau De Borg",
    "LINK_KIND_LABELS": {"borg_website": "Website De Borg", "knowledge_site": "Kennis vindplaats"},
    "DEFAULT_QUESTIONNAIRE": "evaluatie-module",  # made by load_demo_content
    "FRONTEND_URL": FRONTEND_URL,  # "View live" and the APIs' page URLs
    # The documented queries the demo frontend sends: by their hash, queries over GET.
    "GRAPHQL_PERSISTED_QUERY_DIRS": [BASE_DIR.parent / "docs" / "queries"],
}
