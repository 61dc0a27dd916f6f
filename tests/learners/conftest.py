import pytest

from tests import factories
from tests.helpers.learners import Frontend
from tests.helpers.signals import signals_sent

KINDS = ("text", "image", "audio", "video", "exercise", "download", "link")


@pytest.fixture
def browser(send):
    """A frontend in a browser without a learner token yet."""
    return Frontend(send)


@pytest.fixture
def browsers(send):
    """More browsers: ``browsers(token=None)``."""
    return lambda token=None: Frontend(send, token)


@pytest.fixture
def section(environment):
    return factories.section(environment, title="Modules")


@pytest.fixture
def module(section):
    """A basic module with one block of each kind."""
    return factories.basic_module(
        section, "Grenzen stellen", body=factories.body_blocks(len(KINDS), section)
    )


@pytest.fixture
def specialist(section):
    """A specialist module with two parts of a text and an exercise each."""
    return factories.specialist_module(
        section, "SGG", parts=2, blocks_per_part=2, kinds=("text", "exercise")
    )


@pytest.fixture
def received():
    """The domain events sent while the test runs, as (name, keyword arguments)."""
    with signals_sent("exercise_answered", "part_completed", "module_completed") as sent:
        yield sent
