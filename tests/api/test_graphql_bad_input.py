"""Bad input gets a clear answer: unknown ids and paths are null, mistakes are GraphQL errors.

And nothing a client sends produces a 500: the last tests throw a list of nasty values
at every argument and a list of broken requests at the endpoint.
"""

import json

import pytest

from borg_learning import models
from tests import factories
from tests.helpers.evaluation import SUBMIT, good_answers, question_ids, submission_input
from tests.helpers.graphql import GRAPHQL_RESPONSE, JSON, post_query

pytestmark = pytest.mark.django_db

LEAKS = (
    "Traceback",
    'File "',
    "sqlite",
    "psycopg",
    "SELECT",
    "OperationalError",
    "Internal server error.",
)
GIVE_ONE = "Give exactly one of id, path or previewToken."
UNSTORABLE = (
    "Text in a query or its variables may not contain NUL characters or unpaired surrogates."
)


def answer(client, query, variables=None):
    """The decoded answer, after checking that nothing internal leaked into it."""
    response = post_query(client, query, variables)
    assert response.status_code == 200
    for leak in LEAKS:
        assert leak not in response.content.decode(), leak
    return response.json()


def messages(body):
    return [error["message"] for error in body.get("errors", [])]


@pytest.fixture
def site():
    env = factories.learning_environment()
    section = env.add_child(instance=models.SectionPage(title="Basismodules"))
    module = factories.basic_module(section, "Grenzen stellen")
    offer = factories.offering(
        provider=factories.provider(name="GGZ Ecademy"), title="Grenzen in de zorg"
    )
    return {"env": env, "section": section, "module": module, "offer": offer}


# --- Unknown ids and paths ----------------------------------------------------------------


def id_spellings(pk):
    """Ways to write something that is not quite the id ``pk``."""
    digits = str(pk)
    return [
        f" {digits}",
        f"{digits} ",
        f"+{digits}",
        f"{digits}.0",
        f"{digits}e0",
        f"0x{pk:x}",
        "".join(chr(0x0660 + int(d)) for d in digits),  # Arabic-Indic digits
        "".join(chr(0xFF10 + int(d)) for d in digits),  # full-width digits
        f"{digits[0]}_{digits[1:]}" if len(digits) > 1 else f"{digits}_",
    ]


UNKNOWN_IDS = [
    "0",
    "-1",
    "99999999",
    "abc",
    "1.5",
    "9" * 18,
    "9" * 19,
    str(2**63),
    str(-(2**63) - 1),
    "9" * 40,
    "9" * 5000,
    "null",
    "[1]",
    "' OR 1=1 --",
]


@pytest.mark.parametrize(
    "field, selection", [("page", "title"), ("learningEnvironment", "title"), ("offering", "title")]
)
def test_unknown_ids_are_null_without_errors(client, site, field, selection):
    query = f"query ($id: ID!) {{ {field}(id: $id) {{ {selection} }} }}"
    known = {"page": site["module"], "learningEnvironment": site["env"], "offering": site["offer"]}[
        field
    ]
    assert answer(client, query, {"id": str(known.pk)})["data"][field] is not None
    for value in UNKNOWN_IDS + id_spellings(known.pk):
        assert answer(client, query, {"id": value}) == {"data": {field: None}}, value


def test_ids_may_be_given_as_numbers(client, site):
    pk = site["module"].pk
    assert answer(client, f"{{ page(id: {pk}) {{ title }} }}") == {
        "data": {"page": {"title": "Grenzen stellen"}}
    }
    assert answer(client, "query ($id: ID) { page(id: $id) { title } }", {"id": pk}) == {
        "data": {"page": {"title": "Grenzen stellen"}}
    }
    assert answer(client, "{ page(id: 9223372036854775807) { title } }") == {"data": {"page": None}}


def test_an_unknown_provider_filters_the_catalogue_to_nothing(client, site):
    query = "query ($p: ID) { catalogue(provider: $p) { totalCount } }"
    assert answer(client, query, {"p": str(site["offer"].provider_id)})["data"] == {
        "catalogue": {"totalCount": 1}
    }
    for value in UNKNOWN_IDS + id_spellings(site["offer"].provider_id):
        assert answer(client, query, {"p": value}) == {"data": {"catalogue": {"totalCount": 0}}}


