"""A client counts once per page per day, however often it sends the visit, and only the
site's own frontends may send visits. The cache remembers a keyed hash, nothing personal."""

import datetime
import json
import zoneinfo

import pytest
from django.test import Client, RequestFactory
from django.utils import timezone

from borg_learning.analytics.visits import record_visit, seconds_left_today
from borg_learning.models.visits import PageVisitDay
from tests import factories
from tests.helpers.caches import cache_keys
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
OTHER_BROWSER = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
ADDRESS = "203.0.113.77"
RECORD = screen_query("record_visit")
REFUSED = {"message": "Visits are only counted from the site's own frontends."}


@pytest.fixture
def module(environment):
    return factories.basic_module(environment, "Grenzen stellen")


def counts():
    return dict(PageVisitDay.objects.values_list("page_id", "count"))


def beacon(page, address=ADDRESS, user_agent=BROWSER, **headers):
    return Client(REMOTE_ADDR=address).post(
        "/api/visits/",
        json.dumps({"page": page.pk}),
        content_type="text/plain;charset=UTF-8",
        HTTP_USER_AGENT=user_agent,
        **headers,
    )


def mutation(page, address=ADDRESS, **headers):
    response = Client(REMOTE_ADDR=address).post(
        "/graphql/",
        {"query": RECORD, "variables": {"page": str(page.pk)}},
        content_type="application/json",
        HTTP_USER_AGENT=BROWSER,
        **headers,
    )
    return response.json()["data"]["recordVisit"]["counted"]


def request_from(address=ADDRESS, user_agent=BROWSER, **headers):
    return RequestFactory().post(
        "/api/visits/", REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent, **headers
    )


# --- once per client, page and day ---------------------------------------------------------


def test_repeated_beacons_of_one_client_count_once(module):
    for _ in range(200):
        assert beacon(module).status_code == 204
    assert counts() == {module.pk: 1}


def test_repeated_mutations_count_once_and_say_so(module):
    assert [mutation(module) for _ in range(3)] == [True, False, False]
    assert beacon(module).status_code == 204  # the beacon and the mutation count as one
    assert counts() == {module.pk: 1}


def test_another_page_counts(environment, module):
    other = factories.basic_module(environment, "Agressie")
    part_of_nothing = factories.catalogue_page(environment)
    for page in (module, other, part_of_nothing, module, other):
        beacon(page)
    assert counts() == {module.pk: 1, other.pk: 1, part_of_nothing.pk: 1}


def test_another_day_counts(module):
    monday, tuesday = datetime.date(2026, 3, 2), datetime.date(2026, 3, 3)
    for day in (monday, monday, tuesday, tuesday):
        record_visit(module.pk, request_from(), today=day)
    assert dict(PageVisitDay.objects.values_list("date", "count")) == {monday: 1, tuesday: 1}


def test_two_clients_count_twice(module):
    for address in ("203.0.113.1", "203.0.113.2", "203.0.113.1", "203.0.113.2"):
        beacon(module, address=address)
    assert counts() == {module.pk: 2}


def test_two_browsers_behind_one_address_count_twice(module):
    for user_agent in (BROWSER, OTHER_BROWSER, BROWSER):
        beacon(module, user_agent=user_agent)
    assert counts() == {module.pk: 2}


