"""GraphiQL in a real browser: it loads from the site alone (nothing from another host,
as on a machine offline), runs under a Content-Security-Policy without inline scripts,
and answers a query."""

import pytest
from playwright.sync_api import expect

from .test_content_security_policy import RECORD_VIOLATIONS, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_graphiql_runs_from_the_site_alone_under_its_policy(desktop, settings):
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "GRAPHIQL": True}
    page = desktop.page
    elsewhere = []

    def only_the_site(route):
        if route.request.url.startswith(desktop.base_url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    page.add_init_script(RECORD_VIOLATIONS)
    response = page.goto(desktop.base_url + "/graphql/")
    assert "unsafe-inline" not in response.headers["content-security-policy"]
    page.locator(".graphiql-query-editor .CodeMirror").click()
    page.keyboard.press("Control+A")
    page.keyboard.type("{ __typename")
    page.locator(".graphiql-execute-button").click()
    expect(page.locator(".result-window")).to_contain_text('"__typename": "Query"')
    assert elsewhere == []
    assert violations(page) == []