ODD_PATHS = [
    "/bestaat-niet/",
    "/leeromgeving/bestaat-niet/",
    "/leeromgeving/../leeromgeving/",
    "/leeromgeving/basismodules/grenzen-stellen/extra/",
    "/%/",
    "/_/",
    "/leeromgeving%/",
    "/leer_omgeving/",
    "/ü/",
    "/🙂/",
    "/<script>alert(1)</script>/",
    "/?a=1",
    "/#boven",
    "\\leeromgeving\\",
    "/" * 500,
    "/" + "a" * 5000 + "/",
    " ",
    "/leeromgeving/\n",
    "/LEEROMGEVING/",
    "http://localhost/leeromgeving/",
    "'; DROP TABLE wagtailcore_page; --",
    "\u202e/",
    "*",
]


def test_unknown_and_odd_paths_are_null_without_errors(client, site):
    query = "query ($path: String) { page(path: $path) { title } }"
    assert answer(client, query, {"path": "/leeromgeving/basismodules/grenzen-stellen/"}) == {
        "data": {"page": {"title": "Grenzen stellen"}}
    }
    for path in ODD_PATHS:
        assert answer(client, query, {"path": path}) == {"data": {"page": None}}, path


def test_the_site_root_is_not_a_learning_page(client, site):
    assert answer(client, '{ page(path: "/") { title } }') == {"data": {"page": None}}


def test_unknown_slugs_are_null_or_empty_without_errors(client, site):
    for slug in ("bestaat-niet", "%", "_", "ü", "🙂", "'", "x" * 5000):
        variables = {"slug": slug}
        assert answer(
            client, "query ($slug: String!) { theme(slug: $slug) { name } }", variables
        ) == {"data": {"theme": None}}, slug
        assert answer(
            client,
            "query ($slug: String) { modules(theme: $slug) { totalCount } "
            "catalogue(theme: $slug, targetGroup: $slug) { totalCount } }",
            variables,
        ) == {"data": {"modules": {"totalCount": 0}, "catalogue": {"totalCount": 0}}}, slug


# --- page() needs exactly one of id, path and previewToken --------------------------------


@pytest.mark.parametrize(
    "arguments",
    [
        "",
        "(id: null)",
        '(id: "")',
        '(path: "")',
        '(id: "", path: "", previewToken: "")',
        '(id: "1", path: "/leeromgeving/")',
        '(path: "/leeromgeving/", previewToken: "x")',
        '(id: "1", previewToken: "x")',
        '(id: "1", path: "/", previewToken: "x")',
    ],
)
def test_page_needs_exactly_one_of_id_path_and_preview_token(client, site, arguments):
    body = answer(client, f"{{ page{arguments} {{ title }} }}")
    assert body["data"] == {"page": None}
    assert body["errors"] == [{**body["errors"][0], "message": GIVE_ONE, "path": ["page"]}]


def test_one_of_them_with_the_others_null_is_fine(client, site):
    query = (
        "query ($id: ID, $path: String, $token: String) { "
        "page(id: $id, path: $path, previewToken: $token) { title } }"
    )
    body = answer(client, query, {"id": str(site["module"].pk), "path": None, "token": None})
    assert body == {"data": {"page": {"title": "Grenzen stellen"}}}


# --- Malformed queries and wrong variables --------------------------------------------------


