"""The endpoint speaks GraphQL over HTTP: methods, media types, status codes and CORS.

Most tests talk to the real endpoint at /graphql/. Mutations over GET and failing
resolvers need a schema with a mutation and a resolver that breaks: this module's
``urlpatterns`` mount the same view with such a probe schema at /graphql/probe/.
"""

import json
import logging
from unittest import mock

import graphene
import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import got_request_exception
from django.test import Client, override_settings
from django.urls import include, path

from borg_learning import models
from borg_learning.api.graphql import schema
from borg_learning.api.graphql.views import GraphQLHTTPView
from tests.helpers.graphql import ALIASED_SEARCHES, THEMES_FAN_OUT

pytestmark = pytest.mark.django_db

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
SECRET = "db-password=hunter2 at /srv/borg/settings.py"


class ProbeQuery(graphene.ObjectType):
    hello = graphene.String(name=graphene.String(default_value="world"))
    boom = graphene.String()

    def resolve_hello(root, info, name):
        return f"Hello {name}"

    def resolve_boom(root, info):
        raise RuntimeError(SECRET)


class ProbeMutation(graphene.ObjectType):
    ping = graphene.String()

    def resolve_ping(root, info):
        return "pong"


probe_schema = graphene.Schema(query=ProbeQuery, mutation=ProbeMutation)

urlpatterns = [
    path("graphql/probe/", GraphQLHTTPView.as_view(schema=probe_schema)),
    path("", include("borg_learning.urls")),
]
probe = pytest.mark.urls(__name__)


def post(client, body, accept=None, url="/graphql/", content_type=JSON, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    if accept is not None:
        extra["HTTP_ACCEPT"] = accept
    return client.post(url, data, content_type=content_type, **extra)


def media_type(response):
    return response["Content-Type"].split(";")[0].strip()


def errors_of(response):
    """The error messages of a GraphQL response, checking its shape on the way."""
    body = json.loads(response.content)
    assert isinstance(body, dict)
    assert isinstance(body["errors"], list) and body["errors"]
    return [error["message"] for error in body["errors"]]


# --- GET and POST ------------------------------------------------------------------------


def test_a_query_over_get_is_answered_with_json(client):
    response = client.get("/graphql/", {"query": "{ __typename }"})
    assert response.status_code == 200
    assert media_type(response) == JSON
    assert "charset=utf-8" in response["Content-Type"]
    assert response.json() == {"data": {"__typename": "Query"}}


def test_get_takes_variables_and_an_operation_name_from_the_query_string(client):
    response = client.get(
        "/graphql/",
        {
            "query": "query A { __typename } query B($id: ID) { page(id: $id) { title } }",
            "variables": json.dumps({"id": "12345"}),
            "operationName": "B",
        },
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"page": None}}


def test_a_query_over_post_with_a_json_body(client):
    response = post(
        client,
        {"query": "query V { borgLearningVersion }", "operationName": "V", "variables": None},
    )
    assert response.status_code == 200
    assert media_type(response) == JSON
    assert set(response.json()["data"]) == {"borgLearningVersion"}


