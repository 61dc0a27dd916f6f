import pytest

from tests import factories
from tests.helpers.badges import BadgeFrontend, rsa_key_pem
from tests.reviews import conftest as reviews

#: The reviews' fixture that moves the server's time.
clock = reviews.clock


@pytest.fixture
def browser(send):
    return BadgeFrontend(send)


@pytest.fixture
def browsers(send):
    return lambda token=None: BadgeFrontend(send, token)


@pytest.fixture
def section(environment):
    return factories.section(environment, title="Modules")


@pytest.fixture
def signing_key(settings):
    """The site signs exported badges with a fresh RSA key (its PEM text)."""
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "BADGE_SIGNING_KEY": rsa_key_pem()}
    return rsa_key_pem()
