from decimal import Decimal

import pytest

from borg_learning.quotes.models import Organisation, PriceList, RoutePrice, Track
from tests import factories

QUOTE_FIELDS = """
    number pdfUrl date validUntil organisation pricesValidFrom
    lines { kind activity title participants price literaturePrice amount literatureAmount new }
    totalParticipants
    tier { minParticipants maxParticipants percentage }
    nextTier { minParticipants percentage }
    participantsToNextTier
    tuition tierDiscount literature
    practiceTeaching { settlement compensation asDiscount asPayment toEmployee }
    totalExclVat vatRate vat totalInclVat
"""
QUOTE = f"""
query ($input: LearningQuoteInput!) {{
  quote(input: $input) {{ quote {{ {QUOTE_FIELDS} }} errors {{ field code message }} }}
}}
"""
REQUEST = f"""
mutation ($input: LearningRequestQuoteInput!) {{
  requestQuote(input: $input) {{ ok quote {{ {QUOTE_FIELDS} }} errors {{ field code message }} }}
}}
"""


@pytest.fixture
def price_list(db):
    """The programme's prices, as the app's migration adds them."""
    return PriceList.objects.get()


@pytest.fixture
def track(db):
    return Track.objects.create(name="Train-de-Trainer", slug="train-de-trainer")


@pytest.fixture
def offer(db):
    return factories.OfferingFactory(title="Verdiepingsdag SGG", cost=Decimal("395.00"))


@pytest.fixture
def route(price_list):
    made = factories.route(title="Inwerkroute begeleider", slug="inwerkroute-begeleider")
    RoutePrice.objects.create(price_list=price_list, route=made, price=Decimal("250.00"))
    return made


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        name="Trajectum", contact_name="J. de Vries", address="Postbus 1\n8000 AA Zwolle"
    )


@pytest.fixture
def quote(graphql):
    """Ask the quote query; its answer's ``quote`` and ``errors``."""

    def ask(**input):
        answer = graphql(QUOTE, {"input": input})
        assert "errors" not in answer, answer
        return answer["data"]["quote"]

    return ask


@pytest.fixture
def request_quote(graphql):
    """Send requestQuote; the payload (ok, quote, errors)."""

    def send(**input):
        input.setdefault("requestedBy", "J. de Vries")
        answer = graphql(REQUEST, {"input": input})
        assert "errors" not in answer, answer
        return answer["data"]["requestQuote"]

    return send


def on_track(count, slug="train-de-trainer"):
    return {"track": slug, "participants": count}
