"""The cost and alias limits refuse expensive queries before anything runs; errors name them.

A query's cost is about how many values its answer holds (``limits.QueryCost``). The
documented queries of the frontend cost well under the default, and short queries that
fan out through aliases and fragments cost millions and are refused without one SQL query.
"""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from graphene_django.views import GraphQLView
from graphql import get_introspection_query, parse

from borg_learning.api.graphql import schema
from borg_learning.api.graphql.limits import operation_costs, validation_rules
from borg_learning.conf import SETTINGS
from tests.helpers.graphql import (
    ALIASED_SEARCHES,
    GRAPHQL_RESPONSE,
    JSON,
    PARTS_FAN_OUT,
    QUERIES,
    THEMES_FAN_OUT,
    error_messages,
    fan_out,
    post_query,
)

pytestmark = pytest.mark.django_db

# A site serving the schema with graphene-django's own view, as docs/graphql.md says.
urlpatterns = [
    path(
        "graphene/",
        GraphQLView.as_view(schema=schema, validation_rules=validation_rules()),
    ),
    path("", include("borg_learning.urls")),
]

DEFAULT_MAX_COST = SETTINGS["GRAPHQL_MAX_QUERY_COST"].default
DOCUMENTED = sorted(path.stem for path in QUERIES.glob("*.graphql"))


def cost(query, variables=None):
    """The cost of the one operation of ``query``."""
    (value,) = operation_costs(schema.graphql_schema, parse(query), variables).values()
    return value


def cost_error(cost, maximum=DEFAULT_MAX_COST, name="anonymous"):
    return (
        f"Operation '{name}' costs about {cost}, over the query cost limit of {maximum} "
        f"(BORG_LEARNING['GRAPHQL_MAX_QUERY_COST'])."
    )


def alias_error(count, maximum=30):
    return (
        f"The query has {count} aliased fields, over the alias limit of {maximum} "
        f"(BORG_LEARNING['GRAPHQL_MAX_ALIASES'])."
    )


# --- Counting -----------------------------------------------------------------------------


def test_each_field_counts_one_and_introspection_nothing():
    assert cost("{ borgLearningVersion }") == 1
    assert cost("{ page(id: 1) { id title } }") == 3
    assert cost("{ __typename __schema { types { name fields { name } } } }") == 0


def test_a_list_counts_what_is_below_it_once_per_estimated_item():
    assert cost("{ themes { slug name } }") == 1 + 20 * 2
    assert cost("{ themes { slug modules { id } } }") == 1 + 20 * (1 + 1 + 20 * 1)
    assert cost("{ page(id: 1) { ... on LearningBasicModulePage { body { __typename } } } }") == 2
    blocks = "{ page(id: 1) { ... on LearningBasicModulePage { body { ...Text } } } }"
    text = "fragment Text on LearningTextBlock { id }"
    assert cost(f"{blocks} {text}") == 1 + 1 + 50 * 1
    assert cost("{ targetGroups { slug } }") == 1 + 10 * 1
    assert cost("{ providers { id } }") == 1 + 50 * 1  # a page of them


def test_a_list_of_scalars_counts_one():
    assert cost("{ page(id: 1) { ... on LearningModule { learningObjectives } } }") == 2


def test_a_paged_list_counts_its_page_size():
    assert cost("{ modules { totalCount items { id } } }") == 1 + 1 + (1 + 50 * 1)
    assert cost("{ modules(limit: 5) { totalCount items { id } } }") == 1 + 1 + (1 + 5 * 1)
    assert cost('{ search(query: "x", limit: 2) { items { __typename } } }') == 2
    assert cost("{ catalogue(limit: 3) { items { id title } } }") == 1 + 1 + 3 * 2


def test_a_limit_outside_the_page_size_limits_counts_as_the_nearest_allowed():
    """Such a limit is refused when the field runs, with the page size message."""
    assert cost("{ modules(limit: 100000) { items { id } } }") == 1 + 1 + 100
    assert cost("{ modules(limit: 0) { items { id } } }") == 1 + 1 + 1


VARIABLE_LIMIT = "query ($limit: Int) { modules(limit: $limit) { items { id } } }"


@pytest.mark.parametrize(
    "query, variables, page_size",
    [
        (VARIABLE_LIMIT, {"limit": 7}, 7),
        (VARIABLE_LIMIT, {}, 50),  # left out: the default page size
        (VARIABLE_LIMIT, {"limit": None}, 50),
        (VARIABLE_LIMIT, None, 100),  # unknown: the largest page size
        (VARIABLE_LIMIT, {"limit": "seven"}, 100),  # refused when the variables are coerced
        (VARIABLE_LIMIT.replace("Int)", "Int = 4)"), {}, 4),
    ],
)
def test_a_limit_from_a_variable_counts_its_value(query, variables, page_size):
    assert cost(query, variables) == 1 + 1 + page_size


def test_aliases_count_each():
    assert cost("{ a: themes { slug } b: themes { slug } themes { slug } }") == 3 * 21


