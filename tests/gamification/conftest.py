import pytest

from tests.helpers.gamification import GamificationFrontend
from tests.learners import conftest as learners
from tests.reviews import conftest as reviews

#: The learners' fixtures: a section, and a specialist module of two parts of a text and
#: an exercise each.
section, specialist = learners.section, learners.specialist
#: The reviews' fixture that moves the server's time: ``clock.forward(days=1)``.
clock = reviews.clock


@pytest.fixture
def browser(send):
    return GamificationFrontend(send)


@pytest.fixture
def browsers(send):
    return lambda token=None: GamificationFrontend(send, token)
