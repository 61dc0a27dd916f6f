"""The certificate as a PDF, with its code and a QR code of its verification page."""

import io
from unittest import mock

import pypdf
import pytest
import segno

from borg_learning.certificates import document
from borg_learning.certificates.models import Certificate

pytestmark = pytest.mark.django_db


def pdf_text(content):
    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_shows_the_name_the_facts_and_the_code(client, issued):
    response = client.get(issued["pdfUrl"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="bewijs-van-deelname-{issued["code"]}.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    text = " ".join(pdf_text(response.content).split())
    for printed in (
        "Bewijs van deelname",
        "Anna de Vries",
        "Grenzen stellen",
        "1 uur 10 min",
        "2 november 2026",
        "Ontwikkelgroep SGG",
        "De Borg",
        issued["code"],
    ):
        assert printed in text, printed
    assert issued["verifyUrl"] in text.replace(" ", "")  # printed on two lines


def test_the_qr_code_points_at_the_verification_page(client, issued):
    with mock.patch.object(segno, "make", wraps=segno.make) as make:
        assert client.get(issued["pdfUrl"]).status_code == 200
    make.assert_called_once()
    assert make.call_args.args == (issued["verifyUrl"],)


def test_the_qr_code_is_drawn_into_the_page(rf, issued):
    certificate = Certificate.objects.get()
    html = document.render_html(rf.get("/"), certificate)
    assert html.count("<svg") == 1 and "<path" in html


def test_a_pdf_of_an_unknown_code_is_not_found(client, issued):
    assert client.get("/learning/certificates/AAAA-BBBB-CCCC.pdf").status_code == 404


def test_the_code_may_be_sent_without_hyphens_and_in_lower_case(client, issued):
    compact = issued["code"].replace("-", "").lower()
    assert client.get(f"/learning/certificates/{compact}.pdf").status_code == 200


@pytest.mark.parametrize(
    "minutes, shown",
    [
        (1, "1 minuut"),
        (45, "45 minuten"),
        (60, "1 uur"),
        (70, "1 uur 10 min"),
        (125, "2 uur 5 min"),
    ],
)
def test_durations_read_as_a_person_says_them(minutes, shown):
    assert document.format_duration(minutes) == shown
