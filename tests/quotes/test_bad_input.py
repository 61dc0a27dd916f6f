"""Bad input gets a clear English error with a stable code, and stores nothing."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from borg_learning.quotes.models import Enrolment, Quote, Track
from tests import factories
from tests.quotes.conftest import on_track

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(price_list):
    """An inactive offer, a route saved as a draft only, an inactive track."""
    return {
        "offer": str(factories.OfferingFactory(active=False, cost=10).pk),
        "route": factories.route(slug="concept-route", publish=False).slug,
        "track": Track.objects.create(name="Oud traject", slug="oud-traject", active=False).slug,
    }


def codes(payload):
    return [(problem["field"], problem["code"]) for problem in payload["errors"]]


def assert_nothing_stored():
    assert not Quote.objects.exists()
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize(
    ("enrolment", "field", "code"),
    [
        (
            {"track": "train-de-trainer", "participants": -3},
            "enrolments[0].participants",
            "INVALID_PARTICIPANTS",
        ),
        (
            {"track": "train-de-trainer", "participants": 0},
            "enrolments[0].participants",
            "INVALID_PARTICIPANTS",
        ),
        (
            {"track": "train-de-trainer", "participants": 501},
            "enrolments[0].participants",
            "INVALID_PARTICIPANTS",
        ),
        ({"offer": "987654", "participants": 2}, "enrolments[0].offer", "UNKNOWN_ACTIVITY"),
        ({"offer": "1 OR 1=1", "participants": 2}, "enrolments[0].offer", "UNKNOWN_ACTIVITY"),
        ({"route": "bestaat-niet", "participants": 2}, "enrolments[0].route", "UNKNOWN_ACTIVITY"),
        ({"track": "bestaat niet!", "participants": 2}, "enrolments[0].track", "UNKNOWN_ACTIVITY"),
        ({"participants": 2}, "enrolments[0]", "NO_ACTIVITY"),
        (
            {"track": "train-de-trainer", "route": "x", "participants": 2},
            "enrolments[0]",
            "NO_ACTIVITY",
        ),
    ],
)
def test_a_bad_enrolment_is_refused(
    request_quote, quote, organisation, track, enrolment, field, code
):
    for answer in (
        quote(enrolments=[enrolment]),
        request_quote(organisationCode=organisation.code, enrolments=[enrolment]),
    ):
        assert codes(answer) == [(field, code)], answer
        assert answer["quote"] is None
    assert_nothing_stored()


@pytest.mark.parametrize("kind", ["offer", "route", "track"])
def test_a_hidden_or_draft_activity_is_unknown(request_quote, organisation, hidden, kind):
    answer = request_quote(
        organisationCode=organisation.code, enrolments=[{kind: hidden[kind], "participants": 2}]
    )
    assert codes(answer) == [(f"enrolments[0].{kind}", "UNKNOWN_ACTIVITY")]
    assert f"'{hidden[kind]}'" in answer["errors"][0]["message"]
    assert_nothing_stored()


def test_every_problem_is_named_at_once(request_quote, organisation, track):
    answer = request_quote(
        organisationCode=organisation.code,
        requestedBy="",
        email="geen adres",
        enrolments=[on_track(-1), {"offer": "42", "participants": 1}],
    )
    assert sorted(codes(answer)) == [
        ("email", "INVALID_EMAIL"),
        ("requestedBy", "INVALID_NAME"),
    ]
    answer = request_quote(
        organisationCode=organisation.code,
        enrolments=[on_track(-1), {"offer": "42", "participants": 1}],
    )
    assert codes(answer) == [
        ("enrolments[0].participants", "INVALID_PARTICIPANTS"),
        ("enrolments[1].offer", "UNKNOWN_ACTIVITY"),
    ]
    assert answer["errors"][0]["message"] == "participants must be between 1 and 500; got -1."
    assert_nothing_stored()


def test_an_unpriced_activity_is_refused(request_quote, organisation, price_list):
    offer = factories.OfferingFactory(cost=None)
    route = factories.route(slug="zonder-prijs")
    answer = request_quote(
        organisationCode=organisation.code,
        enrolments=[
            {"offer": str(offer.pk), "participants": 1},
            {"route": route.slug, "participants": 1},
        ],
    )
    assert codes(answer) == [
        ("enrolments[0].offer", "NOT_PRICED"),
        ("enrolments[1].route", "NOT_PRICED"),
    ]
    assert_nothing_stored()


@pytest.mark.parametrize(
    ("input", "field", "code"),
    [
        ({"organisationCode": "ONBEKEND"}, "organisationCode", "UNKNOWN_ORGANISATION"),
        ({"organisationCode": "ZZZZ-ZZZZ-ZZZZ"}, "organisationCode", "UNKNOWN_ORGANISATION"),
        ({"enrolments": []}, "enrolments", "NO_ENROLMENTS"),
        ({"enrolments": [on_track(1)] * 21}, "enrolments", "TOO_MANY_ENROLMENTS"),
        ({"requestedBy": "Jan\nde Vries"}, "requestedBy", "INVALID_NAME"),
        ({"requestedBy": "x" * 101}, "requestedBy", "INVALID_NAME"),
        ({"reference": "PO\t12"}, "reference", "INVALID_REFERENCE"),
        (
            {"practiceTeaching": {"settlement": "EMPLOYEE", "learningUnits": 1}},
            "practiceTeaching",
            "INVALID_PRACTICE_TEACHING",
        ),
        (
            {"practiceTeaching": {"settlement": "DISCOUNT", "teachingHours": -2}},
            "practiceTeaching.teachingHours",
            "INVALID_PRACTICE_TEACHING",
        ),
        (
            {"practiceTeaching": {"settlement": "DISCOUNT", "learningModules": 1}},
            "practiceTeaching",
            "COMPENSATION_TOO_HIGH",
        ),
    ],
)
def test_a_bad_request_is_refused(request_quote, organisation, track, input, field, code):
    answer = request_quote(
        **{"organisationCode": organisation.code, "enrolments": [on_track(1)], **input}
    )
    assert codes(answer) == [(field, code)], answer
    assert not answer["ok"]
    assert_nothing_stored()


def test_a_request_needs_an_organisation(graphql, track):
    from tests.quotes.conftest import REQUEST

    answer = graphql(
        REQUEST,
        {"input": {"organisationCode": "", "requestedBy": "Jan", "enrolments": [on_track(1)]}},
    )
    assert codes(answer["data"]["requestQuote"]) == [("organisationCode", "UNKNOWN_ORGANISATION")]
    assert_nothing_stored()


def test_a_date_in_the_past_and_a_date_without_prices(quote, track, price_list):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    assert codes(quote(enrolments=[on_track(1)], date=str(yesterday))) == [("date", "INVALID_DATE")]
    price_list.delete()
    answer = quote(enrolments=[on_track(1)])
    assert codes(answer) == [("date", "NO_PRICE_LIST")]


@override_settings(BORG_LEARNING={"QUOTE_REQUEST_RATE_LIMIT": 2})
def test_requests_are_rate_limited(request_quote, organisation, track, price_list):
    for _ in range(2):
        assert request_quote(organisationCode=organisation.code, enrolments=[on_track(1)])["ok"]
    answer = request_quote(organisationCode=organisation.code, enrolments=[on_track(1)])
    assert codes(answer) == [(None, "RATE_LIMITED")]
    assert Quote.objects.count() == 2


def test_a_wrong_type_is_a_graphql_error_not_a_server_error(graphql, track):
    from tests.quotes.conftest import QUOTE

    answer = graphql(QUOTE, {"input": {"enrolments": [{"track": "x", "participants": "drie"}]}})
    assert answer["errors"]
    assert not Quote.objects.exists()
