"""Downloads open in a new tab, so the module keeps its place and its answers; a link to
a document says what it is and how big."""

import pytest
from playwright.sync_api import expect

from .conftest import path

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def part_with(site, kind, document=True):
    for part in site.sgg_parts:
        for block in part.body:
            if block.block_type == kind and (not document or block.value.get("document")):
                return part, block.value
    raise AssertionError(f"no {kind} block in the SGG parts")


def kilobytes(document):
    return f"{max(1, round(document.get_file_size() / 1024))} kB"


def test_a_download_opens_in_a_new_tab_and_the_module_keeps_its_place(desktop, site):
    part, download = part_with(site, "download")
    page = desktop.open(path(part))
    option = page.locator(".exercise input").first
    option.check()
    link = page.get_by_role("link", name=download["title"])
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener")
    link.scroll_into_view_if_needed()
    page.wait_for_timeout(300)  # smooth scrolling
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 0

    with page.context.expect_page() as opened:
        link.click()
    opened.value.close()
    assert page.url.endswith(path(part))
    expect(option).to_be_checked()
    assert page.evaluate("window.scrollY") == scrolled


def test_a_link_to_a_document_names_its_type_and_size(phone, site):
    part, link_block = part_with(site, "link")
    document = link_block["document"]
    page = phone.open(path(part))
    card = page.locator(".card--link").filter(has_text=link_block["label"])
    expect(card.locator(".card__kind")).to_have_text("Document")
    link = card.get_by_role("link")
    expect(link).to_contain_text(f"(PDF, {kilobytes(document)})")
    expect(link).to_have_accessible_name(
        f"{link_block['label']} (PDF, {kilobytes(document)}, opent in een nieuw tabblad)"
    )
    expect(link).to_have_attribute("target", "_blank")
    expect(link).to_have_attribute("rel", "noopener")
    phone.check_accessibility()