def test_fragments_count_as_if_written_out():
    written_out = (
        "{ themes { slug modules { id ... on LearningSpecialistModulePage { parts { id } } } } }"
    )
    with_fragments = """
        { themes { ...Theme } }
        fragment Theme on LearningTheme { slug modules { ...Module } }
        fragment Module on LearningModule { id ... on LearningSpecialistModulePage { ...Parts } }
        fragment Parts on LearningSpecialistModulePage { parts { id } }
    """
    assert cost(with_fragments) == cost(written_out) == 1 + 20 * (1 + 1 + 20 * (1 + 1 + 10))


def test_a_fragment_counts_the_page_size_it_is_spread_under():
    query = """
        { two: modules(limit: 2) { ...Ids } three: modules(limit: 3) { ...Ids } }
        fragment Ids on LearningModuleList { items { id } }
    """
    assert cost(query) == (1 + 1 + 2) + (1 + 1 + 3)


def test_fragments_spreading_each_other_level_after_level_are_counted_once_each():
    """24 levels of fragments spreading the next twice: 2**24 paths, counted at once."""
    levels = 24
    fragments = "".join(
        f"fragment F{i} on Query {{ ...F{i + 1} ... on Query {{ ...F{i + 1} }} }}"
        for i in range(levels)
    )
    query = "{ ...F0 } " + fragments + f"fragment F{levels} on Query {{ themes {{ id }} }}"
    assert cost(query) == 2**levels * 21


def test_fragment_cycles_and_unknown_names_do_not_hang_the_count():
    cycle = "{ ...A } fragment A on Query { themes { id } ...B } fragment B on Query { ...A }"
    assert cost(cycle) == 21
    assert cost("{ ...Missing noSuchField { id } }") == 1


def test_the_fan_out_queries_cost_millions():
    assert cost(THEMES_FAN_OUT) > 10**12
    assert cost(PARTS_FAN_OUT) > 10**6


# --- The documented queries -----------------------------------------------------------------


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_documented_query_costs_under_half_the_default(name):
    """Counted at the largest page size, as when the variables are not known."""
    query = (QUERIES / f"{name}.graphql").read_text()
    assert cost(query) < DEFAULT_MAX_COST / 2


def test_the_costs_in_the_docs_are_those_counted():
    """docs/graphql.md lists each documented query's cost, with the largest page size and
    with the default one."""
    text = (QUERIES.parent / "graphql.md").read_text()
    rows = re.findall(
        r"^\| \[queries/(\w+)\.graphql\]\(\S+\) \| ([\d,]+) \| ([\d,]+) \|$", text, re.M
    )
    listed = {name: [int(n.replace(",", "")) for n in numbers] for name, *numbers in rows}
    counted = {}
    for name in DOCUMENTED:
        query = (QUERIES / f"{name}.graphql").read_text()
        counted[name] = [cost(query), cost(query, {})]
    assert listed == counted


# --- Over HTTP ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query, limit",
    [
        (THEMES_FAN_OUT, "GRAPHQL_MAX_QUERY_COST"),
        (PARTS_FAN_OUT, "GRAPHQL_MAX_QUERY_COST"),
        (ALIASED_SEARCHES, "GRAPHQL_MAX_ALIASES"),
    ],
)
@pytest.mark.parametrize("accept, status", [(JSON, 200), (GRAPHQL_RESPONSE, 400)])
def test_short_expensive_queries_are_refused_before_any_sql(client, query, limit, accept, status):
    assert len(query) < 10_000
    with CaptureQueriesContext(connection) as sql:
        response = post_query(client, query, accept=accept)
    assert len(sql) == 0
    assert response.status_code == status
    assert "data" not in response.json()
    (message,) = error_messages(response)
    assert f"(BORG_LEARNING['{limit}'])" in message


def test_the_fan_out_message_says_what_the_query_costs(client):
    assert error_messages(post_query(client, PARTS_FAN_OUT)) == [
        cost_error(cost(PARTS_FAN_OUT, {}), name="PartsFanOut")
    ]


def test_the_cost_limit_follows_the_setting(client):
    query = "{ themes { slug } }"
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 21}):
        assert post_query(client, query).json() == {"data": {"themes": []}}
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 20}):
        assert error_messages(post_query(client, query)) == [cost_error(21, 20)]


def test_the_cost_counts_the_limit_the_variables_give(client):
    query = "query Page($limit: Int) { modules(limit: $limit) { items { id } } }"
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 12}):
        ok = post_query(client, query, {"limit": 10}).json()
        assert ok == {"data": {"modules": {"items": []}}}
        refused = post_query(client, query, {"limit": 11})
        assert error_messages(refused) == [cost_error(13, 12, "Page")]
        # Left out, the limit is the default page size.
        assert error_messages(post_query(client, query)) == [cost_error(52, 12, "Page")]


