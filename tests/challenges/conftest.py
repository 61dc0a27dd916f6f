import datetime

import pytest
from django.utils import timezone

from borg_learning.challenges.models import Challenge
from borg_learning.challenges.signals import challenge_completed
from tests import factories
from tests.helpers.challenges import ChallengeFrontend


@pytest.fixture
def browser(send):
    return ChallengeFrontend(send)


@pytest.fixture
def browsers(send):
    return lambda token=None: ChallengeFrontend(send, token)


@pytest.fixture
def section(environment):
    """The section "Microlearning" the microlessons go in."""
    return factories.section(environment, title="Microlearning", slug="microlearning")


@pytest.fixture
def agressie(db):
    return factories.ThemeFactory(name="Agressie", slug="agressie")


@pytest.fixture
def sgg(db):
    return factories.ThemeFactory(name="SGG", slug="sgg")


@pytest.fixture
def lessons(section, agressie, sgg):
    """Four text microlessons of the theme Agressie and two of SGG."""
    return [factories.microlesson(section, f"Agressie {n}", theme=agressie) for n in range(4)] + [
        factories.microlesson(section, f"SGG {n}", theme=sgg) for n in range(2)
    ]


@pytest.fixture
def this_month():
    """(first, last) day of the month we are in."""
    today = timezone.localdate()
    first = today.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last


@pytest.fixture
def challenge(this_month):
    """ "Deze maand: 3 microlessen", of any theme."""
    first, last = this_month
    return Challenge.objects.create(
        title="Deze maand: 3 microlessen",
        goal="microlessons",
        target=3,
        starts_on=first,
        ends_on=last,
    )


@pytest.fixture
def completed_challenges():
    """The challenge_completed events sent while the test runs."""
    sent = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal")
        sent.append(kwargs)

    challenge_completed.connect(receiver)
    yield sent
    challenge_completed.disconnect(receiver)
