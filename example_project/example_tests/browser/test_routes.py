"""Learning routes and certificates in the demo frontend: a learner starts a route from
the start page, marks a workplace assignment done and sees their progress; a module done
earns a certificate of participation from "Mijn voortgang", as a PDF that the
verification page and query confirm."""

import re

import pytest
from playwright.sync_api import expect

from borg_learning.certificates.models import Certificate
from borg_learning.routes.models import RouteEnrolment, StepDone

from .conftest import path
from .test_progress import do_every_block, screenshot
from .test_targets_and_reflow import NARROW, SIDEWAYS, SMALL_TARGETS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROUTE = "Inwerkroute begeleider"
ASSIGNMENT = "Loop een dienst mee met een ervaren collega"


def test_a_learner_starts_a_route_marks_an_assignment_done_and_sees_progress(phone, site):
    page = phone.open("/")
    routes = page.get_by_role("region", name="Leerroutes voor jou")
    expect(routes.get_by_role("listitem")).to_have_count(2)
    expect(routes).to_contain_text("Voor: Begeleider")
    screenshot(page, "start-routes")
    routes.get_by_role("link", name=ROUTE).click()
    expect(page.locator("main h1")).to_have_text(ROUTE)
    steps = page.locator(".route-step")
    expect(steps).to_have_count(5)
    expect(steps.nth(0)).to_contain_text("Stap 1 · Module")
    expect(steps.nth(0)).to_contain_text("Binnen 7 dagen na je start")
    expect(steps.nth(0).get_by_role("link", name=site.basic_module.title)).to_have_attribute(
        "href", path(site.basic_module)
    )
    expect(page.get_by_role("button", name="Markeer als gedaan")).to_have_count(0)
    screenshot(page, "route-not-started")

    page.get_by_role("button", name="Start deze route").click()
    status = page.locator("#route-status")
    expect(status).to_have_text("0 van 5 stappen gedaan")
    expect(status).to_be_focused()
    # Once started, each deadline has its date.
    expect(steps.nth(4)).to_contain_text(re.compile(r"Binnen 14 dagen na je start: uiterlijk \d"))
    # The demo's generated history has learners on this route too: this one started last.
    learner = (
        RouteEnrolment.objects.filter(route__slug="inwerkroute-begeleider").latest("pk").learner
    )
    marks = StepDone.objects.filter(learner=learner)

    assignment = steps.filter(has_text=ASSIGNMENT)
    day = assignment.get_by_label("Gedaan op")
    # A date in the future is refused, in Dutch, and nothing is stored.
    day.fill("2999-01-01")
    day.evaluate("field => field.removeAttribute('max')")
    assignment.get_by_role("button", name="Markeer als gedaan").click()
    expect(assignment.locator(".problem")).to_have_text(re.compile("in de toekomst"))
    day.fill("2026-01-05")
    assignment.get_by_role("button", name="Markeer als gedaan").click()
    expect(status).to_have_text("1 van 5 stappen gedaan")
    expect(assignment).to_contain_text("Gedaan op 5 januari 2026")
    expect(page.locator("main progress")).to_have_attribute("value", "1")
    expect(assignment.get_by_role("button", name="Maak ongedaan")).to_be_focused()
    assert [str(mark.done_on) for mark in marks] == ["2026-01-05"]
    screenshot(page, "route-assignment-done")
    assert page.evaluate(SMALL_TARGETS) == []
    phone.check_accessibility()
    page.set_viewport_size(NARROW)
    assert page.evaluate(SIDEWAYS) == []

    # "Mijn voortgang" lists the route with its progress.
    page.get_by_role("link", name="Mijn voortgang").click()
    mine = page.get_by_role("region", name="Mijn leerroutes")
    expect(mine.get_by_role("listitem")).to_have_count(1)
    expect(mine).to_contain_text("1 van 5 stappen gedaan")
    expect(mine).to_contain_text(f"Volgende stap: {site.basic_module.title}, uiterlijk")

    # Undone again from the route's screen.
    mine.get_by_role("link", name=ROUTE).click()
    page.get_by_role("button", name="Maak ongedaan").click()
    expect(status).to_have_text("0 van 5 stappen gedaan")
    expect(page.get_by_label("Gedaan op")).to_have_count(2)
    assert not marks.all().exists()


def test_a_module_done_earns_a_certificate_to_download_and_verify(phone, site):
    page = phone.open(path(site.basic_module))
    do_every_block(page)
    expect(page.locator("main .page-done .done-mark")).to_be_visible()

    phone.open("/mijn-voortgang/")
    certificates = page.get_by_role("region", name="Bewijzen van deelname")
    form = certificates.locator("form", has_text=site.basic_module.title)
    screenshot(page, "progress-certificate-form")
    form.get_by_role("button", name="Maak bewijs van deelname").click()
    expect(form.locator(".problem")).to_have_text("Typ eerst je naam.")
    form.get_by_label("Naam op je bewijs").fill("Anna\tde Vries")
    form.get_by_role("button", name="Maak bewijs van deelname").click()
    expect(form.locator(".problem")).to_contain_text("op één regel")
    form.get_by_label("Naam op je bewijs").fill("Anna de Vries")
    form.get_by_role("button", name="Maak bewijs van deelname").click()

    item = certificates.get_by_role("listitem")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Op naam van Anna de Vries")
    expect(certificates.locator("form")).to_have_count(0)
    certificate = Certificate.objects.get(name="Anna de Vries")
    screenshot(page, "progress-certificate")
    assert page.evaluate(SMALL_TARGETS) == []
    phone.check_accessibility()

    pdf = item.get_by_role("link", name=re.compile("^Download"))
    answer = page.request.get(pdf.get_attribute("href"))
    assert answer.ok
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.body().startswith(b"%PDF")

    code = item.locator(".muted").inner_text().removeprefix("Code ")
    verified = page.request.post(
        f"{site.url}/graphql/",
        data={
            "query": "query($code: String!) { verifyCertificate(code: $code) { code name } }",
            "variables": {"code": code},
        },
    ).json()["data"]["verifyCertificate"]
    assert verified == {"code": code, "name": "Anna de Vries"}
    item.get_by_role("link", name=re.compile("^Controleer dit bewijs")).click()
    page.wait_for_load_state()
    assert certificate.shown_code in page.content()
    assert "Anna de Vries" in page.content()
