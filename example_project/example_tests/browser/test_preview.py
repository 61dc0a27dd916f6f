"""The admin's "Preview" shows a draft in the frontend; learners keep seeing what is live."""

import re

import pytest
from playwright.sync_api import expect

from example_tests.helpers import preview_token

pytestmark = pytest.mark.browser


def test_a_preview_of_the_start_page_shows_its_draft(desktop, site, committed_db):
    environment = type(site.environment).objects.get(pk=site.environment.pk)
    environment.title = "Leeromgeving (concept)"
    environment.save_revision()

    token = preview_token(environment)
    page = desktop.open(f"/?content_type=borg_learning.learningenvironmentpage&token={token}")
    expect(page.locator(".preview-banner")).to_be_visible()
    expect(page).to_have_title(re.compile(r"Leeromgeving \(concept\)"))
    expect(page.locator(".start-buttons li")).to_have_count(environment.buttons.count())

    page = desktop.open("/")
    expect(page).to_have_title(f"{site.environment.title} | Leeromgeving De Borg")
