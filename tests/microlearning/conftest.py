import pytest

from tests import factories
from tests.learners import conftest as learners

browser = learners.browser


@pytest.fixture
def section(environment):
    """The section "Microlearning" the microlessons go in."""
    return factories.section(environment, title="Microlearning", slug="microlearning")


@pytest.fixture
def theme(db):
    return factories.ThemeFactory(name="Agressie", slug="agressie")
