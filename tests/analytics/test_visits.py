"""Counting visits: published public learning pages only, no bots, no previews, no cookies;
the beacon endpoint takes what ``navigator.sendBeacon`` sends and refuses the rest. How
often one client counts, and from which origins: test_honest_visit_counts.py."""

import datetime
import json

import pytest
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory
from django.utils import timezone

from borg_learning import models
from borg_learning.analytics.visits import is_bot, record_visit
from borg_learning.conf import learning_settings
from borg_learning.models.visits import PageVisitDay
from tests import factories
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
)
RECORD = screen_query("record_visit")


@pytest.fixture
def pages(environment):
    section = environment.add_child(instance=models.SectionPage(title="Basismodules"))
    module = factories.basic_module(section, "Grenzen stellen")
    sgg = factories.specialist_module(section, "SGG", parts=2, blocks_per_part=1)
    catalogue = environment.add_child(instance=models.CataloguePage(title="Aanbod"))
    return {
        "environment": environment,
        "section": section,
        "module": module,
        "sgg": sgg,
        "part": sgg.get_children().first(),
        "catalogue": catalogue,
    }


def counts():
    return dict(PageVisitDay.objects.values_list("page_id", "count"))


def browser(address="198.51.100.7", user_agent=BROWSER):
    """A request from one client, as the services see it."""
    return RequestFactory().post("/api/visits/", REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent)


def beacon(client, body, content_type="text/plain;charset=UTF-8", **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post("/api/visits/", data, content_type=content_type, **headers)


def visit(graphql, page, preview=None, **headers):
    headers.setdefault("HTTP_USER_AGENT", BROWSER)
    variables = {"page": str(getattr(page, "pk", page))}
    if preview is not None:
        variables["preview"] = preview
    body = graphql(RECORD, variables, **headers)
    assert "errors" not in body, body
    return body["data"]["recordVisit"]["counted"]


# --- What counts ----------------------------------------------------------------------------


def test_every_learning_page_counts_once_per_visit_on_todays_row(graphql, pages):
    for page in pages.values():
        assert visit(graphql, page) is True
    assert visit(graphql, pages["module"], REMOTE_ADDR="198.51.100.8") is True
    today = timezone.localdate()
    assert set(PageVisitDay.objects.values_list("date", flat=True)) == {today}
    assert counts() == {page.pk: 2 if name == "module" else 1 for name, page in pages.items()}


def test_one_request_counts_one_visit_however_many_aliases_it_sends(graphql, pages):
    page = pages["module"].pk
    query = (
        "mutation {"
        + " ".join(
            f'v{n}: recordVisit(page: "{page}") {{ counted }}'
            for n in range(learning_settings.GRAPHQL_MAX_ALIASES)
        )
        + "}"
    )
    body = graphql(query, HTTP_USER_AGENT=BROWSER)
    assert [body["data"][f"v{n}"]["counted"] for n in range(3)] == [True, False, False]
    assert counts() == {page: 1}


def test_the_service_adds_to_the_days_row(pages):
    day = datetime.date(2026, 3, 1)
    for client in range(3):
        assert record_visit(pages["part"].pk, browser(f"198.51.100.{client}"), today=day)
    assert PageVisitDay.objects.get(page=pages["part"], date=day).count == 3


def test_pages_a_learner_cannot_see_do_not_count(graphql, pages):
    section = pages["section"]
    draft = factories.basic_module(section, "Concept", publish=False)
    private = factories.basic_module(section, "Besloten")
    factories.restrict(private)
    restricted_section = pages["environment"].add_child(instance=models.SectionPage(title="Intern"))
    below_restriction = factories.basic_module(restricted_section, "Intern")
    factories.restrict(restricted_section, "login")
    expired = factories.expire(factories.basic_module(section, "Verlopen"))
    unpublished = factories.unpublish(factories.basic_module(section, "Offline"))
    home = factories.site_root()  # not a learning page
    for page in (
        draft,
        private,
        below_restriction,
        expired,
        unpublished,
        home,
        "999999",
        "abc",
        "-1",
        "0",
        "9" * 30,
    ):
        assert visit(graphql, page) is False, page
    assert counts() == {}


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "   ",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
        "curl/8.5.0",
        "python-requests/2.32",
        "Wget/1.21",
        "facebookexternalhit/1.1 crawler",
        "Slackbot-LinkExpanding 1.0",
        "UptimeRobot/2.0 monitor",
    ],
)
def test_bots_do_not_count(graphql, pages, user_agent):
    assert is_bot(user_agent)
    assert visit(graphql, pages["module"], HTTP_USER_AGENT=user_agent) is False
    assert (
        beacon(Client(), {"page": pages["module"].pk}, HTTP_USER_AGENT=user_agent).status_code
        == 204
    )
    assert counts() == {}


def test_a_request_without_a_user_agent_does_not_count(pages):
    response = Client().post(
        "/api/visits/", json.dumps({"page": pages["module"].pk}), content_type="text/plain"
    )
    assert response.status_code == 204 and counts() == {}


@pytest.mark.parametrize(
    "user_agent",
    [
        BROWSER,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
        "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.6778.39 Mobile Safari/537.36",
    ],
)
def test_browsers_are_not_bots(user_agent):
    assert not is_bot(user_agent)


def test_the_bot_list_is_a_setting(pages, settings):
    settings.BORG_LEARNING = {"BOT_USER_AGENTS": [r"iphone"]}
    assert is_bot(BROWSER) and not is_bot("curl/8.5.0")


