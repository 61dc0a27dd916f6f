"""Settings for the example site's tests: the app's test settings (tests/settings.py), with
the example site's home page and demo content in place of the test app, and the example
site's security settings (example/settings/base.py) as they are, so the tests hold them."""

from example.settings import base
from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

INSTALLED_APPS = [
    "home",
    "demo",
    *(app for app in INSTALLED_APPS if app != "tests.testapp"),
    "axes",
    "csp",
]
GRAPPLE = {"APPS": ["home", "borg_learning"]}

MIDDLEWARE = base.MIDDLEWARE
X_FRAME_OPTIONS = base.X_FRAME_OPTIONS
FRONTEND_URL = base.FRONTEND_URL
AUTH_PASSWORD_VALIDATORS = base.AUTH_PASSWORD_VALIDATORS
AUTHENTICATION_BACKENDS = base.AUTHENTICATION_BACKENDS
AXES_FAILURE_LIMIT = base.AXES_FAILURE_LIMIT
AXES_COOLOFF_TIME = base.AXES_COOLOFF_TIME
AXES_LOCKOUT_PARAMETERS = base.AXES_LOCKOUT_PARAMETERS
AXES_RESET_ON_SUCCESS = base.AXES_RESET_ON_SUCCESS
AXES_CLIENT_IP_CALLABLE = base.AXES_CLIENT_IP_CALLABLE
AXES_COOLOFF_MESSAGE = base.AXES_COOLOFF_MESSAGE
WAGTAIL_GRAVATAR_PROVIDER_URL = base.WAGTAIL_GRAVATAR_PROVIDER_URL
CONTENT_SECURITY_POLICY = base.CONTENT_SECURITY_POLICY
CONTENT_SECURITY_POLICY_SCOPES = base.CONTENT_SECURITY_POLICY_SCOPES
# The demo frontend sends the documented queries by their hash, as the example site allows.
BORG_LEARNING = {
    "GRAPHQL_PERSISTED_QUERY_DIRS": base.BORG_LEARNING["GRAPHQL_PERSISTED_QUERY_DIRS"],
}
