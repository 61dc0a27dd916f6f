"""Moving the server's time in a test: the ``clock`` fixture.

``timezone.now`` is replaced for the whole process, so a live server's threads see the
moved time too.
"""

import datetime

import pytest
from django.utils import timezone


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