@pytest.mark.parametrize(
    "headers, preview",
    [
        ({}, True),
        (
            {
                "HTTP_REFERER": "https://www.example.org/?content_type=borg_learning.basicmodulepage"
                "&token=id%3D12%3A1tXyz"
            },
            None,
        ),
        ({"HTTP_REFERER": "https://www.example.org/leeromgeving/?token=abc"}, False),
        ({"HTTP_SEC_PURPOSE": "prefetch"}, None),
        ({"HTTP_SEC_PURPOSE": "prefetch;prerender"}, None),
        ({"HTTP_PURPOSE": "prefetch"}, None),
    ],
)
def test_previews_and_prefetches_do_not_count(graphql, pages, headers, preview):
    assert visit(graphql, pages["module"], preview=preview, **headers) is False
    body = {"page": pages["module"].pk}
    if preview is not None:
        body["preview"] = preview
    assert beacon(Client(), body, **headers).status_code == 204
    assert counts() == {}


def test_a_referer_without_a_preview_token_counts(graphql, pages):
    assert (
        visit(
            graphql,
            pages["module"],
            preview=False,
            HTTP_REFERER="https://www.example.org/leeromgeving/?tokens=1&q=token",
        )
        is True
    )


# --- The beacon endpoint --------------------------------------------------------------------


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain;charset=UTF-8",
        "text/plain",
        "application/json",
        "application/json; charset=utf-8",
    ],
)
def test_the_beacon_counts_a_visit_and_answers_204(pages, content_type):
    client = Client(enforce_csrf_checks=True)
    response = beacon(client, {"page": pages["part"].pk}, content_type)
    assert response.status_code == 204 and response.content == b""
    assert counts() == {pages["part"].pk: 1}


def test_the_beacon_takes_a_page_id_as_a_string_and_a_preview_flag(pages):
    assert beacon(Client(), {"page": str(pages["module"].pk), "preview": False}).status_code == 204
    assert counts() == {pages["module"].pk: 1}


def test_the_beacon_sets_no_cookie_and_starts_no_session(pages):
    client = Client(HTTP_ORIGIN="http://frontend.test")
    response = beacon(client, {"page": pages["module"].pk})
    assert response.status_code == 204
    assert not response.cookies and "Set-Cookie" not in response
    assert Session.objects.count() == 0
    # A page that is not counted answers the same: the client cannot tell.
    assert beacon(client, {"page": 999999}).status_code == 204


def test_the_beacon_answers_cors_for_the_frontend(pages):
    response = beacon(Client(), {"page": pages["module"].pk}, HTTP_ORIGIN="http://frontend.test")
    assert response["Access-Control-Allow-Origin"] == "http://frontend.test"


MALFORMED = [
    (b"", 'The body is empty; send {"page": <page id>}.'),
    (b"page=12", 'The body is not JSON; send {"page": <page id>}.'),
    (b"\xff\xfe{", 'The body is not JSON; send {"page": <page id>}.'),
    (b"[" * 500 + b"]" * 500, 'The body must be a JSON object such as {"page": 12}.'),
    (b"[12]", 'The body must be a JSON object such as {"page": 12}.'),
    (b"12", 'The body must be a JSON object such as {"page": 12}.'),
    (b"null", 'The body must be a JSON object such as {"page": 12}.'),
    (b"{}", "'page' must be the id of a page, a positive whole number."),
    (b'{"page": null}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": "abc"}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": " 12"}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": -1}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": 0}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": 1.5}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": true}', "'page' must be the id of a page, a positive whole number."),
    (
        b'{"page": 99999999999999999999999}',
        "'page' must be the id of a page, a positive whole number.",
    ),
    (b'{"page": [12]}', "'page' must be the id of a page, a positive whole number."),
    (b'{"page": 12, "preview": "yes"}', "'preview' must be true or false."),
    (b'{"page": 12, "preview": 1}', "'preview' must be true or false."),
    (b'{"page": 12, "visitor": "x"}', "Unknown field 'visitor'; send page and optionally preview."),
]


@pytest.mark.parametrize("body, message", MALFORMED)
def test_a_malformed_beacon_is_400_with_a_message_and_counts_nothing(pages, body, message):
    response = beacon(Client(), body)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    if message:
        assert response.json() == {"message": message}
    assert counts() == {}


def test_a_large_body_is_413_and_another_type_415_and_get_405(pages):
    page = pages["module"].pk
    too_large = json.dumps({"page": page, "preview": False}) + " " * 2000
    assert beacon(Client(), too_large).status_code == 413
    response = beacon(Client(), {"page": page}, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 415
    assert response.json() == {"message": "Send the visit as text/plain or application/json."}
    response = Client().get("/api/visits/", {"page": page})
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert counts() == {}


def test_a_body_larger_than_django_reads_is_413_with_a_message_too(pages, settings):
    # Above DATA_UPLOAD_MAX_MEMORY_SIZE Django refuses to read the body; the beacon answers
    # from the declared length before it tries.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 4096
    response = beacon(Client(), b" " * 5000 + json.dumps({"page": pages["module"].pk}).encode())
    assert response.status_code == 413
    assert response.json() == {"message": "The body is larger than 1024 bytes."}
    assert counts() == {}


def test_a_visit_costs_one_sql_statement(pages, django_assert_num_queries):
    record_visit(pages["module"].pk, browser())  # reads the content types once per process
    private = factories.basic_module(pages["section"], "Besloten")
    factories.restrict(private)
    with django_assert_num_queries(1):
        assert record_visit(pages["part"].pk, browser()) is True
    with django_assert_num_queries(1):
        assert record_visit(private.pk, browser()) is False
    with django_assert_num_queries(0):
        assert record_visit(pages["part"].pk, browser(user_agent="Googlebot")) is False
    with django_assert_num_queries(0):  # this client's visit counted today already
        assert record_visit(pages["part"].pk, browser()) is False
    assert counts() == {pages["module"].pk: 1, pages["part"].pk: 1}
