"""A warning when the frontend could not send the learner token across origins."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

HEADER = "x-learner-token"


@register(Tags.security)
def check_cors_allows_learner_token(app_configs=None, **kwargs):
    """With django-cors-headers allowing other origins, the browser sends
    ``X-Learner-Token`` only when ``CORS_ALLOW_HEADERS`` names it."""
    if "corsheaders" not in settings.INSTALLED_APPS:
        return []
    cross_origin = (
        getattr(settings, "CORS_ALLOWED_ORIGINS", None)
        or getattr(settings, "CORS_ALLOWED_ORIGIN_REGEXES", None)
        or getattr(settings, "CORS_ALLOW_ALL_ORIGINS", False)
    )
    if not cross_origin:
        return []
    from corsheaders.defaults import default_headers

    allowed = getattr(settings, "CORS_ALLOW_HEADERS", default_headers)
    if HEADER in {str(header).lower() for header in allowed}:
        return []
    return [
        Warning(
            "CORS_ALLOW_HEADERS does not allow the X-Learner-Token header: a frontend on "
            "another origin cannot send its learner token, so no progress is kept.",
            hint='CORS_ALLOW_HEADERS = (*corsheaders.defaults.default_headers, "x-learner-token")',
            id="borg_learning_learners.W001",
        )
    ]
