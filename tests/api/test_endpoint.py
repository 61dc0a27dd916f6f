from django.test import override_settings

from borg_learning import __version__


def test_the_endpoint_answers_a_typename_query(graphql):
    assert graphql("{ __typename }") == {"data": {"__typename": "Query"}}


def test_the_endpoint_reports_its_version(graphql):
    assert graphql("{ borgLearningVersion }")["data"]["borgLearningVersion"] == __version__


def test_graphiql_is_off_unless_debug_or_the_setting_says_so(client):
    html = {"HTTP_ACCEPT": "text/html"}
    assert b"graphiql" not in client.get("/graphql/", **html).content.lower()
    with override_settings(BORG_LEARNING={"GRAPHIQL": True}):
        assert b"graphiql" in client.get("/graphql/", **html).content.lower()
