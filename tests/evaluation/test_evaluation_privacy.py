"""Learners stay anonymous: nothing about them is stored, no cookie is set, and the rate
limit remembers a keyed hash in the cache, not an address."""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client

from borg_learning import models
from tests import factories
from tests.helpers.caches import cache_keys
from tests.helpers.evaluation import SUBMIT, good_answers, submission_input

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
USER_AGENT = "Mozilla/5.0 (Linux; Android 14) LearnerPhone/1.0"


@pytest.fixture
def module():
    return factories.module_with_questionnaire()


def post_submission(client, module, answers=None, **headers):
    if answers is None:
        answers = good_answers(module.questionnaire)
    data = submission_input(module, answers)
    return client.post(
        "/graphql/",
        json.dumps({"query": SUBMIT, "variables": {"input": data}}),
        content_type="application/json",
        **headers,
    )


def test_nothing_about_the_learner_is_stored_and_no_cookie_is_set(module):
    client = Client(
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=USER_AGENT,
        HTTP_REFERER="https://www.example.org/leeromgeving/?learner=42",
    )
    response = post_submission(client, module)
    assert response.json()["data"]["submitEvaluation"]["ok"] is True
    assert not response.cookies and "Set-Cookie" not in response
    assert Session.objects.count() == 0

    stored = json.dumps(
        [list(models.Response.objects.values()), list(models.Answer.objects.values())], default=str
    )
    for personal in (ADDRESS, "LearnerPhone", "learner=42"):
        assert personal not in stored
    assert {field.name for field in models.Response._meta.concrete_fields} == {
        "id",
        "submission_id",
        "digest",
        "questionnaire",
        "questionnaire_title",
        "module",
        "module_title",
        "part",
        "submitted_at",
        "questions",
        "follow_up_code",
        "follow_up_due",
        "first_response",
    }
    assert {field.name for field in models.Answer._meta.concrete_fields} == {
        "id",
        "response",
        "question_id",
        "question_text",
        "level",
        "kind",
        "sort_order",
        "number",
        "choices",
        "text",
    }


def test_the_rate_limit_refuses_the_next_submission_with_a_clear_error(module, settings):
    settings.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": 3}
    client = Client(REMOTE_ADDR=ADDRESS)
    for _ in range(3):
        assert post_submission(client, module).json()["data"]["submitEvaluation"]["ok"]
    body = post_submission(client, module).json()
    assert body["data"] == {"submitEvaluation": None}
    (error,) = body["errors"]
    assert error["message"] == (
        "Too many evaluations from this address; try again in an hour "
        "(BORG_LEARNING['EVALUATION_RATE_LIMIT'])."
    )
    assert error["extensions"] == {"code": "RATE_LIMITED"}
    assert models.Response.objects.count() == 3
    # Another address has its own count.
    other = Client(REMOTE_ADDR="198.51.100.1")
    assert post_submission(other, module).json()["data"]["submitEvaluation"]["ok"]


def test_refused_submissions_count_towards_the_limit(module, settings):
    settings.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": 2}
    client = Client(REMOTE_ADDR=ADDRESS)
    for _ in range(2):
        result = post_submission(client, module, answers=[]).json()["data"]["submitEvaluation"]
        assert result["ok"] is False
    assert (
        post_submission(client, module).json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    )


def test_the_limit_can_be_switched_off(module, settings):
    settings.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": None}
    client = Client(REMOTE_ADDR=ADDRESS)
    for _ in range(35):  # more than the default of 30
        assert post_submission(client, module).json()["data"]["submitEvaluation"]["ok"]


def test_the_default_limit_is_30_an_hour(module):
    client = Client(REMOTE_ADDR=ADDRESS)
    results = [post_submission(client, module, answers=[]).json() for _ in range(31)]
    assert all("errors" not in result for result in results[:30])
    assert results[30]["errors"][0]["extensions"]["code"] == "RATE_LIMITED"


def test_the_cache_holds_a_keyed_hash_not_the_address(module, settings):
    settings.BORG_LEARNING = {"EVALUATION_RATE_LIMIT": 5}
    post_submission(Client(REMOTE_ADDR=ADDRESS), module)
    keys = cache_keys()
    assert len(keys) == 1
    assert ADDRESS not in keys[0] and ADDRESS.replace(".", "") not in keys[0]
    assert keys[0].split(":")[-1].isalnum() and len(keys[0].split(":")[-1]) == 40


def test_behind_a_proxy_the_configured_header_names_the_client(module, settings):
    settings.BORG_LEARNING = {
        "EVALUATION_RATE_LIMIT": 1,
        "CLIENT_ADDRESS_HEADER": "X-Forwarded-For",
    }
    proxy = Client(REMOTE_ADDR="10.0.0.1")
    # The last address is the one the site's proxy added; what the client wrote before it
    # does not make a new client.
    first = post_submission(proxy, module, HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.5")
    assert first.json()["data"]["submitEvaluation"]["ok"]
    spoofed = post_submission(proxy, module, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    assert spoofed.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    other = post_submission(proxy, module, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.json()["data"]["submitEvaluation"]["ok"]


def test_a_mutation_over_get_is_refused(client, module):
    variables = json.dumps(
        {
            "input": submission_input(
                module, good_answers(module.questionnaire), submission_id=uuid.uuid4()
            )
        }
    )
    response = client.get("/graphql/", {"query": SUBMIT, "variables": variables})
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert models.Response.objects.count() == 0


def test_no_submission_or_visit_reads_the_session_of_a_signed_in_visitor(module):
    """An editor who is signed in to the admin also learns: the mutations and the beacon
    neither read nor renew the session (reading it would add ``Vary: Cookie``; renewing
    it would set the cookie), so nothing ties the answers or the visit to the account."""
    client = Client(HTTP_USER_AGENT=USER_AGENT)
    client.force_login(get_user_model().objects.create_user("leerling", password="x"))
    record = json.dumps(
        {
            "query": "mutation ($page: ID!) { recordVisit(page: $page) { counted } }",
            "variables": {"page": str(module.pk)},
        }
    )
    responses = [
        post_submission(client, module),
        client.post("/graphql/", record, content_type="application/json"),
        client.post("/api/visits/", json.dumps({"page": module.pk}), content_type="text/plain"),
    ]
    assert responses[0].json()["data"]["submitEvaluation"]["ok"] is True
    assert responses[1].json()["data"]["recordVisit"]["counted"] is True
    assert responses[2].status_code == 204
    for response in responses:
        assert "Set-Cookie" not in response and not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()


def test_a_refused_or_failed_submission_logs_neither_the_address_nor_the_answers(
    module, caplog, monkeypatch
):
    client = Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=USER_AGENT)
    answers = good_answers(module.questionnaire)
    answers[-1]["text"] = "Mijn collega Jan deed het fout."
    wrong = [*answers[:-1], {**answers[-1], "text": "x" * 100_000}]

    def fail(*args, **kwargs):
        raise RuntimeError("the database is gone")

    with caplog.at_level("DEBUG"):
        assert (
            post_submission(client, module, wrong).json()["data"]["submitEvaluation"]["ok"] is False
        )
        monkeypatch.setattr("borg_learning.evaluation.store", fail)
        body = post_submission(client, module, answers).json()
    assert body["errors"][0]["message"] == "Internal server error."
    assert caplog.records, "the failure is logged"
    logged = "\n".join(record.getMessage() + (caplog.text or "") for record in caplog.records)
    assert ADDRESS not in logged and "Jan" not in logged and "LearnerPhone" not in logged
    assert models.Response.objects.count() == 0
