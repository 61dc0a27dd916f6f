"""The demo's group quotes: Trajectum crossed a tier with its second quote, the first kept
its own, and loading again changes nothing."""

from decimal import Decimal

import pytest

from borg_learning.quotes.models import Enrolment, Organisation, Quote, RoutePrice, Track
from demo import content


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def counts():
    return [model.objects.count() for model in (Track, RoutePrice, Organisation, Enrolment, Quote)]


def test_trajectum_reached_a_higher_tier_with_its_second_quote(loaded):
    first, second = Quote.objects.filter(organisation__name="Trajectum").order_by("pk")
    assert (first.total_participants, first.discount_percentage) == (3, Decimal("0.00"))
    assert (second.total_participants, second.discount_percentage) == (9, Decimal("10.00"))
    assert [(line.title, line.is_new) for line in second.lines.all()] == [
        ("Train-de-Trainer", False),
        ("Verdiepingsdag: SGG bij cliënten met een LVB", True),
        ("Inwerkroute begeleider", True),
    ]
    # 3 × 995 + 2 × 395 + 4 × 350, less 10 %, plus 3 × 50 literature
    assert second.total_excl_vat == Decimal("5175.00") - Decimal("517.50") + Decimal("150.00")


def test_loading_again_changes_no_quote(loaded):
    before = counts()
    report = content.load()
    assert counts() == before
    assert "Quotes exist, left as they are: Trajectum" in report


def test_the_quotes_are_left_out_when_the_demo_cannot_make_them(loaded):
    """The SGG day missing, or its price gone: a report line, no quote, no error."""
    from borg_learning.models import Offering
    from demo import quotes

    Quote.objects.all().delete()
    Enrolment.objects.all().delete()
    offer = Offering.objects.get(title=quotes.OFFER_TITLE)
    Offering.objects.filter(pk=offer.pk).update(cost=None)
    report = content.Report()
    quotes.load(report)
    assert any(line.startswith("Quotes left out: ") and "no price" in line for line in report.lines)
    assert not Quote.objects.exists() and not Enrolment.objects.exists()

    Offering.objects.filter(pk=offer.pk).update(title="Een andere dag")
    report = content.Report()
    quotes.load(report)
    assert f"Quotes left out: no offer {quotes.OFFER_TITLE!r}" in report.lines
    assert not Quote.objects.exists()
