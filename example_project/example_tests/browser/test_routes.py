"""Learning routes and certificates in the demo frontend: a learner starts a route from
the start page, marks a workplace assignment done and sees their progress; follows a route
to its end and gets its certificate on the route's screen; a module done earns a
certificate of participation from "Mijn voortgang", as a PDF that the verification page
and query confirm. The list of all routes."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from borg_learning.certificates.models import Certificate
from borg_learning.routes.models import Route, RouteEnrolment, StepDone

from .conftest import DESKTOP, path
from .test_progress import do_every_block, done, screenshot
from .test_targets_and_reflow import NARROW, SIDEWAYS, SMALL_TARGETS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ROUTE = "Inwerkroute begeleider"
ASSIGNMENT = "Loop een dienst mee met een ervaren collega"
BACK_TO_ROUTE = f"Terug naar je leerroute: {ROUTE}"


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


def test_a_learner_follows_a_route_to_the_end_and_gets_its_certificate(phone, site):
    """Every kind of step done as a learner does it: a module and two parts by working
    through them (from the route's links, and back), an offer and an assignment marked."""
    page = phone.open("/")
    page.get_by_role("region", name="Leerroutes voor jou").get_by_role("link", name=ROUTE).click()
    page.get_by_role("button", name="Start deze route").click()
    status = page.locator("#route-status")
    expect(status).to_have_text("0 van 5 stappen gedaan")
    enrolment = RouteEnrolment.objects.filter(route__slug="inwerkroute-begeleider").latest("pk")
    steps = page.locator(".route-step")

    # The module, from its step, and back to the route when it is done.
    steps.nth(0).get_by_role("link", name=site.basic_module.title).click()
    expect(page.locator("main h1")).to_have_text(site.basic_module.title)
    do_every_block(page)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    page.get_by_role("link", name=BACK_TO_ROUTE).click()
    expect(status).to_have_text("1 van 5 stappen gedaan")
    expect(steps.nth(0).locator(".done-mark")).to_have_text("Gedaan")

    # The first part, then the next one from the part's own "Volgende onderdeel".
    first, second = site.sgg_parts[:2]
    steps.nth(1).get_by_role("link", name=first.title).click()
    expect(page.locator("main h1")).to_have_text(first.title)
    do_every_block(page)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    page.get_by_role("navigation", name="Volgende onderdeel").get_by_role("link").click()
    expect(page.locator("main h1")).to_have_text(second.title)
    do_every_block(page)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    page.get_by_role("link", name=BACK_TO_ROUTE).click()
    expect(status).to_have_text("3 van 5 stappen gedaan")

    # The training, done on a day of the learner's choosing; the assignment today.
    offer = steps.nth(3)
    expect(offer).to_contain_text("Stap 4 · Training of cursus")
    yesterday = date.today() - timedelta(days=1)
    offer.get_by_label("Gedaan op").fill(yesterday.isoformat())
    offer.get_by_role("button", name="Markeer als gedaan").click()
    expect(status).to_have_text("4 van 5 stappen gedaan")
    expect(page.get_by_role("region", name="Je bewijs van deelname")).to_have_count(0)
    steps.nth(4).get_by_role("button", name="Markeer als gedaan").click()

    # Done: said where the learner is, the bar full, every step marked.
    expect(status).to_contain_text("Route afgerond op")
    expect(status).to_be_focused()
    expect(page.locator("main progress")).to_have_attribute("value", "5")
    expect(page.locator(".route-step.is-done .done-mark")).to_have_count(5)
    enrolment.refresh_from_db()
    assert enrolment.completed_at is not None
    marks = StepDone.objects.filter(learner=enrolment.learner).order_by(
        "step__sort_order", "step__pk"
    )
    assert [mark.done_on for mark in marks] == [yesterday, date.today()]
    screenshot(page, "route-completed")
    assert page.evaluate(SMALL_TARGETS) == []
    phone.check_accessibility()

    # The certificate, made on the route's screen with the learner's name.
    box = page.get_by_role("region", name="Je bewijs van deelname")
    box.get_by_label("Naam op je bewijs").fill("Sam Jansen")
    box.get_by_role("button", name="Maak bewijs van deelname").click()
    expect(box).to_contain_text("Op naam van Sam Jansen")
    expect(box.get_by_role("heading", name="Je bewijs van deelname")).to_be_focused()
    route = Route.objects.get(slug="inwerkroute-begeleider")
    certificate = Certificate.objects.get(learner=enrolment.learner)
    assert (certificate.subject_kind, certificate.subject_id) == ("ROUTE", route.pk)
    assert (certificate.title, certificate.name) == (ROUTE, "Sam Jansen")
    screenshot(page, "route-certificate")
    assert page.evaluate(SMALL_TARGETS) == []
    phone.check_accessibility()
    page.set_viewport_size(NARROW)
    assert page.evaluate(SIDEWAYS) == []
    page.set_viewport_size(DESKTOP)
    screenshot(page, "route-certificate")

    pdf = page.request.get(
        box.get_by_role("link", name=re.compile("^Download")).get_attribute("href")
    )
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
    box.get_by_role("link", name=re.compile("^Controleer dit bewijs")).click()
    expect(page.locator("h1")).to_have_text("Bewijs van deelname controleren")
    expect(page.locator(".verdict")).to_contain_text(f"Sam Jansen heeft “{ROUTE}” behaald")
    assert certificate.shown_code in page.content()

    # The start page's tile says the route is done.
    phone.open("/")
    tile = page.get_by_role("region", name="Leerroutes voor jou").get_by_role("listitem")
    expect(tile.filter(has_text=ROUTE).locator(".done-mark")).to_have_text("Afgerond")


def test_the_list_of_routes_shows_each_with_its_roles_duration_and_the_learners_status(phone, site):
    page = phone.open("/")
    page.get_by_role("region", name="Leerroutes voor jou").get_by_role(
        "link", name="Alle leerroutes"
    ).click()
    expect(page.locator("main h1")).to_have_text("Leerroutes")
    tiles = page.locator("main .route-tile")
    routes = Route.objects.filter(live=True).order_by("title")
    expect(tiles.get_by_role("heading", level=2)).to_have_text([r.title for r in routes])
    tile = tiles.filter(has=page.get_by_role("link", name=ROUTE, exact=True))
    expect(tile).to_contain_text("5 stappen · 12 uur en 12 minuten")
    expect(tile).to_contain_text("Voor: Begeleider")
    # The image is decoration: the title next to it says what the route is.
    expect(tile.locator("img")).to_have_attribute("alt", "")
    # Nothing started on this device: no status.
    expect(tiles.locator(".tile__status")).to_have_count(0)
    screenshot(page, "routes")
    assert page.evaluate(SMALL_TARGETS) == []
    phone.check_accessibility()

    # Started: the list says how far the learner is; the route's screen leads back to it.
    tile.get_by_role("link", name=ROUTE).click()
    page.get_by_role("button", name="Start deze route").click()
    expect(page.locator("#route-status")).to_have_text("0 van 5 stappen gedaan")
    page.locator(".route__kicker").get_by_role("link", name="Leerroutes").click()
    expect(page.locator("main h1")).to_have_text("Leerroutes")
    expect(tile.locator(".tile__status")).to_have_text("Gestart: 0 van 5 stappen gedaan")
    expect(tiles.locator(".tile__status")).to_have_count(1)
