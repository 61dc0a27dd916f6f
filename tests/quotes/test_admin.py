"""The quotes in the admin, in Dutch: the menu, the organisations with the tier they
reach, an organisation's enrolments, the frozen quotes and their downloads, and the price
lists the Borgbureau edits."""

import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from borg_learning.quotes.models import DiscountTier, Enrolment, Organisation, PriceList, Quote
from tests.helpers.admin_forms import inline_formset, nested_form_data, snippet_url
from tests.helpers.translations import assert_fully_translated
from tests.quotes.conftest import on_track

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotes(request_quote, organisation, track, offer, price_list):
    """Two quotes of Trajectum: 3 participants (no discount), then 2 more (5 %)."""
    request_quote(organisationCode=organisation.code, enrolments=[on_track(3)], reference="=1+1")
    request_quote(
        organisationCode=organisation.code, enrolments=[{"offer": str(offer.pk), "participants": 2}]
    )
    return list(Quote.objects.order_by("pk"))


def test_the_menu_offers_the_quotes(editor):
    html = editor.get("/admin/").content.decode()
    for label in ("Offertes", "Organisaties", "Leertrajecten", "Prijslijsten"):
        assert label in html, label


def test_the_organisations_show_their_participants_and_tier(editor, quotes, organisation):
    response = editor.get(snippet_url(type(organisation), "list"))
    html = response.content.decode()
    assert "Trajectum" in html
    assert "Kortingstrap" in html
    assert ">5<" in html.replace(" ", "").replace("\n", "")  # 3 + 2 participants
    assert "5 %" in html
    # The tier opens the organisation's overview.
    assert snippet_url(type(organisation), "inspect", organisation.pk) in html