def test_behind_a_proxy_the_configured_header_names_the_client(module, settings):
    settings.BORG_LEARNING = {"CLIENT_ADDRESS_HEADER": "X-Forwarded-For"}
    proxy = "10.0.0.1"
    beacon(module, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    # What a client writes before the proxy's address makes no new client.
    beacon(module, address=proxy, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5")
    beacon(module, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert counts() == {module.pk: 2}


def test_without_the_header_setting_the_proxy_is_one_client(module):
    for forwarded in ("203.0.113.5", "203.0.113.6"):
        beacon(module, address="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert counts() == {module.pk: 1}


def test_a_visit_that_did_not_count_is_not_remembered(environment):
    draft = factories.basic_module(environment, "Nog niet af", publish=False)
    assert record_visit(draft.pk, request_from()) is False
    assert cache_keys() == []
    draft.save_revision().publish()
    assert record_visit(draft.pk, request_from()) is True  # published later that day


def test_the_cache_holds_a_keyed_hash_not_the_address_or_the_browser(module):
    beacon(module)
    (key,) = cache_keys()
    prefix, digest = key.rsplit(":", 1)
    assert prefix.endswith("borg_learning:visit")
    assert len(digest) == 40 and all(character in "0123456789abcdef" for character in digest)
    assert ADDRESS not in key and ADDRESS.replace(".", "") not in key and "Firefox" not in key
    assert [field.name for field in PageVisitDay._meta.get_fields()] == [
        "id",
        "page",
        "date",
        "count",
    ]


AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    "now, seconds",
    [
        (datetime.datetime(2026, 3, 2, 23, 59, 30, tzinfo=AMSTERDAM), 30),
        (datetime.datetime(2026, 3, 2, 0, 0, tzinfo=AMSTERDAM), 24 * 60 * 60),
        (datetime.datetime(2026, 3, 2, 23, 59, 59, 500_000, tzinfo=AMSTERDAM), 1),
        # The night the clocks go forward has an hour less.
        (datetime.datetime(2026, 3, 29, 0, 0, tzinfo=AMSTERDAM), 23 * 60 * 60),
    ],
)
def test_a_visit_is_remembered_until_the_day_ends(now, seconds):
    assert seconds_left_today(now.astimezone(datetime.UTC)) == seconds
    assert timezone.get_current_timezone() == AMSTERDAM  # the tests' TIME_ZONE


# --- only from the site's own frontends ------------------------------------------------------


@pytest.mark.parametrize(
    "origin",
    ["https://attacker.invalid", "http://frontend.test.attacker.invalid", "null", "http://x"],
)
def test_a_beacon_from_a_foreign_origin_is_refused_and_counts_nothing(module, origin):
    response = beacon(module, HTTP_ORIGIN=origin)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert response.json() == REFUSED
    assert "Access-Control-Allow-Origin" not in response
    assert mutation(module, HTTP_ORIGIN=origin) is False
    assert counts() == {} and cache_keys() == []


def test_a_foreign_origin_is_refused_before_the_body_is_read(module):
    response = Client().post(
        "/api/visits/", b"not json", content_type="text/plain", HTTP_ORIGIN="https://x.invalid"
    )
    assert response.status_code == 403 and response.json() == REFUSED


def test_the_frontend_the_site_itself_and_no_origin_may_send_visits(environment, module):
    part = factories.catalogue_page(environment)
    assert beacon(module, HTTP_ORIGIN="http://frontend.test").status_code == 204  # CORS allows
    assert beacon(environment, HTTP_ORIGIN="http://testserver").status_code == 204  # the site
    assert beacon(part).status_code == 204  # no Origin: not a browser page elsewhere
    assert counts() == {module.pk: 1, environment.pk: 1, part.pk: 1}


def test_the_site_itself_over_https_may_send_visits(module):
    request = request_from(HTTP_ORIGIN="https://testserver", secure=True)
    assert record_visit(module.pk, request) is True
    request = request_from(HTTP_ORIGIN="http://testserver", secure=True)
    assert record_visit(module.pk, request) is False  # another scheme is another origin


def test_the_allowed_origins_follow_the_cors_settings(module, settings):
    settings.CORS_ALLOWED_ORIGINS = []
    settings.CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\w+\.example\.org$"]
    assert beacon(module, HTTP_ORIGIN="http://frontend.test").status_code == 403
    assert beacon(module, HTTP_ORIGIN="https://leren.example.org").status_code == 204
    assert beacon(module, HTTP_ORIGIN="https://leren.example.org.invalid").status_code == 403
    settings.CORS_ALLOW_ALL_ORIGINS = True
    assert beacon(module, address="203.0.113.2", HTTP_ORIGIN="https://x.invalid").status_code == 204
    assert counts() == {module.pk: 2}


def test_visit_allowed_origins_name_the_frontends_instead(module, settings):
    settings.BORG_LEARNING = {"VISIT_ALLOWED_ORIGINS": ["https://leren.example.org"]}
    assert beacon(module, HTTP_ORIGIN="http://frontend.test").status_code == 403
    assert beacon(module, HTTP_ORIGIN="https://leren.example.org").status_code == 204
    assert beacon(module, HTTP_ORIGIN="http://testserver").status_code == 204  # the site itself
    assert counts() == {module.pk: 1}
