"""Production: everything secret or site-specific comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def env_list(name):
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = False
try:
    SECRET_KEY = os.environ["SECRET_KEY"]
except KeyError as error:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.") from error
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# A cache all workers share: the evaluation rate limit counts in it, and with each
# worker's own memory cache a client gets the limit once per worker.
REDIS_URL = os.environ.get("REDIS_URL", "")
if not REDIS_URL:
    raise ImproperlyConfigured(
        "Set the REDIS_URL environment variable (redis://host:6379/0): production needs a "
        "cache all workers share, or every worker counts rate limits on its own."
    )
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "borg",  # room for another site on the same Redis
    }
}

# Behind a proxy every request comes from the proxy: name the header it writes the
# client's address into (X-Forwarded-For), for the evaluation limit and the login lockout.
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER") or None

# JSON lines on stdout, where the process manager or container runtime collects them.
# Server errors (django.request logs 5xx as ERROR) and the app's own errors always
# appear; 404s and other 4xx (WARNING) do not, as every bot's guess would be one.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "example.logs.JSONFormatter"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        # Refused hosts are noise from scanners; other security events are worth seeing.
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
        "borg_learning": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        # Lockouts and failed logins.
        "axes": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}

BORG_LEARNING = {
    **BORG_LEARNING,  # noqa: F405
    "GRAPHIQL": os.environ.get("GRAPHIQL", "false").lower() == "true",
    # Only the documented queries, when the site's frontend is their only client.
    "GRAPHQL_PERSISTED_QUERIES_ONLY": (
        os.environ.get("GRAPHQL_PERSISTED_QUERIES_ONLY", "false").lower() == "true"
    ),
    "CLIENT_ADDRESS_HEADER": CLIENT_ADDRESS_HEADER,
    # The key that signs exported badges: a PEM file's path (or the PEM text), kept out of
    # the repository; never the development key. Unset: badges are not exported, and the
    # system check says so.
    "BADGE_SIGNING_KEY": os.environ.get("BADGE_SIGNING_KEY") or None,
}
