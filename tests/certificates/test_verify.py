"""Anyone with the paper can check a certificate, by its code: a page and a query."""

import pytest
from django.test import override_settings

from borg_learning.certificates.models import Certificate
from tests.certificates.conftest import PRINTED, VERIFY

pytestmark = pytest.mark.django_db


def test_the_page_confirms_a_genuine_certificate(client, issued):
    response = client.get(issued["verifyUrl"])
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert (
        "Dit bewijs is echt: Anna de Vries heeft “Grenzen stellen” behaald op 2 november 2026."
    ) in text
    for shown in ("1 uur 10 min", "Ontwikkelgroep SGG", "De Borg", issued["code"]):
        assert shown in text


def test_the_page_shows_only_what_is_printed(client, issue, learner, module, issued):
    other = issue(learner[1], module, name="A. de Vries")["certificate"]
    text = client.get(issued["verifyUrl"]).content.decode()
    assert other["code"] not in text and "A. de Vries" not in text
    assert ".pdf" not in text and "<a " not in text


def test_the_page_says_an_unknown_code_is_unknown(client, issued):
    response = client.get("/learning/certificates/AAAA-BBBB-CCCC/")
    assert response.status_code == 404
    assert "Onbekende code: AAAABBBBCCCC." in response.content.decode()


def test_the_query_confirms_a_certificate(graphql, issued):
    answer = graphql(VERIFY, {"code": issued["code"].replace("-", " ").lower()})
    assert answer["data"]["verifyCertificate"] == {
        "code": issued["code"],
        **PRINTED,
        "issuedAt": issued["issuedAt"],
        "verifyUrl": issued["verifyUrl"],
    }


@pytest.mark.parametrize("code", ["AAAA-BBBB-CCCC", "", "K7QM", "x" * 200])
def test_the_query_answers_null_for_an_unknown_code(graphql, issued, code):
    assert graphql(VERIFY, {"code": code}) == {"data": {"verifyCertificate": None}}


@override_settings(BORG_LEARNING={"CERTIFICATE_LOOKUP_RATE_LIMIT": 3})
def test_unknown_codes_are_limited_per_address_and_then_known_ones_too(client, graphql, issued):
    # Known codes do not count...
    for _attempt in range(4):
        assert graphql(VERIFY, {"code": issued["code"]})["data"]["verifyCertificate"]
    for attempt in range(3):
        assert graphql(VERIFY, {"code": f"AAAA-BBBB-CCC{attempt + 2}"})["data"] == {
            "verifyCertificate": None
        }
    # ...but once the unknown ones are used up, every lookup is refused, on every route.
    refused = graphql(VERIFY, {"code": issued["code"]})
    assert refused["data"] == {"verifyCertificate": None}
    assert [error["extensions"]["code"] for error in refused["errors"]] == ["RATE_LIMITED"]
    assert client.get(issued["verifyUrl"]).status_code == 429
    assert client.get(issued["pdfUrl"]).status_code == 429
    other_address = client.get(issued["verifyUrl"], REMOTE_ADDR="192.0.2.7")
    assert other_address.status_code == 200


def test_a_deleted_certificate_verifies_no_more(client, graphql, issued):
    Certificate.objects.all().delete()
    assert graphql(VERIFY, {"code": issued["code"]})["data"]["verifyCertificate"] is None
    assert client.get(issued["verifyUrl"]).status_code == 404