@pytest.mark.parametrize(
    "query, message",
    [
        ("{ page(id: 1) { title }", "Syntax Error: Expected Name, found <EOF>."),
        ("{ page(id: 1) { title } } }", "Syntax Error: Unexpected '}'."),
        ("query { page(id: 1 { title } }", "Syntax Error: Expected Name, found '{'."),
        ('{ search(query: "open) { totalCount } }', "Syntax Error: Unterminated string."),
        ("{ pages { title } }", "Cannot query field 'pages' on type 'Query'. Did you mean 'page'"),
        ('{ page(slug: "x") { title } }', "Unknown argument 'slug' on field 'Query.page'."),
        (
            "{ offering { title } }",
            "Field 'offering' argument 'id' of type 'ID!' is required, but it was not provided.",
        ),
        (
            '{ modules(limit: "ten") { totalCount } }',
            'Int cannot represent non-integer value: "ten"',
        ),
        (
            "{ modules(kind: basic) { totalCount } }",
            "Value 'basic' does not exist in 'LearningModuleKind' enum. Did you mean the enum value "
            "'BASIC'?",
        ),
        (
            "{ borgLearningVersion { major } }",
            "Field 'borgLearningVersion' must not have a selection since type 'String!' has no "
            "subfields.",
        ),
        (
            "{ page(id: 1) }",
            "Field 'page' of type 'LearningPage' must have a selection of subfields.",
        ),
        ("{ page(id: 1) { body } }", "Cannot query field 'body' on type 'LearningPage'."),
        ("query ($id: ID) { page(id: $other) { title } }", "Variable '$other' is not defined."),
        ("query ($id: ID) { borgLearningVersion }", "Variable '$id' is never used."),
        (
            "query A { borgLearningVersion } query A { borgLearningVersion }",
            "There can be only one operation named 'A'.",
        ),
        ("{ ...Missing }", "Unknown fragment 'Missing'."),
        (
            "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }",
            "Cannot spread fragment 'A' within itself via 'B'.",
        ),
        (
            "subscription { borgLearningVersion }",
            "Schema is not configured to execute subscription",
        ),
        (
            "mutation { borgLearningVersion }",
            "Cannot query field 'borgLearningVersion' on type 'Mutation'.",
        ),
    ],
)
@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_malformed_queries_get_clear_graphql_errors(client, query, message, accept, status):
    response = post_query(client, query, accept=accept)
    assert response.status_code == status
    body = response.json()
    assert "data" not in body
    assert any(message in text for text in messages(body)), messages(body)


@pytest.mark.parametrize(
    "query, variables, message",
    [
        (
            "query ($limit: Int) { modules(limit: $limit) { totalCount } }",
            {"limit": "ten"},
            "Variable '$limit' got invalid value 'ten'; Int cannot represent non-integer value: 'ten'",
        ),
        (
            "query ($limit: Int) { modules(limit: $limit) { totalCount } }",
            {"limit": 1.5},
            "Variable '$limit' got invalid value 1.5; Int cannot represent non-integer value: 1.5",
        ),
        (
            "query ($limit: Int) { modules(limit: $limit) { totalCount } }",
            {"limit": 2**31},
            "Variable '$limit' got invalid value 2147483648; Int cannot represent non 32-bit signed "
            "integer value: 2147483648",
        ),
        (
            "query ($limit: Int) { modules(limit: $limit) { totalCount } }",
            {"limit": True},
            "Variable '$limit' got invalid value True; Int cannot represent non-integer value: True",
        ),
        (
            "query ($id: ID) { page(id: $id) { title } }",
            {"id": {"pk": 1}},
            "Variable '$id' got invalid value {'pk': 1}; ID cannot represent value: {'pk': 1}",
        ),
        (
            "query ($id: ID) { page(id: $id) { title } }",
            {"id": [1]},
            "Variable '$id' got invalid value [1]; ID cannot represent value: [1]",
        ),
        (
            "query ($id: ID) { page(id: $id) { title } }",
            {"id": 1.5},
            "Variable '$id' got invalid value 1.5; ID cannot represent value: 1.5",
        ),
        (
            "query ($kind: LearningModuleKind) { modules(kind: $kind) { totalCount } }",
            {"kind": "basic"},
            "Variable '$kind' got invalid value 'basic'; Value 'basic' does not exist in "
            "'LearningModuleKind' enum. Did you mean the enum value 'BASIC'?",
        ),
        (
            "query ($q: String!) { search(query: $q) { totalCount } }",
            {"q": None},
            "Variable '$q' of non-null type 'String!' must not be null.",
        ),
        (
            "query ($q: String!) { search(query: $q) { totalCount } }",
            {},
            "Variable '$q' of required type 'String!' was not provided.",
        ),
        (
            "query ($free: Boolean) { catalogue(free: $free) { totalCount } }",
            {"free": "yes"},
            "Variable '$free' got invalid value 'yes'; Boolean cannot represent a non boolean value: "
            "'yes'",
        ),
        (
            "query ($max: Float) { catalogue(maxCost: $max) { totalCount } }",
            {"max": "cheap"},
            "Variable '$max' got invalid value 'cheap'; Float cannot represent non numeric value: "
            "'cheap'",
        ),
    ],
)
@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_wrong_variable_types_get_clear_graphql_errors(
    client, query, variables, message, accept, status
):
    response = post_query(client, query, variables, accept=accept)
    assert response.status_code == status
    assert response.json() == {"errors": [{"message": message}]}


