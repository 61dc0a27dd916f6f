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
]
GRAPPLE = {"APPS": ["home", "borg_learning"]}

AUTH_PASSWORD_VALIDATORS = base.AUTH_PASSWORD_VALIDATORS
