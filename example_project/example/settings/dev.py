"""Development: DEBUG on, GraphiQL on, a fixed key, local frontends may call the API."""

from example.dev_keys import development_signing_key

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret-borg-learning"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
CORS_ALLOWED_ORIGINS = [
    "http://127.0.0.1:8000",
    "http://localhost:8000",
    "http://127.0.0.1:5173",
    "http://localhost:5173",
]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Exported badges are signed with a key of this checkout's own, made on the first start
# (production reads BADGE_SIGNING_KEY from the environment instead).
BORG_LEARNING = {
    **BORG_LEARNING,  # noqa: F405
    "BADGE_SIGNING_KEY": str(development_signing_key(BASE_DIR / "var" / "badge-signing-key.pem")),  # noqa: F405
}

# One process (runserver): the local memory cache holds the rate limits and the GraphQL
# response cache (production uses Redis, which all worker processes share).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
