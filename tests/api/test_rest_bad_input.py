"""A parameter the REST API cannot use is answered 400 with a JSON message that says
what is wrong, never with a server error page."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

ENDPOINTS = ("pages", "images", "documents", "media")
MODULES = "/api/v2/pages/?type=borg_learning.BasicModulePage&"

#: url -> what the message says
BAD_REQUESTS = {
    "/api/v2/pages/find/?id=abc": "id must be a positive integer",
    "/api/v2/images/find/?id=abc": "id must be a positive integer",
    "/api/v2/documents/find/?id=abc": "id must be a positive integer",
    "/api/v2/media/find/?id=abc": "id must be a positive integer",
    "/api/v2/pages/find/?id=-1": "id must be a positive integer",
    "/api/v2/pages/?search=a&search_operator=xyz": "search_operator must be 'and' or 'or'",
    "/api/v2/images/?search=a&search_operator=xyz": "search_operator must be 'and' or 'or'",
    "/api/v2/pages/?limit=-1": "limit must be a positive integer",
    "/api/v2/pages/?offset=abc": "offset must be a positive integer",
    "/api/v2/pages/?order=xyz": "cannot order by 'xyz'",
    "/api/v2/pages/?fields=*,nope": "fields error",
    "/api/v2/pages/?fields=nope": "unknown fields: nope",
    "/api/v2/pages/?type=nope.Nope": "type doesn't exist",
    "/api/v2/pages/?child_of=abc": "child_of must be a positive integer",
    "/api/v2/pages/?descendant_of=999999": "ancestor page doesn't exist",
    "/api/v2/pages/?locale=zz": "locale 'zz' is not a language of this site",
    "/api/v2/pages/?site=nowhere.example.org": "site 'nowhere.example.org' is not a site",
    "/api/v2/pages/?id=99999999999999999999": "not a valid value for id",
    "/api/v2/pages/?first_published_at=abc": "not a valid value for first_published_at",
    MODULES + "last_reviewed=abc": "not a valid value for last_reviewed (expected: Date",
    MODULES + "themes=abc": "not a valid value for themes",
    MODULES + "development_group=99999999999999999999": "not a valid value for development_group",
    "/api/v2/pages/?rich_text_format=db_html": "rich_text_format",
    "/api/v2/pages/?nope=1": "not an operation or a recognised field: nope",
}


@pytest.fixture
def content(environment):
    """A module with a body, so every endpoint has something to filter."""
    section = factories.section(environment)
    return factories.basic_module(section, "Grenzen", body=factories.body_blocks(7, section))


def assert_bad_request(client, url, message):
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code, response.content[:200])
    assert response["Content-Type"].startswith("application/json"), url
    assert message in response.json()["message"], (url, response.json())


def test_find_by_an_id_that_is_no_number(client, content):
    for endpoint in ENDPOINTS:
        assert_bad_request(client, f"/api/v2/{endpoint}/find/?id=abc", "id must be")


def test_an_unknown_search_operator(client, content):
    for endpoint in ENDPOINTS:
        url = f"/api/v2/{endpoint}/?search=a&search_operator=xyz"
        assert_bad_request(client, url, "search_operator must be 'and' or 'or', not 'xyz'")


def test_an_unknown_locale(client, content):
    assert_bad_request(client, "/api/v2/pages/?locale=zz", "locale 'zz'")


def test_an_unknown_site(client, content):
    assert_bad_request(client, "/api/v2/pages/?site=nowhere.example.org", "site")


def test_a_filter_value_the_field_cannot_hold(client, content):
    assert_bad_request(client, MODULES + "last_reviewed=abc", "last_reviewed")
    assert_bad_request(client, "/api/v2/pages/?first_published_at=abc", "first_published_at")
    assert_bad_request(client, MODULES + "themes=abc", "themes")


def test_a_number_out_of_the_columns_range(client, content):
    assert_bad_request(client, MODULES + "development_group=99999999999999999999", "development")
    assert_bad_request(client, "/api/v2/images/?width=99999999999999999999", "width")


def test_a_stored_rich_text_format(client, content):
    assert_bad_request(client, "/api/v2/pages/?rich_text_format=db_markdown", "as HTML")


def test_the_parameters_wagtail_already_checked_still_answer_400(client, content):
    assert_bad_request(client, "/api/v2/pages/?limit=-1", "limit")
    assert_bad_request(client, "/api/v2/pages/?offset=abc", "offset")
    assert_bad_request(client, "/api/v2/pages/?order=xyz", "order")
    assert_bad_request(client, "/api/v2/pages/?fields=*,nope", "fields")
    assert_bad_request(client, "/api/v2/pages/?type=nope.Nope", "type")
    assert_bad_request(client, "/api/v2/pages/?child_of=abc", "child_of")
    assert_bad_request(client, "/api/v2/pages/?descendant_of=999999", "page doesn't exist")


def test_every_bad_request_is_answered_400_with_a_message(client, content):
    for url, message in BAD_REQUESTS.items():
        assert_bad_request(client, url, message)


@pytest.mark.parametrize(
    "query",
    ["limit=-1", "offset=abc", "order=xyz", "fields=*,nope", "search=a&search_operator=xyz"],
)
def test_every_endpoint_answers_a_bad_listing_parameter_with_400(client, content, query):
    for endpoint in ENDPOINTS:
        assert_bad_request(client, f"/api/v2/{endpoint}/?{query}", "")


ODD_BUT_VALID = [
    "/api/v2/pages/?offset=99999999999999999999999",
    "/api/v2/pages/?offset=3&limit=20",
    "/api/v2/pages/find/?id=99999999999999999999",
    "/api/v2/pages/?search=%22grenzen",
    "/api/v2/pages/?search=(*-^:",
    "/api/v2/pages/?search=",
    "/api/v2/images/?search=%00",
    "/api/v2/documents/?tags=a&search=b",
    "/api/v2/pages/?search=grenzen&order=-first_published_at",
    "/api/v2/pages/?search=grenzen&search_operator=and",
    "/api/v2/media/?type=audio&order=-title",
]


def test_odd_but_valid_parameters_are_answered_without_a_server_error(client, content):
    client.raise_request_exception = False
    for url in ODD_BUT_VALID:
        response = client.get(url)
        assert response.status_code in (200, 302, 404), (url, response.status_code)
        if response.status_code != 302:
            assert response["Content-Type"].startswith("application/json"), url


def test_an_offset_past_the_end_gives_an_empty_page(client, content):
    data = client.get("/api/v2/pages/?offset=99999999999999999999999").json()
    assert data == {"meta": {"total_count": 3}, "items": []}  # start page, section, module
