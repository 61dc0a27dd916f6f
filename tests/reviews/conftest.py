import datetime

import pytest
from django.utils import timezone

from tests import factories
from tests.helpers.reviews import ReviewFrontend, exercise_page
from tests.learners import conftest as learners

#: The learners' fixture: the graphql fixture, running what a commit runs.
send = learners.send


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


@pytest.fixture
def clock(monkeypatch):
    """Moves the server's time: ``clock.forward(days=1)``."""

    class Clock:
        offset = datetime.timedelta()
        real_now = staticmethod(timezone.now)

        def forward(self, **delta):
            self.offset += datetime.timedelta(**delta)

        def now(self):
            return self.real_now() + self.offset

    moved = Clock()
    monkeypatch.setattr(timezone, "now", moved.now)
    return moved