def test_the_limits_kept_with_a_document_follow_each_requests_page_size(client):
    """The limits' outcome is kept per document, page size and setting: asking again
    with another page size, a null one, none or a setting changed back gives each its own."""
    query = "query Page($limit: Int = 2) { modules(limit: $limit) { items { id } } }"
    ok = {"data": {"modules": {"items": []}}}
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 12}):
        for _ in range(2):
            assert post_query(client, query, {"limit": 10}).json() == ok
            assert error_messages(post_query(client, query, {"limit": 11})) == [
                cost_error(13, 12, "Page")
            ]
            assert post_query(client, query).json() == ok  # its default, 2
            assert error_messages(post_query(client, query, {"limit": None})) == [
                cost_error(52, 12, "Page")  # null: the default page size
            ]
    assert post_query(client, query, {"limit": 11}).json() == ok


def test_every_operation_of_a_document_is_counted(client):
    """As graphql-core's own rules do, whichever operation the request names."""
    body = {"query": "query Cheap { __typename } query Dear { themes { slug } }"}
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 20}):
        response = client.post("/graphql/", {**body, "operationName": "Cheap"}, content_type=JSON)
    assert error_messages(response) == [cost_error(21, 20, "Dear")]


@pytest.mark.parametrize("maximum", [DEFAULT_MAX_COST, 1])
def test_graphiql_introspection_is_not_refused_by_the_cost_limit(client, maximum):
    query = get_introspection_query(descriptions=True, input_value_deprecation=True)
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": maximum}):
        response = post_query(client, query, accept=GRAPHQL_RESPONSE)
    assert response.status_code == 200
    assert "errors" not in response.json()


# --- Aliases --------------------------------------------------------------------------------


def aliased(count, field="borgLearningVersion"):
    return "{ " + " ".join(f"a{number}: {field}" for number in range(count)) + " }"


def test_up_to_30_aliases_are_allowed_by_default(client):
    assert len(post_query(client, aliased(30)).json()["data"]) == 30
    assert error_messages(post_query(client, aliased(31))) == [alias_error(31)]


def test_the_alias_limit_follows_the_setting(client):
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_ALIASES": 2}):
        assert len(post_query(client, aliased(2)).json()["data"]) == 2
        assert error_messages(post_query(client, aliased(3))) == [alias_error(3, 2)]


def test_aliases_in_fragments_count_once_and_typename_not_at_all(client):
    query = """
        { a: themes { ...Names } b: themes { ...Names } t1: __typename t2: __typename }
        fragment Names on LearningTheme { n1: name n2: name }
    """
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_ALIASES": 4}):
        assert post_query(client, query).json()["data"]["a"] == []
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_ALIASES": 3}):
        assert error_messages(post_query(client, query)) == [alias_error(4, 3)]


def test_a_query_over_both_limits_is_told_of_both(client):
    query = fan_out(
        "query Both { themes { ...F0 } }",
        "LearningTheme",
        "modules {{ id themes {{ {inner} }} }}",
        "slug",
        aliases=8,
    )
    assert error_messages(post_query(client, query)) == [
        cost_error(cost(query, {}), name="Both"),
        alias_error(32),
    ]


# --- graphene-django's view with the limits' rules -----------------------------------------


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "query, limit",
    [
        (THEMES_FAN_OUT, "GRAPHQL_MAX_QUERY_COST"),
        (PARTS_FAN_OUT, "GRAPHQL_MAX_QUERY_COST"),
        (ALIASED_SEARCHES, "GRAPHQL_MAX_ALIASES"),
        ("{ " + "themes { modules { " * 5 + "id" + " } }" * 5 + " }", "GRAPHQL_MAX_DEPTH"),
    ],
)
def test_graphene_djangos_view_with_the_rules_refuses_what_ours_does(client, query, limit):
    with CaptureQueriesContext(connection) as sql:
        response = post_query(client, query, url="/graphene/")
    assert len(sql) == 0
    assert response.status_code == 400
    assert any(f"(BORG_LEARNING['{limit}'])" in message for message in error_messages(response))


@pytest.mark.urls(__name__)
def test_graphene_djangos_view_with_the_rules_runs_the_documented_queries(client):
    response = post_query(client, (QUERIES / "theme_map.graphql").read_text(), url="/graphene/")
    assert response.status_code == 200
    assert response.json() == {"data": {"themes": []}}


@pytest.mark.urls(__name__)
def test_the_rules_keep_graphql_cores_own(client):
    """graphene-django validates with the rules it is given instead of the specified ones."""
    response = post_query(client, "{ noSuchField }", url="/graphene/")
    assert response.status_code == 400
    assert error_messages(response) == ["Cannot query field 'noSuchField' on type 'Query'."]


@pytest.mark.urls(__name__)
def test_with_graphene_djangos_view_a_limit_variable_counts_as_the_largest_page(client):
    query = "query Page($limit: Int) { modules(limit: $limit) { items { id } } }"
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 102}):
        assert post_query(client, query, {"limit": 1}, url="/graphene/").status_code == 200
    with override_settings(BORG_LEARNING={"GRAPHQL_MAX_QUERY_COST": 101}):
        response = post_query(client, query, {"limit": 1}, url="/graphene/")
    assert error_messages(response) == [cost_error(102, 101, "Page")]
