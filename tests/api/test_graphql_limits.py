"""Query depth, page size and query size are limited by BORG_LEARNING; errors name the limit.

The cost and alias limits are tested in test_graphql_cost.py.
"""

import time

import pytest
from django.test import override_settings
from graphql import get_introspection_query

from borg_learning import models
from tests import factories
from tests.helpers.graphql import GRAPHQL_RESPONSE, JSON, error_messages, post_query

pytestmark = pytest.mark.django_db


def nested(depth, name=None):
    """A valid query ``depth`` levels deep: themes { modules { themes { ... { id } } } }."""
    levels = [("themes", "modules")[level % 2] for level in range(depth - 1)]
    head = f"query {name} " if name else ""
    return (
        head + "{ " + "".join(f"{field} {{ " for field in levels) + "id" + " }" * len(levels) + " }"
    )


def depth_only(**limits):
    """Settings with ``limits`` and no cost limit to speak of: a query of nested lists deep
    enough to test the depth limit costs far more than the default cost limit."""
    return override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 10**40, **limits})


def depth_error(depth, maximum, name="anonymous"):
    return (
        f"Operation '{name}' is {depth} levels deep, over the query depth limit of "
        f"{maximum} (BORG_LEARNING['GRAPHQL_MAX_DEPTH'])."
    )


# --- Depth -----------------------------------------------------------------------------


def test_nested_builds_queries_of_the_depth_asked():
    assert nested(1) == "{ id }"
    assert nested(3) == "{ themes { modules { id } } }"


