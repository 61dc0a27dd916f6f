"""Persisted queries and the document cache: a documented query sent by its SHA-256 (POST
or a cacheable GET), unknown hashes answered as Apollo's clients expect, a persisted-only
server refusing other texts, and a document seen before neither parsed nor validated
again, while the limits that depend on the variables still apply."""

import hashlib
import json
from unittest import mock

import pytest
from django.test import override_settings

from borg_learning.api.graphql import documents
from tests import factories
from tests.helpers.graphql import GRAPHQL_RESPONSE, JSON, QUERIES, post_query

pytestmark = pytest.mark.django_db

THEMES = (QUERIES / "theme_map.graphql").read_text()
PERSISTED = override_settings(BORG_LEARNING={"GRAPHQL_PERSISTED_QUERY_DIRS": [str(QUERIES)]})


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def by_hash(digest):
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


@pytest.fixture(autouse=True)
def fresh_documents():
    documents.cache.clear()


@pytest.fixture
def theme():
    return factories.ThemeFactory(name="Agressie", slug="agressie")


def test_a_documented_query_runs_by_its_hash_over_post_and_get(client, theme):
    with PERSISTED:
        sent = post_query(client, None, extensions=by_hash(sha(THEMES)))
        assert sent.status_code == 200
        assert [item["slug"] for item in sent.json()["data"]["themes"]] == ["agressie"]
        # Over GET: the URL names the document, so a browser or CDN can keep the answer.
        got = client.get(
            "/graphql/",
            {"extensions": json.dumps(by_hash(sha(THEMES))), "variables": "{}"},
            HTTP_ACCEPT=JSON,
        )
    assert got.status_code == 200
    assert got.json() == sent.json()


def test_an_unknown_hash_answers_persisted_query_not_found_and_the_text_then_runs(client, theme):
    text = "{ themes { slug } }"
    with PERSISTED:
        missing = post_query(client, None, extensions=by_hash(sha(text)))
        # As Apollo's clients do next: the text with its hash. It runs; it is not kept.
        retried = post_query(client, text, extensions=by_hash(sha(text)))
        again = post_query(client, None, extensions=by_hash(sha(text)))
    assert missing.status_code == 200
    assert missing.json() == {
        "errors": [
            {
                "message": "PersistedQueryNotFound",
                "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
            }
        ]
    }
    assert retried.json() == {"data": {"themes": [{"slug": "agressie"}]}}
    assert again.json() == missing.json()


def test_a_text_that_does_not_match_its_hash_is_refused(client):
    response = post_query(
        client, "{ themes { slug } }", extensions=by_hash(sha(THEMES)), accept=GRAPHQL_RESPONSE
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"] == {"code": "PERSISTED_QUERY_HASH_MISMATCH"}


@pytest.mark.parametrize(
    "extensions",
    [
        {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
        {"persistedQuery": {"version": 1, "sha256Hash": "abc"}},
        {"persistedQuery": {"version": 1, "sha256Hash": "z" * 64}},
        {"persistedQuery": "yes"},
        ["persistedQuery"],
    ],
)
def test_a_malformed_persisted_query_is_refused_with_a_reason(client, extensions):
    response = post_query(client, None, extensions=extensions, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] in {"BAD_REQUEST", "PERSISTED_QUERY_NOT_SUPPORTED"}
    assert "data" not in response.json()


def test_extensions_that_are_not_an_object_are_a_malformed_request(client):
    response = post_query(client, "{ themes { slug } }", extensions="persisted", accept=JSON)
    assert response.status_code == 400
    assert response.json()["errors"][0]["message"] == "'extensions' must be a JSON object."
    got = client.get("/graphql/", {"query": "{ themes { slug } }", "extensions": "{"})
    assert got.status_code == 400
    assert got.json()["errors"][0]["message"] == "The extensions parameter is not valid JSON."


def test_a_persisted_only_server_refuses_other_texts_and_runs_its_own(client, theme):
    only = override_settings(
        BORG_LEARNING={
            "GRAPHQL_PERSISTED_QUERY_DIRS": [str(QUERIES)],
            "GRAPHQL_PERSISTED_QUERIES_ONLY": True,
        }
    )
    with only:
        refused = post_query(client, "{ themes { slug } }")
        by_text = post_query(client, THEMES)
        by_digest = post_query(client, None, extensions=by_hash(sha(THEMES)))
    assert refused.json()["errors"][0]["extensions"] == {"code": "PERSISTED_QUERY_NOT_IN_LIST"}
    assert "data" not in refused.json()
    assert by_text.json() == by_digest.json()
    assert by_text.json()["data"]["themes"][0]["slug"] == "agressie"


def test_a_repeated_document_is_parsed_and_validated_once(client, theme):
    with (
        mock.patch.object(documents, "parse", wraps=documents.parse) as parse,
        mock.patch.object(documents, "validate", wraps=documents.validate) as validate,
    ):
        first = post_query(client, THEMES)
        second = post_query(client, THEMES)
        post_query(client, "{ themes { slug } }")
    assert first.json() == second.json()
    assert (parse.call_count, validate.call_count) == (2, 2)  # THEMES once, the other once


def test_an_invalid_document_is_refused_the_same_from_the_cache(client):
    with mock.patch.object(documents, "validate", wraps=documents.validate) as validate:
        answers = [post_query(client, "{ themes { nope } }").json() for _ in range(3)]
    assert validate.call_count == 1
    assert answers[0] == answers[1] == answers[2]
    assert "nope" in answers[0]["errors"][0]["message"]


def test_the_limits_still_weigh_each_request_s_variables(client, settings):
    settings.BORG_LEARNING = {"GRAPHQL_MAX_QUERY_COST": 60}
    query = "query Modules($n: Int) { modules(limit: $n) { items { id title } } }"
    cheap = post_query(client, query, {"n": 2})
    dear = post_query(client, query, {"n": 100})
    assert "errors" not in cheap.json()
    assert "over the query cost limit of 60" in dear.json()["errors"][0]["message"]


def test_the_cache_keeps_at_most_its_size(client, settings):
    settings.BORG_LEARNING = {"GRAPHQL_DOCUMENT_CACHE_SIZE": 3}
    for number in range(5):
        post_query(client, f"{{ a{number}: borgLearningVersion }}")
    assert len(documents.cache) == 3


def test_a_site_adds_persisted_documents_with_a_hook(client, theme):
    from wagtail import hooks

    from borg_learning.api.graphql import persisted

    text = "query MySlugs { themes { slug } }"
    persisted._documents.cache_clear()
    try:
        with hooks.register_temporarily("register_persisted_queries", lambda: [text]):
            answer = post_query(client, None, extensions=by_hash(sha(text)))
    finally:
        persisted._documents.cache_clear()
    assert answer.json() == {"data": {"themes": [{"slug": "agressie"}]}}
    unknown = post_query(client, None, extensions=by_hash(sha(text)))
    assert unknown.json()["errors"][0]["message"] == "PersistedQueryNotFound"
