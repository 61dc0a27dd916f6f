"""Visits: each learning page shown is counted once with a beacon; a preview sends
nothing, and a headless browser's visits are not counted."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from borg_learning.models import PageVisitDay
from example_tests.helpers import preview_token

from .conftest import DESKTOP, opened, path

pytestmark = pytest.mark.browser

# A desktop Chrome as learners use it; Playwright's own user agent says "HeadlessChrome".
CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
VISITS = "**/api/visits/"


@pytest.fixture
def chrome(browser, site):
    yield from opened(browser, site, DESKTOP, user_agent=CHROME)


def visits_today(page):
    row = PageVisitDay.objects.filter(page_id=page.pk, date=timezone.localdate()).first()
    return row.count if row else 0


def test_each_page_shown_counts_one_visit_and_a_preview_none(chrome, site, committed_db):
    module = site.basic_module
    sent = []
    chrome.page.on(
        "request", lambda request: "/api/visits/" in request.url and sent.append(request)
    )

    # The preview of the module's draft: no evaluation, and no beacon.
    token = preview_token(module)
    preview = chrome.open(f"/?content_type=borg_learning.basicmodulepage&token={token}")
    expect(preview.locator(".preview-banner")).to_be_visible()
    expect(preview.locator("#evaluation")).to_be_hidden()

    before = visits_today(module)
    with chrome.page.expect_response(VISITS) as answer:
        page = chrome.open(path(module))
    assert answer.value.status == 204
    assert visits_today(module) == before + 1
    # The skip link jumps within the screen: it is not shown, nor counted, again.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    with chrome.page.expect_response(VISITS):
        chrome.open("/")
    assert visits_today(module) == before + 1
    # Requests are reported in order: had the preview sent one, it would come first.
    assert [request.post_data for request in sent] == [
        f'{{"page":"{module.pk}"}}',
        f'{{"page":"{site.environment.pk}"}}',
    ]
    assert sent[0].headers["content-type"].startswith("text/plain")
    assert chrome.page.context.cookies() == []


def test_a_headless_browser_is_not_counted(desktop, site, committed_db):
    module = site.basic_module
    before = visits_today(module)
    with desktop.page.expect_response(VISITS) as answer:
        desktop.open(path(module))
    assert answer.value.status == 204
    assert visits_today(module) == before