def test_a_query_at_the_default_depth_limit_runs(client):
    with depth_only():
        response = post_query(client, nested(10), accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert response.json() == {"data": {"themes": []}}


@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_a_query_one_level_deeper_than_the_default_is_refused(client, accept, status):
    with depth_only():
        response = post_query(client, nested(11, "Deep"), accept=accept)
    assert response.status_code == status
    assert "data" not in response.json()
    assert error_messages(response) == [depth_error(11, 10, "Deep")]


def test_the_depth_limit_follows_the_setting(client):
    with depth_only(GRAPHQL_MAX_DEPTH=3):
        assert post_query(client, nested(3)).json() == {"data": {"themes": []}}
        assert error_messages(post_query(client, nested(4))) == [depth_error(4, 3)]
    with depth_only(GRAPHQL_MAX_DEPTH=20):
        assert post_query(client, nested(20)).json() == {"data": {"themes": []}}
        assert error_messages(post_query(client, nested(21))) == [depth_error(21, 20)]


def test_fragments_do_not_hide_depth(client):
    query = """
        query Hidden { ...Top }
        fragment Top on Query { themes { ...ThemeModules } }
        fragment ThemeModules on LearningTheme {
          modules { ... on LearningBasicModulePage { ...Deeper } } }
        fragment Deeper on LearningModule { themes { modules { themes { modules { id } } } } }
    """
    with depth_only(GRAPHQL_MAX_DEPTH=6):
        assert error_messages(post_query(client, query)) == [depth_error(7, 6, "Hidden")]
    with depth_only(GRAPHQL_MAX_DEPTH=7):
        assert post_query(client, query).json() == {"data": {"themes": []}}


def test_a_fragment_spread_many_times_is_measured_quickly(client):
    """Fragments that spread the next one twice, 24 levels down: 2**24 paths, one answer."""
    count = 24
    fragments = "".join(
        f"fragment F{i} on Query {{ a{i}: __typename ...F{i + 1} ... on Query {{ ...F{i + 1} }} }}"
        for i in range(count)
    )
    query = "query Fan { ...F0 } " + fragments + f"fragment F{count} on Query {{ themes {{ id }} }}"
    started = time.monotonic()
    with depth_only():
        response = post_query(client, query)
    assert time.monotonic() - started < 5
    assert response.json()["data"]["themes"] == []
    with depth_only(GRAPHQL_MAX_DEPTH=1):
        assert error_messages(post_query(client, query)) == [depth_error(2, 1, "Fan")]


@pytest.mark.parametrize("maximum", [10, 1])
def test_graphiql_introspection_is_not_refused_by_the_depth_limit(client, maximum):
    query = get_introspection_query(
        descriptions=True,
        specified_by_url=True,
        directive_is_repeatable=True,
        schema_description=True,
        input_value_deprecation=True,
    )
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_DEPTH": maximum}):
        response = post_query(client, query, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    body = response.json()
    assert "errors" not in body
    schema = body["data"]["__schema"]
    assert schema["queryType"]["name"] == "Query"
    assert "LearningPage" in {kind["name"] for kind in schema["types"]}


def test_introspection_does_not_exempt_the_data_next_to_it(client):
    query = "{ __schema { queryType { name } } " + nested(4)[1:]
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_DEPTH": 3}):
        assert error_messages(post_query(client, query)) == [depth_error(4, 3)]


# --- Page size -------------------------------------------------------------------------


@pytest.fixture
def offers():
    provider = factories.provider(name="GGZ Ecademy")
    return [
        factories.offering(provider=provider, title=f"Training {number:03}") for number in range(51)
    ]


def catalogue_titles(client, **arguments):
    args = ", ".join(f"{name}: {value}" for name, value in arguments.items())
    query = "{ catalogue%s { totalCount items { title } } }" % (f"({args})" if args else "")
    result = post_query(client, query).json()["data"]["catalogue"]
    return result["totalCount"], [item["title"] for item in result["items"]]


def test_the_default_page_size_is_50(client, offers):
    total, titles = catalogue_titles(client)
    assert total == 51
    assert titles == [f"Training {number:03}" for number in range(50)]
    assert catalogue_titles(client, offset=50) == (51, ["Training 050"])


def test_a_page_may_hold_up_to_100(client, offers):
    total, titles = catalogue_titles(client, limit=100)
    assert (total, len(titles)) == (51, 51)


PAGED = {
    "modules": "{ modules(%s) { totalCount } }",
    "catalogue": "{ catalogue(%s) { totalCount } }",
    "search": '{ search(query: "training", %s) { totalCount } }',
}


def page_size_error(got, maximum=100):
    return (
        f"limit must be between 1 and {maximum} (the page size limit, "
        f"BORG_LEARNING['GRAPHQL_MAX_PAGE_SIZE']); got {got}."
    )


@pytest.mark.parametrize("field", PAGED)
@pytest.mark.parametrize(
    "arguments, message",
    [
        ("limit: 101", page_size_error(101)),
        ("limit: 0", page_size_error(0)),
        ("limit: -5", page_size_error(-5)),
        ("offset: -1", "offset must be 0 or more; got -1."),
    ],
)
@pytest.mark.parametrize("accept", [JSON, GRAPHQL_RESPONSE])
def test_a_page_outside_the_limits_is_a_graphql_error(client, field, arguments, message, accept):
    response = post_query(client, PAGED[field] % arguments, accept=accept)
    assert response.status_code == 200
    body = response.json()
    assert body["data"] is None
    assert body["errors"] == [{**body["errors"][0], "message": message, "path": [field]}]


@pytest.mark.parametrize("field", PAGED)
def test_a_page_of_100_is_allowed_everywhere(client, field):
    body = post_query(client, PAGED[field] % "limit: 100, offset: 0").json()
    assert body == {"data": {field: {"totalCount": 0}}}


@pytest.mark.parametrize("field", PAGED)
def test_an_integer_beyond_32_bits_is_refused_by_graphql(client, field):
    response = post_query(client, PAGED[field] % "limit: 2147483648", accept=GRAPHQL_RESPONSE)
    assert response.status_code == 400
    (message,) = error_messages(response)
    assert "Int cannot represent non 32-bit signed integer value: 2147483648" in message


@pytest.fixture
def modules():
    env = factories.learning_environment()
    section = env.add_child(instance=models.SectionPage(title="Basismodules"))
    return [factories.basic_module(section, f"Training module {number}") for number in range(4)]


@override_settings(BORG_LEARNING={"GRAPHQL_PAGE_SIZE": 2, "GRAPHQL_MAX_PAGE_SIZE": 3})
@pytest.mark.parametrize("field", PAGED)
def test_page_sizes_follow_the_settings(client, modules, field):
    provider = factories.provider(name="VGN Academie")
    for number in range(4):
        factories.offering(provider=provider, title=f"Training aanbod {number}")
    query = PAGED[field].replace("totalCount", "totalCount items { __typename }")

    def count(arguments):
        result = post_query(client, query % arguments).json()["data"][field]
        return result["totalCount"], len(result["items"])

    expected_total = 8 if field == "search" else 4
    assert count("offset: 0") == (expected_total, 2)
    assert count("limit: 3") == (expected_total, 3)
    assert error_messages(post_query(client, query % "limit: 4")) == [page_size_error(4, 3)]


# --- Query size ------------------------------------------------------------------------


def padded(length, query="{ __typename }"):
    return query + " " * (length - len(query))


def size_error(length, maximum=10_000):
    return (
        f"The query is {length} characters long, over the query size limit of {maximum} "
        f"(BORG_LEARNING['GRAPHQL_MAX_QUERY_LENGTH'])."
    )


def test_a_query_at_the_size_limit_runs(client):
    response = post_query(client, padded(10_000), accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_a_query_over_the_size_limit_is_refused(client, accept, status):
    response = post_query(client, padded(10_001), accept=accept)
    assert response.status_code == status
    assert response.json() == {"errors": [{"message": size_error(10_001)}]}


def test_the_size_limit_applies_before_parsing_and_over_get(client):
    response = post_query(client, "{" * 10_001)
    assert error_messages(response) == [size_error(10_001)]
    response = client.get("/graphql/", {"query": padded(10_001)})
    assert response.status_code == 200
    assert error_messages(response) == [size_error(10_001)]


def test_the_size_limit_follows_the_setting(client):
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_LENGTH": 50}):
        assert post_query(client, padded(50)).json() == {"data": {"__typename": "Query"}}
        assert error_messages(post_query(client, padded(51))) == [size_error(51, 50)]
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_LENGTH": 20_000}):
        assert post_query(client, padded(20_000)).json() == {"data": {"__typename": "Query"}}
        assert error_messages(post_query(client, padded(20_001))) == [size_error(20_001, 20_000)]
