import pytest

from borg_learning.routes import signals as route_signals
from tests import factories
from tests.helpers.routes import RouteFrontend


@pytest.fixture
def browser(send):
    return RouteFrontend(send)


@pytest.fixture
def browsers(send):
    return lambda token=None: RouteFrontend(send, token)


@pytest.fixture
def section(environment):
    return factories.section(environment, title="Modules")


@pytest.fixture
def module(section):
    """A basic module of two text blocks."""
    return factories.basic_module(
        section,
        "Grenzen stellen",
        body=factories.body_blocks(2, section, kinds=("text",)),
        audience_roles=["support-worker"],
    )


@pytest.fixture
def specialist(section):
    """A specialist module with two parts of one text block each."""
    return factories.specialist_module(section, "SGG", parts=2, blocks_per_part=1, kinds=("text",))


@pytest.fixture
def part(specialist):
    return specialist.get_children().first().specific


@pytest.fixture
def offering():
    return factories.OfferingFactory(title="Basiscursus LVB", duration_minutes=90)


ASSIGNMENT = {
    "title": "Loop een dienst mee",
    "description": "Met je werkbegeleider, op je eigen groep.",
    "duration_minutes": 240,
    "within_days": 14,
}


@pytest.fixture
def route(module, part, offering):
    """A route of each kind of step: a module, a part, an offer and an assignment."""
    return factories.route(
        [module, part, offering, ASSIGNMENT],
        title="Inwerkroute begeleider",
        slug="inwerkroute-begeleider",
        audience_roles=["support-worker"],
    )


@pytest.fixture
def completed_routes():
    """The route_completed events sent while the test runs."""
    sent = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal")
        sent.append(kwargs)

    route_signals.route_completed.connect(receiver)
    yield sent
    route_signals.route_completed.disconnect(receiver)