def test_an_organisations_overview_shows_its_enrolments_and_tier(
    editor, quotes, organisation, track
):
    Enrolment.objects.create(organisation=organisation, track=track, participants=4, active=False)
    response = editor.get(snippet_url(type(organisation), "inspect", organisation.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert organisation.code in html
    assert "De actieve inschrijvingen hebben samen 5 deelnemers: 5 % korting." in html
    assert "4 deelnemers meer bereiken 10 %." in html
    assert "Train-de-Trainer" in html and "Verdiepingsdag SGG" in html
    for quote in quotes:
        assert quote.number in html


def test_an_enrolment_from_a_request_names_its_quote(editor, quotes, organisation):
    """The Borgbureau sees which enrolments a web request made, to untick **Actief** for
    one that did not become an order."""
    first, second = quotes
    overview = editor.get(snippet_url(type(organisation), "inspect", organisation.pk))
    rows = overview.content.decode().split("<tr>")
    assert any("Train-de-Trainer" in row and first.number in row for row in rows)
    assert any("Verdiepingsdag SGG" in row and second.number in row for row in rows)
    form = editor.get(snippet_url(type(organisation), "edit", organisation.pk)).content.decode()
    assert "Aangevraagd in offerte" in form or "aangevraagd in offerte" in form
    assert first.number in form and second.number in form

    # Unticking Actief keeps the enrolment's quote.
    rows = [
        {
            "id": row.pk,
            "offering": row.offering_id or "",
            "route": "",
            "track": row.track_id or "",
            "participants": row.participants,
            **({} if row.quote == first else {"active": "on"}),
        }
        for row in Enrolment.objects.filter(organisation=organisation)
    ]
    data = organisation_data(rows, name="Trajectum", kind="member")
    data["enrolments-INITIAL_FORMS"] = str(len(rows))
    response = editor.post(snippet_url(type(organisation), "edit", organisation.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    assert sorted(Enrolment.objects.values_list("quote__number", "active").order_by("pk")) == [
        (first.number, False),
        (second.number, True),
    ]


def test_a_quote_is_shown_not_edited(editor, quotes):
    quote = quotes[1]
    response = editor.get(snippet_url(Quote, "inspect", quote.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Eerdere inschrijving" in html or "eerdere inschrijving" in html
    assert "€ 3.775,00" in html  # 3 × 995 + 2 × 395
    assert "PDF downloaden" in html
    assert editor.get(snippet_url(Quote, "edit", quote.pk)).status_code in (302, 403)
    assert editor.get(snippet_url(Quote, "add")).status_code in (302, 403)
    listing = editor.get(snippet_url(Quote, "list")).content.decode()
    assert quote.number in listing
    assert "Offerte toevoegen" not in listing


def test_the_quotes_download_as_csv_and_xlsx(editor, quotes):
    response = editor.get(snippet_url(Quote, "list"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("\ufeff")
    header, *rows = text.strip().splitlines()
    assert header.split(";")[:3] == ["\ufeffOffertenummer", "Organisatie", "Datum"]
    assert len(rows) == 2
    assert "'=1+1" in text  # a reference is never a formula
    assert ";3775,00;188,75;" in text  # fees, discount

    response = editor.get(snippet_url(Quote, "list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "Offertenummer"
    assert {row[0] for row in values[1:]} == {quote.number for quote in quotes}


def price_list_data(tiers, **fields):
    return nested_form_data(
        {
            "valid_from": "2027-01-01",
            "track_price": "1050.00",
            "literature_price": "55.00",
            "teaching_hour_rate": "100.00",
            "learning_unit_compensation": "700.00",
            "learning_module_compensation": "1800.00",
            "vat_rate": "21",
            "note": "",
            "tiers": inline_formset(
                [{"min_participants": minimum, "percentage": rate} for minimum, rate in tiers]
            ),
            "route_prices": inline_formset([]),
            **fields,
        }
    )


def test_an_editor_adds_a_price_list_from_a_date(editor, price_list):
    response = editor.post(snippet_url(PriceList, "add"), price_list_data([(1, "0"), (5, "7.5")]))
    assert response.status_code == 302, response.context["form"].errors
    added = PriceList.objects.get(valid_from="2027-01-01")
    assert added.track_price == Decimal("1050.00")
    assert list(
        DiscountTier.objects.filter(price_list=added).values_list("min_participants", "percentage")
    ) == [
        (1, Decimal("0.00")),
        (5, Decimal("7.50")),
    ]


@pytest.mark.parametrize(
    ("tiers", "fields", "message"),
    [
        ([(4, "5")], {}, "De kortingstrappen beginnen bij 1 deelnemer"),
        ([(1, "0"), (4, "5"), (4, "10")], {}, "Twee kortingstrappen beginnen bij hetzelfde aantal"),
        ([(1, "120")], {}, "Een percentage is hoogstens 100."),
        ([(1, "0")], {"track_price": "-5"}, "Een bedrag kan niet negatief zijn."),
        ([(1, "0")], {"valid_from": "2025-01-01"}, "bestaat al"),
    ],
)
def test_a_wrong_price_list_is_refused_in_dutch(editor, price_list, tiers, fields, message):
    with translation.override("nl"):
        response = editor.post(snippet_url(PriceList, "add"), price_list_data(tiers, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PriceList.objects.count() == 1


def test_the_catalogue_is_fully_translated():
    assert_fully_translated("borg_learning_quotes", at_least=60)


def organisation_data(enrolments, **fields):
    return nested_form_data(
        {
            "name": "Ipse de Bruggen",
            "kind": "partner",
            "contact_name": "A. Jansen",
            "contact_email": "a.jansen@example.org",
            "address": "",
            "enrolments": inline_formset(enrolments),
            **fields,
        }
    )


def test_an_editor_adds_an_organisation_with_its_enrolments(editor, track, offer):
    response = editor.post(
        snippet_url(Organisation, "add"),
        organisation_data(
            [
                {"offering": offer.pk, "route": "", "track": "", "participants": 3, "active": "on"},
                {"offering": "", "route": "", "track": track.pk, "participants": 2, "active": "on"},
            ]
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    added = Organisation.objects.get(name="Ipse de Bruggen")
    assert len(added.code) == 12
    assert sorted(
        Enrolment.objects.filter(organisation=added).values_list("participants", flat=True)
    ) == [2, 3]


@pytest.mark.parametrize(
    ("enrolment", "message"),
    [
        ({"offering": "", "route": "", "track": ""}, "Kies per inschrijving één leeractiviteit"),
        ({"route": ""}, "Kies per inschrijving één leeractiviteit"),  # an offer and a track
        ({"participants": 0}, "Een inschrijving heeft minstens 1 deelnemer."),
        ({"participants": 501}, "Een inschrijving heeft hoogstens 500 deelnemers."),
    ],
)
def test_a_wrong_enrolment_is_refused_in_dutch(editor, track, offer, enrolment, message):
    row = {"offering": offer.pk, "route": "", "track": track.pk, "participants": 2, "active": "on"}
    row.update({"offering": ""} if "participants" in enrolment else {})
    row.update(enrolment)
    with translation.override("nl"):
        response = editor.post(snippet_url(Organisation, "add"), organisation_data([row]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organisation.objects.exists()
