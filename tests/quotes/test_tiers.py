"""The discount tier an organisation's participants reach together, at every boundary,
and what a new enrolment that crosses one does to the new quote and to the old ones."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from borg_learning.quotes import document, pricing, quoting
from borg_learning.quotes.models import DiscountTier, Enrolment, PriceList, Quote
from tests.helpers.admin_forms import snippet_url
from tests.quotes.conftest import on_track

pytestmark = pytest.mark.django_db

SHOWN = (
    "total_participants",
    "tuition",
    "discount_percentage",
    "tier_discount",
    "literature",
    "total_excl_vat",
    "vat_rate",
    "vat",
    "total_incl_vat",
)


def shown(quote, monkeypatch) -> dict:
    """What the PDF and the admin show of ``quote``: its lines and figures, in Dutch.
    Pricing is switched off: a stored quote is shown as stored, never priced again."""

    def priced_again(*args, **kwargs):
        raise AssertionError("a stored quote was priced again")

    monkeypatch.setattr(pricing, "calculate", priced_again)
    monkeypatch.setattr(quoting, "calculate", priced_again)
    with translation.override("nl"):
        context = document.context(quote)
    lines = [
        (line["participants"], line["price"], line["amount"], line["is_new"])
        for line in context["lines"]
    ]
    return {"lines": lines, **{name: context[name] for name in SHOWN}}


@pytest.mark.parametrize(
    ("participants", "percentage"),
    [
        (1, "0"),
        (3, "0"),  # the programme says "< 3"; 3 is taken as no discount
        (4, "5"),
        (8, "5"),
        (9, "10"),
        (12, "10"),
        (13, "15"),
        (16, "15"),
        (17, "17"),
        (40, "17"),
    ],
)
def test_each_tier_boundary(quote, price_list, track, participants, percentage):
    answer = quote(enrolments=[on_track(participants)])
    assert answer["errors"] == []
    figures = answer["quote"]
    assert Decimal(figures["tier"]["percentage"]) == Decimal(percentage)
    tuition = participants * Decimal("995.00")
    discount = (tuition * Decimal(percentage) / 100).quantize(Decimal("0.01"))
    literature = participants * Decimal("50.00")
    net = tuition - discount + literature
    vat = (net * Decimal("0.21")).quantize(Decimal("0.01"))
    assert figures["tuition"] == str(tuition)
    assert figures["tierDiscount"] == str(discount)
    assert figures["literature"] == str(literature)
    assert figures["totalExclVat"] == str(net)
    assert figures["vat"] == str(vat)
    assert figures["totalInclVat"] == str(net + vat)


def test_the_example_of_the_programme_in_euros(quote, price_list, track):
    """Nine participants in a track: 10 % off the fees, literature at cost, 21 % VAT."""
    figures = quote(enrolments=[on_track(9)])["quote"]
    assert (figures["tuition"], figures["tierDiscount"], figures["literature"]) == (
        "8955.00",
        "895.50",
        "450.00",
    )
    assert (figures["totalExclVat"], figures["vat"], figures["totalInclVat"]) == (
        "8509.50",
        "1787.00",  # 1786.995, rounded half up once
        "10296.50",
    )
    assert figures["tier"] == {"minParticipants": 9, "maxParticipants": 12, "percentage": "10.00"}
    assert figures["nextTier"] == {"minParticipants": 13, "percentage": "15.00"}
    assert figures["participantsToNextTier"] == 4


def test_participants_of_several_activities_count_together(quote, price_list, track, offer, route):
    answer = quote(
        enrolments=[
            on_track(2),
            {"offer": str(offer.pk), "participants": 1},
            {"route": route.slug, "participants": 1},
        ]
    )
    figures = answer["quote"]
    assert figures["totalParticipants"] == 4
    assert figures["tier"]["percentage"] == "5.00"
    assert [(line["kind"], line["activity"], line["amount"]) for line in figures["lines"]] == [
        ("TRACK", "train-de-trainer", "1990.00"),
        ("OFFER", str(offer.pk), "395.00"),
        ("ROUTE", "inwerkroute-begeleider", "250.00"),
    ]
    assert figures["tuition"] == "2635.00"
    assert figures["tierDiscount"] == "131.75"


def test_a_request_answers_what_the_quote_query_answers(
    request_quote, quote, price_list, track, organisation
):
    """The same ask, previewed and then stored: the same tier, with its upper bound and
    the next tier, and the same figures."""
    ask = {"organisationCode": organisation.code, "enrolments": [on_track(9)]}
    preview = quote(**ask)["quote"]
    stored = request_quote(**ask)
    assert stored["ok"], stored
    assert stored["quote"]["tier"] == {
        "minParticipants": 9,
        "maxParticipants": 12,
        "percentage": "10.00",
    }
    assert stored["quote"]["nextTier"] == {"minParticipants": 13, "percentage": "15.00"}
    assert stored["quote"]["participantsToNextTier"] == 4
    assert stored["quote"]["number"] and preview["number"] is None
    for name in ("number", "pdfUrl"):
        del preview[name], stored["quote"][name]
    assert stored["quote"] == preview


def test_a_new_enrolment_that_crosses_a_tier_prices_the_earlier_ones_again(
    request_quote, quote, price_list, track, offer, organisation, editor, monkeypatch
):
    first = request_quote(organisationCode=organisation.code, enrolments=[on_track(3)])
    assert first["ok"], first
    assert first["quote"]["tier"]["percentage"] == "0.00"
    assert first["quote"]["totalExclVat"] == "3135.00"  # 3 × 995 + 3 × 50

    # Asked, not stored: the organisation's 3 earlier participants and 1 new reach 5 %.
    preview = quote(
        organisationCode=organisation.code,
        enrolments=[{"offer": str(offer.pk), "participants": 1}],
    )["quote"]
    assert preview["totalParticipants"] == 4
    assert [(line["participants"], line["new"]) for line in preview["lines"]] == [
        (3, False),
        (1, True),
    ]
    assert preview["tierDiscount"] == "169.00"  # 5 % of 2985 + 395
    assert preview["organisation"] == "Trajectum"

    second = request_quote(
        organisationCode=organisation.code, enrolments=[{"offer": str(offer.pk), "participants": 1}]
    )
    assert second["ok"], second
    assert second["quote"]["tierDiscount"] == "169.00"
    assert second["quote"]["totalExclVat"] == str(Decimal("3380.00") - Decimal("169.00") + 150)

    # The first quote keeps the tier and amounts it was made with.
    old, new = Quote.objects.order_by("pk")
    assert (old.total_participants, old.discount_percentage, old.tier_discount) == (
        3,
        Decimal("0.00"),
        Decimal("0.00"),
    )
    assert old.lines.count() == 1
    assert (new.total_participants, new.discount_percentage) == (4, Decimal("5.00"))
    assert [line.is_new for line in new.lines.all()] == [False, True]
    assert Enrolment.objects.filter(organisation=organisation).count() == 2
    # Its PDF and its page in the admin show it so: 3 participants, no discount.
    assert shown(old, monkeypatch) == {
        "lines": [(3, "€ 995,00", "€ 2.985,00", True)],
        "total_participants": 3,
        "tuition": "€ 2.985,00",
        "discount_percentage": "0 %",
        "tier_discount": "€ 0,00",
        "literature": "€ 150,00",
        "total_excl_vat": "€ 3.135,00",
        "vat_rate": "21 %",
        "vat": "€ 658,35",
        "total_incl_vat": "€ 3.793,35",
    }
    assert shown(new, monkeypatch)["lines"] == [
        (3, "€ 995,00", "€ 2.985,00", False),
        (1, "€ 395,00", "€ 395,00", True),
    ]
    page = editor.get(snippet_url(Quote, "inspect", old.pk)).content.decode()
    assert "Staffelkorting 0 % (3 deelnemers in totaal)" in page
    assert "€ 3.793,35" in page


def test_a_quote_keeps_its_prices_when_a_new_price_list_starts(
    request_quote, quote, price_list, track, organisation, editor, monkeypatch
):
    request_quote(organisationCode=organisation.code, enrolments=[on_track(2)])
    later = PriceList.objects.create(
        valid_from=timezone.localdate() + datetime.timedelta(days=1),
        track_price=Decimal("1100.00"),
        vat_rate=Decimal("0"),
    )
    DiscountTier.objects.create(price_list=later, min_participants=1, percentage=Decimal("0"))
    DiscountTier.objects.create(price_list=later, min_participants=3, percentage=Decimal("20"))

    stored = Quote.objects.get()
    assert (stored.track_price, stored.vat_rate, stored.total_excl_vat) == (
        Decimal("995.00"),
        Decimal("21.00"),
        Decimal("2090.00"),
    )
    # Today the old prices apply, tomorrow the new ones: a quote is priced by its date.
    assert quote(enrolments=[on_track(3)])["quote"]["pricesValidFrom"] == str(price_list.valid_from)
    tomorrow = quote(enrolments=[on_track(3)], date=str(later.valid_from))["quote"]
    assert (tomorrow["tuition"], tomorrow["tierDiscount"], tomorrow["vat"]) == (
        "3300.00",
        "660.00",
        "0.00",
    )

    # The Borgbureau changes today's prices too, and the organisation enrols 10 more.
    PriceList.objects.filter(pk=price_list.pk).update(
        track_price=Decimal("1200.00"), literature_price=Decimal("80.00"), vat_rate=Decimal("9")
    )
    price_list.tiers.update(percentage=Decimal("50"))
    Enrolment.objects.create(organisation=organisation, track=track, participants=10)
    assert quote(organisationCode=organisation.code, enrolments=[])["quote"]["tuition"] == (
        "14400.00"  # 12 × 1200
    )
    # The quote's PDF and its page in the admin still show what it was made with.
    assert shown(Quote.objects.get(), monkeypatch) == {
        "lines": [(2, "€ 995,00", "€ 1.990,00", True)],
        "total_participants": 2,
        "tuition": "€ 1.990,00",
        "discount_percentage": "0 %",
        "tier_discount": "€ 0,00",
        "literature": "€ 100,00",
        "total_excl_vat": "€ 2.090,00",
        "vat_rate": "21 %",
        "vat": "€ 438,90",
        "total_incl_vat": "€ 2.528,90",
    }
    html = document.render_html(Quote.objects.get())
    page = editor.get(snippet_url(Quote, "inspect", stored.pk)).content.decode()
    for text in ("€ 995,00", "€ 2.090,00", "Btw 21 %", "€ 2.528,90"):
        assert text in html and text in page, text


def test_an_inactive_enrolment_no_longer_counts(quote, price_list, track, organisation):
    Enrolment.objects.create(organisation=organisation, track=track, participants=5, active=False)
    Enrolment.objects.create(organisation=organisation, track=track, participants=3)
    figures = quote(organisationCode=organisation.code, enrolments=[on_track(1)])["quote"]
    assert figures["totalParticipants"] == 4
    assert len(figures["lines"]) == 2


def test_an_organisation_sees_its_current_quote_without_new_enrolments(
    quote, price_list, track, organisation
):
    Enrolment.objects.create(organisation=organisation, track=track, participants=9)
    code = f"{organisation.code[:4]}-{organisation.code[4:8]}-{organisation.code[8:]}".lower()
    figures = quote(organisationCode=code, enrolments=[])["quote"]
    assert (figures["totalParticipants"], figures["tier"]["percentage"]) == (9, "10.00")


def test_the_query_costs_the_same_for_four_lines_and_thirty(
    graphql, price_list, track, offer, route, organisation, django_assert_num_queries
):
    from tests.quotes.conftest import QUOTE

    Enrolment.objects.create(organisation=organisation, track=track, participants=2)
    few = [
        on_track(1),
        {"offer": str(offer.pk), "participants": 1},
        {"route": route.slug, "participants": 1},
    ]
    variables = {"organisationCode": organisation.code}
    graphql(QUOTE, {"input": {**variables, "enrolments": few}})  # warm-up
    # Price list, its tiers and route prices, the organisation, its enrolments, the
    # offers, the routes, the tracks.
    with django_assert_num_queries(8):
        answer = graphql(QUOTE, {"input": {**variables, "enrolments": few}})
    assert len(answer["data"]["quote"]["quote"]["lines"]) == 4  # 1 earlier, 3 new

    # Nine more earlier enrolments, of every kind, and twenty new ones.
    for _ in range(3):
        Enrolment.objects.create(organisation=organisation, track=track, participants=1)
        Enrolment.objects.create(organisation=organisation, offering=offer, participants=1)
        Enrolment.objects.create(organisation=organisation, route=route, participants=1)
    many = [on_track(1), {"offer": str(offer.pk), "participants": 1}] * 9 + [
        {"route": route.slug, "participants": 1}
    ] * 2
    with django_assert_num_queries(8):
        answer = graphql(QUOTE, {"input": {**variables, "enrolments": many}})
    lines = answer["data"]["quote"]["quote"]["lines"]
    assert len(lines) == 30  # 10 earlier, 20 new
    assert {line["kind"] for line in lines if not line["new"]} == {"TRACK", "OFFER", "ROUTE"}