def test_a_post_needs_no_csrf_token_even_from_a_session(django_user_model):
    """The endpoint is exempt from Django's CSRF check: a frontend on another origin
    has no CSRF cookie to send."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("lezer"))
    response = post(client, {"query": "{ borgLearningVersion }"})
    assert response.status_code == 200
    assert set(response.json()["data"]) == {"borgLearningVersion"}


def test_a_json_content_type_with_a_charset_is_json(client):
    response = post(
        client, {"query": "{ __typename }"}, content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


# --- Media types and status codes ------------------------------------------------------


def test_graphql_response_json_is_used_when_the_client_accepts_it(client):
    response = post(client, {"query": "{ __typename }"}, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert media_type(response) == GRAPHQL_RESPONSE
    assert response.json() == {"data": {"__typename": "Query"}}


def test_without_an_accept_header_the_answer_is_application_json(client):
    response = post(client, {"query": "{ __typename }"})
    assert media_type(response) == JSON


@pytest.mark.parametrize(
    "accept, expected",
    [
        (f"{JSON}, {GRAPHQL_RESPONSE};q=0.5", JSON),
        (f"{JSON};q=0.5, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"text/html, {JSON};q=0.9", JSON),
        (f"{GRAPHQL_RESPONSE};q=0, {JSON}", JSON),
        (f"{GRAPHQL_RESPONSE}, */*", GRAPHQL_RESPONSE),
        (f"*/*, {GRAPHQL_RESPONSE}", GRAPHQL_RESPONSE),
        (f"{JSON}, */*;q=0.8", JSON),
        (f"{GRAPHQL_RESPONSE};q=0.9, */*", JSON),
        (f"{GRAPHQL_RESPONSE}, {JSON}", GRAPHQL_RESPONSE),
        # Accepting either through a wildcard only, a legacy client gets application/json.
        ("*/*", JSON),
        ("application/*", JSON),
        ("text/html, */*;q=0.8", JSON),
    ],
)
def test_the_highest_priority_accepted_media_type_is_used(client, accept, expected):
    response = post(client, {"query": "{ __typename }"}, accept=accept)
    assert response.status_code == 200
    assert media_type(response) == expected


@pytest.mark.parametrize(
    "query, message",
    [
        ("{ __typename", "Syntax Error"),
        ("{ noSuchField }", "Cannot query field 'noSuchField' on type 'Query'."),
        ("query ($id: ID) { page(id: $id) { title } }", None),  # variable given below
    ],
)
def test_graphql_response_json_says_400_when_a_request_cannot_be_executed(client, query, message):
    variables = {"id": {"not": "an id"}} if message is None else None
    response = post(client, {"query": query, "variables": variables}, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    assert media_type(response) == GRAPHQL_RESPONSE
    assert "data" not in response.json()
    (error,) = errors_of(response)
    assert (message or "Variable '$id' got invalid value") in error


@pytest.mark.parametrize(
    "query", ["{ __typename", "{ noSuchField }", "query ($id: ID) { page(id: $id) { title } }"]
)
def test_application_json_says_200_for_well_formed_requests_with_graphql_errors(client, query):
    response = post(client, {"query": query, "variables": {"id": []}}, accept=JSON)
    assert response.status_code == 200
    assert media_type(response) == JSON
    assert "data" not in response.json()
    assert errors_of(response)


@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_each_validation_error_is_an_error_of_its_own(client, accept, status):
    response = post(client, {"query": "{ noSuchField alsoMissing }"}, accept=accept)
    assert response.status_code == status
    assert response.json() == {
        "errors": [
            {"message": "Cannot query field 'noSuchField' on type 'Query'."},
            {"message": "Cannot query field 'alsoMissing' on type 'Query'."},
        ]
    }


@pytest.mark.parametrize("query", ["{ __typename", "{ noSuchField }"])
def test_a_client_accepting_anything_gets_application_json_and_200_for_graphql_errors(
    client, query
):
    """Browsers' fetch and curl send Accept: */* unless told otherwise."""
    response = post(client, {"query": query}, accept="*/*")
    assert response.status_code == 200
    assert media_type(response) == JSON
    assert errors_of(response)


def test_a_client_that_accepts_neither_json_type_gets_406(client):
    response = post(client, {"query": "{ __typename }"}, accept="text/plain")
    assert response.status_code == 406
    assert media_type(response) == JSON
    (error,) = errors_of(response)
    assert GRAPHQL_RESPONSE in error and JSON in error


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_get_405_with_allow(client, method):
    response = getattr(client, method)(
        "/graphql/", json.dumps({"query": "{ __typename }"}), content_type=JSON
    )
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert media_type(response) == JSON
    assert errors_of(response)


@pytest.mark.parametrize(
    "content_type, body",
    [
        ("text/plain", '{"query": "{ __typename }"}'),
        ("application/x-www-form-urlencoded", "query=%7B+__typename+%7D"),
        ("application/graphql", "{ __typename }"),
    ],
)
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_post_bodies_that_are_not_json_get_415(client, content_type, body, accept):
    response = post(client, body, accept=accept, content_type=content_type)
    assert response.status_code == 415
    assert media_type(response) == accept
    (error,) = errors_of(response)
    assert JSON in error


