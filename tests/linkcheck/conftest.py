import pytest

from tests.helpers.link_sites import ProviderSite


@pytest.fixture
def site():
    with ProviderSite() as running:
        yield running


@pytest.fixture
def quick(settings):
    """A check that waits 0.3 s for an answer and not between requests."""
    settings.BORG_LEARNING = {"LINKCHECK_TIMEOUT": 0.3, "LINKCHECK_HOST_DELAY": 0}
