"""Settings for the example site's tests: the app's test settings (tests/settings.py), with
the example site's home page and demo content in place of the test app."""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

INSTALLED_APPS = ["home", "demo", *(app for app in INSTALLED_APPS if app != "tests.testapp")]
GRAPPLE = {"APPS": ["home", "borg_learning"]}