@pytest.mark.parametrize(
    "body, message",
    [
        ('{"query": "{ __typename }"', "not valid JSON"),
        (b"\xff\xfe{", "not valid JSON"),
        ("null", "JSON object"),
        ("[]", "JSON object"),
        ('"{ __typename }"', "JSON object"),
        ("42", "JSON object"),
        ("{}", "'query'"),
        ('{"query": null}', "'query'"),
        ('{"query": 42}', "'query'"),
        ('{"query": "   "}', "'query'"),
        ('{"query": "{ __typename }", "variables": []}', "'variables'"),
        ('{"query": "{ __typename }", "variables": "{}"}', "'variables'"),
        ('{"query": "{ __typename }", "operationName": 5}', "'operationName'"),
    ],
)
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_malformed_requests_get_400_with_a_json_error(client, body, message, accept):
    response = post(client, body, accept=accept)
    assert response.status_code == 400
    assert media_type(response) == accept
    (error,) = errors_of(response)
    assert message in error


def test_json_nested_too_deeply_to_decode_is_400_not_500(client):
    nested = "[" * 100_000 + "]" * 100_000
    response = post(client, '{"query": "{ __typename }", "variables": ' + nested + "}")
    assert response.status_code == 400
    assert errors_of(response) == ["The request body is not valid JSON."]
    response = client.get("/graphql/", {"query": "{ __typename }", "variables": nested})
    assert response.status_code == 400
    assert errors_of(response) == ["The variables parameter is not valid JSON."]


@pytest.mark.parametrize(
    "params, message",
    [
        ({"query": "{ __typename }", "variables": "{not json"}, "variables"),
        ({"query": "{ __typename }", "variables": "[1]"}, "'variables'"),
        ({"variables": "{}"}, "'query'"),
    ],
)
def test_get_with_bad_parameters_gets_400(client, params, message):
    response = client.get("/graphql/", params, HTTP_ACCEPT=JSON)
    assert response.status_code == 400
    assert media_type(response) == JSON
    (error,) = errors_of(response)
    assert message in error


def test_get_without_a_query_and_without_graphiql_is_400_not_a_page(client):
    response = client.get("/graphql/", HTTP_ACCEPT="text/html, */*;q=0.8")
    assert response.status_code == 400
    assert errors_of(response) == ["The request has no 'query' string."]


@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_an_unknown_operation_name_is_an_error(client, accept, status):
    response = post(
        client, {"query": "query A { __typename }", "operationName": "B"}, accept=accept
    )
    assert response.status_code == status
    assert errors_of(response) == ["There is no operation named 'B'."]


def test_several_operations_need_an_operation_name(client):
    response = post(
        client, {"query": "query A { __typename } query B { __typename }"}, accept=GRAPHQL_RESPONSE
    )
    assert response.status_code == 400
    assert errors_of(response) == ["Name the operation to run with 'operationName'."]


# --- Requests too large -------------------------------------------------------------------


def over_the_body_limit(size=2_621_440):
    """A JSON body one byte over Django's default DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)."""
    head = '{"query": "{ __typename }", "variables": {"padding": "'
    tail = '"}}'
    return head + "x" * (size + 1 - len(head) - len(tail)) + tail


@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE, "*/*"])
def test_a_body_over_the_upload_limit_is_413_with_a_json_error(client, accept):
    body = over_the_body_limit()
    assert len(body) == 2_621_441
    response = post(client, body, accept=accept)
    assert response.status_code == 413
    assert media_type(response) == (GRAPHQL_RESPONSE if accept == GRAPHQL_RESPONSE else JSON)
    assert response.json() == {
        "errors": [
            {
                "message": "The request body is larger than 2621440 bytes, the most this server accepts."
            }
        ]
    }


def test_a_body_at_the_upload_limit_is_read(client):
    response = post(client, over_the_body_limit(2_621_439))
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100)
def test_the_body_limit_follows_djangos_setting(client):
    assert post(client, {"query": "{ __typename }"}).status_code == 200
    response = post(client, {"query": "{ __typename }", "padding": "x" * 100})
    assert response.status_code == 413
    assert errors_of(response) == [
        "The request body is larger than 100 bytes, the most this server accepts."
    ]


def test_a_body_django_finds_too_large_while_reading_it_is_413(client):
    """Content-Length can be absent or understated (chunked bodies under ASGI)."""
    too_big = mock.PropertyMock(side_effect=RequestDataTooBig("too big"))
    with mock.patch.object(WSGIRequest, "body", too_big):
        response = post(client, {"query": "{ __typename }"})
    assert response.status_code == 413
    assert errors_of(response) == [
        "The request body is larger than 2621440 bytes, the most this server accepts."
    ]


