import pytest

from borg_learning.leaderboards.models import Organisation
from tests.helpers.clock import clock  # noqa: F401 (fixture)
from tests.helpers.leaderboards import LeaderboardFrontend


@pytest.fixture
def browsers(send):
    return lambda token=None: LeaderboardFrontend(send, token)


@pytest.fixture
def noord(db):
    return Organisation.objects.create(name="De Borg Noord", slug="de-borg-noord")


@pytest.fixture
def zuid(db):
    return Organisation.objects.create(name="De Borg Zuid", slug="de-borg-zuid")
