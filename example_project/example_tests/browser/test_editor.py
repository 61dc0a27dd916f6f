"""The editor's round trip: publish in the Wagtail admin and the frontend shows it;
save a draft and its preview shows the draft while the live page stays as it was."""

import pytest
from playwright.sync_api import expect

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def edit_title(admin, site, page, title):
    admin.goto(f"{site.url}/admin/pages/{page.pk}/edit/")
    admin.locator("#id_title").fill(title)


def publish(admin):
    admin.get_by_role("button", name="Meer acties").click()
    admin.get_by_role("button", name="Publiceren").click()
    expect(admin.locator(".messages")).to_contain_text("gepubliceerd")


def test_publish_and_preview(admin, desktop, site):
    module = site.basic_module
    original = module.title

    # Publish a new title: the frontend shows it.
    published = f"{original} (bijgewerkt)"
    edit_title(admin, site, module, published)
    publish(admin)
    page = desktop.open(path(module))
    expect(page.locator("main h1")).to_have_text(published)

    # Save a draft, then open its preview from the admin's preview panel in a new tab.
    draft = f"{original} (concept)"
    edit_title(admin, site, module, draft)
    admin.get_by_role("button", name="Bewaar concept").click()
    expect(admin.locator(".messages")).to_contain_text("is gewijzigd")
    with admin.expect_response(
        lambda response: (
            response.request.method == "POST" and response.url.endswith("/edit/preview/")
        )
    ):
        admin.get_by_role("button", name="Toon/verberg voorvertoning").click()
    with admin.context.expect_page() as opened:
        admin.locator("[data-side-panel='preview'] a[target=_blank]").click()
    preview = opened.value
    expect(preview.locator("main:not([aria-busy]) h1")).to_have_text(draft)
    expect(preview.locator(".preview-banner")).to_contain_text("Voorbeeld / concept")
    assert preview.url.startswith(f"{site.url}/?content_type=")

    # The live page still shows the published title.
    page = desktop.open(path(module))
    expect(page.locator("main h1")).to_have_text(published)

    # Put the module back for the other tests (the server's writes are committed).
    edit_title(admin, site, module, original)
    publish(admin)