def test_a_preview_token_that_is_not_one_is_a_clear_error(client, site):
    body = answer(client, '{ page(previewToken: "not-a-token") { title } }')
    assert body["data"] == {"page": None}
    assert messages(body) == ["The preview token is not valid."]


# --- Text no database can store ---------------------------------------------------------


@pytest.mark.parametrize("value", ["\x00", "grens\x00", "\ud800", "a\udfffb"])
@pytest.mark.parametrize(
    "query",
    [
        "query ($v: String) { page(path: $v) { title } }",
        "query ($v: String!) { search(query: $v) { totalCount } }",
        "query ($v: String) { catalogue(search: $v, theme: $v) { totalCount } }",
        "query ($v: String!) { theme(slug: $v) { name } }",
        "query ($v: ID) { page(id: $v) { title } }",
    ],
)
def test_nul_and_unpaired_surrogates_in_variables_are_a_clear_error(client, site, query, value):
    response = post_query(client, query, {"v": value}, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": UNSTORABLE}]}


@pytest.mark.parametrize(
    "literal, message",
    [
        (r'"\u0000"', UNSTORABLE),
        (r'"grens\u0000"', UNSTORABLE),
        ('"""grens\x00"""', UNSTORABLE),
        (r'"\ud800"', "Syntax Error: Invalid Unicode escape sequence: '\\ud800'."),
        ('"grens\x00"', UNSTORABLE),
    ],
)
def test_nul_and_unpaired_surrogates_in_string_literals_are_a_clear_error(
    client, site, literal, message
):
    response = post_query(
        client, f"{{ search(query: {literal}) {{ totalCount }} }}", accept=GRAPHQL_RESPONSE
    )
    assert response.status_code == 400
    assert response.json() == {"errors": [{"message": message}]}


def test_surrogate_pairs_and_other_unicode_are_fine(client, site):
    body = answer(
        client,
        "query ($v: String!) { search(query: $v) { totalCount } theme(slug: $v) { name } }",
        {"v": "grenzen 🙂 \u202e ü"},
    )
    assert body == {"data": {"search": body["data"]["search"], "theme": None}}
    assert answer(client, r'{ theme(slug: "\ud83d\ude42") { name } }') == {"data": {"theme": None}}


@pytest.mark.parametrize("text", ['"', '"grenzen', 'grenzen"', '""', '"grenzen"', '" "'])
def test_double_quotes_in_search_words_are_fine(client, site, text):
    query = """query ($q: String!) {
        search(query: $q) { totalCount }
        catalogue(search: $q) { totalCount }
    }"""
    body = answer(client, query, {"q": text})
    expected = 2 if "grenzen" in text else 0  # the module and the offer
    assert body == {
        "data": {"search": {"totalCount": expected}, "catalogue": {"totalCount": expected // 2}}
    }


# --- No request produces a 500 ---------------------------------------------------------


NASTY = [
    "",
    " ",
    "0",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "abc",
    "٣",
    "9" * 30,
    str(2**63),
    "9" * 5000,
    "\x00",
    "a\x00b",
    "\ud800",
    "\udc00x",
    "🙂",
    "\u202e",
    "\ufeff",
    "'; DROP TABLE wagtailcore_page; --",
    '"',
    '""',
    "'",
    "%",
    "_",
    "*",
    "\\",
    "/",
    "//",
    "/../../",
    "?a=1",
    "#",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "${7*7}",
    "a OR b",
    "-a",
    "a:b",
    "NEAR(a b)",
    "(",
    ")",
    "&",
    "|",
    "!",
    ":*",
    "a & !b",
    "\n\t\r",
    "null",
    "{}",
    "[]",
    "x" * 100_000,
]
ARGUMENTS = [
    ("ID", "page(id: $v) { title }"),
    ("String", "page(path: $v) { title }"),
    ("String", "page(previewToken: $v) { title }"),
    ("ID", "learningEnvironment(id: $v) { title }"),
    ("ID!", "offering(id: $v) { title }"),
    ("String!", "theme(slug: $v) { name }"),
    ("String", "modules(theme: $v, role: $v) { totalCount }"),
    ("ID", "catalogue(provider: $v) { totalCount }"),
    ("String", "catalogue(theme: $v, targetGroup: $v, search: $v) { totalCount }"),
    ("String!", "search(query: $v) { totalCount }"),
]


@pytest.mark.parametrize("kind, field", ARGUMENTS)
def test_no_argument_value_produces_a_500_or_an_internal_error(client, site, kind, field):
    query = f"query ($v: {kind}) {{ {field} }}"
    for value in NASTY:
        for accept in (JSON, GRAPHQL_RESPONSE):
            response = post_query(client, query, {"v": value}, accept=accept)
            assert response.status_code in (200, 400), (value, response.status_code)
            assert response["Content-Type"].startswith(accept)
            body = response.json()
            assert "data" in body or body["errors"], value
            for leak in LEAKS:
                assert leak not in response.content.decode(), (value, leak)


def nested_json(depth):
    return "[" * depth + "]" * depth


RAW_BODIES = [
    b"",
    b"{",
    b"}",
    b"null",
    b"true",
    b"1e999999",
    b'"query"',
    b"[]",
    b"{}",
    b"\x00",
    b"\xff\xfe\x00{",
    b'\xef\xbb\xbf{"query": "{ __typename }"}',
    b'{"query": "\\ud800"}',
    b'{"query": "{ __typename }", "variables": {"a": 1e999}}',
    b'{"query": "{ __typename }", "variables": {"\\u0000": 1}}',
    b'{"query": "{ __typename }", "variables": ' + nested_json(100_000).encode() + b"}",
    b'{"query": "{ __typename }", "variables": {"a": ' + nested_json(900).encode() + b"}}",
    b'{"query": "{ __typename }", "operationName": "\\u0000"}',
    b'{"query": "{ __typename }", "operationName": "' + b"x" * 100_000 + b'"}',
    b'{"query": "{ __typename }", "extensions": {"persistedQuery": {"sha256Hash": "x"}}}',
    b'{"query": ["{ __typename }"]}',
    b'{"query": {"query": "{ __typename }"}}',
    b'{"query": "{ __typename }", "query": 5}',
    json.dumps({"query": "{ __typename \x00 }"}).encode(),
    json.dumps({"query": '{ page(path: "\ud800") { title } }'}).encode(),
    json.dumps({"query": "{" * 5000 + "}" * 5000}).encode(),
    json.dumps({"query": "{ a" + " { a" * 3000 + " }" * 3001}).encode(),
    json.dumps({"query": "{ page(id: " + "[" * 3000 + "]" * 3000 + ") { title } }"}).encode(),
    json.dumps({"query": "query (" + "$a: Int, " * 1000 + ") { __typename }"}).encode(),
    json.dumps({"query": "{ " + " ".join(f"a{i}: __typename" for i in range(600)) + " }"}).encode(),
    json.dumps(
        {"query": "{ __typename @skip(if: true) @include(if: false) @deprecated }"}
    ).encode(),
    json.dumps({"query": "fragment F on Query { ...F } { ...F }"}).encode(),
    json.dumps({"query": '{ __type(name: "\\u0000") { name } }'}).encode(),
    json.dumps({"query": "{ page(id: 1) { ... on LearningOffering { title } } }"}).encode(),
    json.dumps({"query": '{ search(query: "x", limit: 99999999999) { totalCount } }'}).encode(),
    json.dumps({"query": "{ catalogue(maxCost: 1e400) { totalCount } }"}).encode(),
    json.dumps({"query": "{ catalogue(maxCost: -1e308, free: true) { totalCount } }"}).encode(),
    json.dumps(
        {
            "query": "query ($m: Float) { catalogue(maxCost: $m) { totalCount } }",
            "variables": {"m": float("inf")},
        }
    ).encode(),
]


@pytest.mark.parametrize(
    "accept",
    [
        JSON,
        GRAPHQL_RESPONSE,
        "*/*",
        "*/*;q=nan",
        ";;;",
        "application/json;q=abc, text/html",
        "text/plain",
    ],
)
def test_no_request_body_produces_a_500(client, site, accept):
    for body in RAW_BODIES:
        response = client.post("/graphql/", body, content_type=JSON, HTTP_ACCEPT=accept)
        assert response.status_code in (200, 400, 406, 415), (body[:80], response.status_code)
        assert response["Content-Type"].split(";")[0] in (JSON, GRAPHQL_RESPONSE)
        decoded = response.json()
        assert decoded.get("errors") or "data" in decoded, body[:80]
        assert "Traceback" not in response.content.decode()


GET_QUERY_STRINGS = [
    "",
    "query=",
    "query=%00",
    "query=%FF%FE",
    "query=%ED%A0%80",
    "query=%7B",
    "query[]=x",
    "query=%7B__typename%7D&variables=%00",
    "query=%7B__typename%7D&variables=%ED%A0%80",
    "query=%7B__typename%7D&variables=" + "%5B" * 5000,
    "query=%7B__typename%7D&variables=null",
    "query=%7B__typename%7D&variables=1e999",
    "query=%7B__typename%7D&operationName=%00",
    "query=%7B__typename%7D&query=%7B",
    "query=mutation%7Bx%7D",
    "query=subscription%7Bx%7D",
    "query=%7Bpage(path:%22%5Cu0000%22)%7Btitle%7D%7D",
    "query=query($v:ID)%7Bpage(id:$v)%7Btitle%7D%7D&variables=%7B%22v%22:%22%F0%9F%99%82%22%7D",
]


def test_no_get_request_produces_a_500(client, site):
    for query_string in GET_QUERY_STRINGS:
        for accept in (JSON, GRAPHQL_RESPONSE, "text/html"):
            response = client.get(f"/graphql/?{query_string}", HTTP_ACCEPT=accept)
            assert response.status_code in (200, 400, 405, 406), (query_string, accept)
            assert response.json().get("errors") or "data" in response.json()


@pytest.mark.parametrize("method", ["put", "patch", "delete", "head", "options", "trace"])
def test_no_method_produces_a_500(client, method):
    response = client.generic(
        method.upper(), "/graphql/", b'{"query": "{ __typename }"}', content_type=JSON
    )
    assert response.status_code in (200, 405)


@pytest.mark.parametrize(
    "content_type",
    [
        "",
        "application/json; charset=utf-16",
        "application/json; charset=bogus",
        "application/JSON",
        "multipart/form-data; boundary=x",
        "application/json;;;",
    ],
)
def test_no_content_type_produces_a_500(client, content_type):
    response = client.generic(
        "POST", "/graphql/", b'{"query": "{ __typename }"}', content_type=content_type
    )
    assert response.status_code in (200, 400, 415)
    assert response.json().get("errors") or response.json()["data"]


# --- Found by fuzzing (test_fuzzing.py) -----------------------------------------------------


def test_a_question_answered_twice_with_and_without_a_number_is_refused(client):
    """The digest of a submission sorted its answers as lists: for two answers to one
    question, one with a number and one without, that compared a number with None."""
    module = factories.module_with_questionnaire()
    ids = question_ids(module.questionnaire)
    answers = [*good_answers(module.questionnaire), {"question": ids["likert"], "choices": ["Ja"]}]
    body = answer(client, SUBMIT, {"input": submission_input(module, answers)})
    result = body["data"]["submitEvaluation"]
    assert result["ok"] is False
    assert [(error["code"], error["question"]) for error in result["errors"]] == [
        ("DUPLICATE_ANSWER", ids["likert"])
    ]
    assert not models.Response.objects.exists()
