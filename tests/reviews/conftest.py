import pytest

from tests import factories
from tests.helpers.clock import clock  # noqa: F401 (fixture)
from tests.helpers.reviews import ReviewFrontend, exercise_page


@pytest.fixture
def browser(send):
    return ReviewFrontend(send)


@pytest.fixture
def browsers(send):
    return lambda token=None: ReviewFrontend(send, token)


@pytest.fixture
def section(environment):
    return factories.section(environment, title="Modules")


@pytest.fixture
def module(section):
    """A basic module of a single choice, a multiple choice and a reflection."""
    return exercise_page(section)