def test_a_content_length_that_is_not_a_number_is_400(rf):
    request = rf.post(
        "/graphql/", '{"query": "{ __typename }"}', content_type=JSON, CONTENT_LENGTH="lots"
    )
    response = GraphQLHTTPView.as_view(schema=schema)(request)
    assert response.status_code == 400
    assert errors_of(response) == ["The Content-Length header is not a number."]


def test_more_query_parameters_than_django_accepts_is_400_with_a_json_error(client):
    params = {"query": "{ __typename }", **{f"p{number}": "x" for number in range(1000)}}
    response = client.get("/graphql/", params)
    assert response.status_code == 400
    assert media_type(response) == JSON
    assert errors_of(response) == [
        "The request has more than 1000 parameters, the most this server accepts."
    ]


# --- A failure of our own -------------------------------------------------------------------


@pytest.fixture
def no_kept_documents():
    """A document seen by an earlier test would not be parsed again."""
    from borg_learning.api.graphql import documents

    documents.cache.clear()


@pytest.mark.usefixtures("no_kept_documents")
def test_a_failure_outside_the_resolvers_is_a_json_500_and_logged(caplog):
    client = Client(raise_request_exception=False)
    failure = RuntimeError(SECRET)
    with (
        mock.patch("borg_learning.api.graphql.documents.parse", side_effect=failure),
        caplog.at_level(logging.ERROR, logger="borg_learning.api.graphql"),
    ):
        response = post(client, {"query": "{ __typename }"}, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 500
    assert media_type(response) == GRAPHQL_RESPONSE
    assert response.json() == {"errors": [{"message": "Internal server error."}]}
    assert "hunter2" not in response.content.decode()
    assert any(record.exc_info and record.exc_info[1] is failure for record in caplog.records)


@pytest.mark.usefixtures("no_kept_documents")
def test_a_failure_outside_the_resolvers_is_reported_as_django_reports_failed_requests():
    """Error trackers listen to got_request_exception."""
    received = []

    def listener(sender, request, **kwargs):
        received.append(request.path)

    got_request_exception.connect(listener)
    try:
        with mock.patch("borg_learning.api.graphql.documents.parse", side_effect=RuntimeError):
            Client(raise_request_exception=False).get("/graphql/", {"query": "{ __typename }"})
    finally:
        got_request_exception.disconnect(listener)
    assert received == ["/graphql/"]


# --- Every error is JSON in one shape ---------------------------------------------------------

PADDED_QUERY = "{ __typename }" + " " * 10_000


def request_errors():
    """Requests /graphql/ refuses, each with how to send it: (method, data, extra)."""
    deep = "{ " + "themes { modules { " * 5 + "id" + " } }" * 5 + " }"
    yield "post", {"query": "{ __typename }"}, {"HTTP_ACCEPT": "text/plain"}  # 406
    for method in ("put", "patch", "delete", "options"):
        yield method, {"query": "{ __typename }"}, {}  # 405
    yield "post", "query={ __typename }", {"content_type": "text/plain"}  # 415
    yield "post", "{not json", {}  # 400
    yield "post", over_the_body_limit(), {}  # 413
    yield "get", {"query": "{ __typename }", **{f"p{n}": "x" for n in range(1000)}}, {}
    yield "get", {"query": 'mutation { recordVisit(page: "1") { counted } }'}, {}  # 405
    yield "post", {"query": "{ __typename"}, {}
    yield "post", {"query": "{ noSuchField }"}, {}
    yield "post", {"query": "{ page(id: $id) { id } }"}, {}
    yield "post", {"query": "query ($n: Int!) { modules(limit: $n) { totalCount } }"}, {}
    yield "post", {"query": PADDED_QUERY}, {}
    yield "post", {"query": deep}, {}
    yield "post", {"query": THEMES_FAN_OUT}, {}
    yield "post", {"query": ALIASED_SEARCHES}, {}
    yield "post", {"query": "query A { __typename }", "operationName": "B"}, {}


@pytest.mark.parametrize("accept", [None, JSON, GRAPHQL_RESPONSE, "*/*"])
@pytest.mark.parametrize("method, data, extra", list(request_errors()))
def test_every_error_is_json_in_the_documented_shape(client, accept, method, data, extra):
    extra = dict(extra)
    if accept is not None:
        extra.setdefault("HTTP_ACCEPT", accept)
    if method == "get":
        response = client.get("/graphql/", data, **extra)
    else:
        body = data if isinstance(data, str) else json.dumps(data)
        extra.setdefault("content_type", JSON)
        response = getattr(client, method)("/graphql/", body, **extra)
    assert response.status_code in (200, 400, 405, 406, 413, 415)
    assert media_type(response) in (JSON, GRAPHQL_RESPONSE)
    body = json.loads(response.content)
    assert list(body) == ["errors"]
    assert body["errors"]
    for error in body["errors"]:
        assert set(error) == {"message"}
        assert isinstance(error["message"], str) and error["message"].endswith((".", ")"))


# --- Mutations: only over POST (probe schema) -----------------------------------------------


@probe
def test_a_query_over_get_works_on_a_schema_with_mutations(client):
    response = client.get("/graphql/probe/", {"query": "{ hello }"})
    assert response.status_code == 200
    assert response.json() == {"data": {"hello": "Hello world"}}


@probe
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_a_mutation_over_get_is_405(client, accept):
    response = client.get("/graphql/probe/", {"query": "mutation { ping }"}, HTTP_ACCEPT=accept)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert media_type(response) == accept
    assert "data" not in response.json()
    (error,) = errors_of(response)
    assert "POST" in error


@probe
def test_a_mutation_chosen_by_operation_name_over_get_is_405(client):
    response = client.get(
        "/graphql/probe/", {"query": "query Q { hello } mutation M { ping }", "operationName": "M"}
    )
    assert response.status_code == 405
    ok = client.get(
        "/graphql/probe/", {"query": "query Q { hello } mutation M { ping }", "operationName": "Q"}
    )
    assert ok.json() == {"data": {"hello": "Hello world"}}


@probe
def test_a_mutation_over_post_runs(client):
    response = post(client, {"query": "mutation { ping }"}, url="/graphql/probe/")
    assert response.status_code == 200
    assert response.json() == {"data": {"ping": "pong"}}


# --- Failing resolvers ------------------------------------------------------------------


@probe
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_a_failing_resolver_gives_a_generic_error_and_no_details(client, caplog, accept):
    with caplog.at_level(logging.ERROR, logger="borg_learning.api.graphql"):
        response = post(
            client, {"query": '{ boom hello(name: "Anna") }'}, url="/graphql/probe/", accept=accept
        )
    assert response.status_code == 200
    assert media_type(response) == accept
    body = response.json()
    assert body["data"] == {"boom": None, "hello": "Hello Anna"}
    assert body["errors"] == [
        {
            "message": "Internal server error.",
            "path": ["boom"],
            "locations": [{"line": 1, "column": 3}],
        }
    ]
    text = response.content.decode()
    for leak in ("hunter2", "settings.py", "RuntimeError", "Traceback"):
        assert leak not in text
    # Not shown, but not lost either: the failure is logged for the developers.
    assert any(record.exc_info and SECRET in str(record.exc_info[1]) for record in caplog.records)


def test_a_failing_resolver_of_the_real_schema_gives_a_generic_error(client):
    providers = models.Provider.objects
    with mock.patch.object(providers, "filter", side_effect=RuntimeError(SECRET)):
        response = post(client, {"query": "{ borgLearningVersion providers { name } }"})
    assert response.status_code == 200
    body = response.json()
    # providers is a non-null list, so its failure nulls the whole data.
    assert body["data"] is None
    assert [error["message"] for error in body["errors"]] == ["Internal server error."]
    assert "hunter2" not in response.content.decode()


# --- CORS -----------------------------------------------------------------------------------


def test_the_allowed_origin_gets_cors_headers(client):
    response = post(client, {"query": "{ __typename }"}, HTTP_ORIGIN="http://frontend.test")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://frontend.test"


def test_a_cors_preflight_from_the_allowed_origin_is_answered(client):
    response = client.options(
        "/graphql/",
        HTTP_ORIGIN="http://frontend.test",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type, accept",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://frontend.test"
    assert "POST" in response["Access-Control-Allow-Methods"]
    allowed_headers = response["Access-Control-Allow-Headers"].lower()
    assert "content-type" in allowed_headers and "accept" in allowed_headers


def test_another_origin_gets_no_cors_headers(client):
    response = post(client, {"query": "{ __typename }"}, HTTP_ORIGIN="http://evil.test")
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        "/graphql/", HTTP_ORIGIN="http://evil.test", HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST"
    )
    assert "Access-Control-Allow-Origin" not in preflight
