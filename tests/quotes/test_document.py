"""The quote as a PDF: for whoever requested it (by its unguessable address) and for
editors in the admin; what it shows, in Dutch."""

import pytest
from django.urls import reverse

from borg_learning.quotes import document
from borg_learning.quotes.models import Quote
from tests.quotes.conftest import on_track

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(request_quote, organisation, track, price_list):
    payload = request_quote(
        organisationCode=organisation.code,
        enrolments=[on_track(9)],
        reference="PO-2026-17",
        practiceTeaching={"settlement": "PAYMENT", "learningUnits": 1},
    )
    assert payload["ok"], payload
    return payload["quote"], Quote.objects.get()


def test_the_requester_downloads_the_pdf(client, stored):
    answer, quote = stored
    assert answer["number"] == quote.number == f"OFF-{quote.quote_date.year}-{quote.pk:05d}"
    response = client.get(answer["pdfUrl"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f'filename="offerte-{quote.number}.pdf"' in response["Content-Disposition"]
    assert response["X-Robots-Tag"] == "noindex"


def test_another_address_finds_no_quote(client, stored):
    assert client.get("/learning/quotes/niet-de-sleutel-van-een-offerte.pdf").status_code == 404
    assert client.get("/learning/quotes/a%00b.pdf").status_code == 404


def test_the_quote_shows_its_figures_in_dutch(stored):
    _answer, quote = stored
    html = document.render_html(quote)
    for text in (
        "Offerte",
        quote.number,
        "Trajectum",
        "Postbus 1",
        "PO-2026-17",
        "Train-de-Trainer",
        "€ 8.955,00",  # 9 × 995
        "Staffelkorting 10 %",
        "€ -895,50",
        "€ 450,00",  # literature
        "€ 8.509,50",
        "Btw 21 %",
        "€ 1.787,00",
        "€ 10.296,50",
        "€ 700,00",  # paid to the organisation for a learning unit
    ):
        assert text in html, text


def test_no_discount_is_no_minus_sign(request_quote, organisation, track, price_list):
    request_quote(organisationCode=organisation.code, enrolments=[on_track(3)])
    html = document.render_html(Quote.objects.get())
    assert "Staffelkorting 0 % (3 deelnemers in totaal)" in html
    assert "-0,00" not in html


def test_an_editor_downloads_the_pdf_in_the_admin(editor, stored):
    _answer, quote = stored
    response = editor.get(reverse("borg_learning_quotes_admin:pdf", args=[quote.pk]))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_the_admin_pdf_needs_the_permission(client, stored):
    from tests import factories

    _answer, quote = stored
    client.force_login(factories.user("zonder-rechten"))
    response = client.get(reverse("borg_learning_quotes_admin:pdf", args=[quote.pk]))
    assert response.status_code in (302, 403)
