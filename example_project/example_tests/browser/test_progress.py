"""A learner's progress in the demo frontend: recorded as they work, shown as done marks
and "Ga verder waar je was", kept across a reload and taken to another device with a
transfer code; exported, and forgotten for good."""

import json
import re

import pytest
from playwright.sync_api import expect

from borg_learning.learners.models import BlockProgress, Completion, Learner

from .conftest import GRAPHQL_URL, PHONE, new_screen, path
from .test_targets_and_reflow import NARROW, SIDEWAYS, SMALL_TARGETS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TOKEN_KEY = "borg-learner-token"
# The mutations that keep what a learner does: operation name, payload field.
PROGRESS_MUTATIONS = {"RecordProgress": "recordProgress", "AnswerExercise": "answerExercise"}


def progress_mutation(request):
    """The payload field of the progress mutation ``request`` sends, or None."""
    if not request.url.endswith("/graphql/"):
        return None
    sent = request.post_data or ""
    return next((field for name, field in PROGRESS_MUTATIONS.items() if name in sent), None)


# A media file played through, fast (the demo's are 18 and 54 s; the test server cannot
# seek, it serves no byte ranges).
PLAY_TO_THE_END = """async (player) => {
  player.muted = true;
  const ended = new Promise((done) => player.addEventListener("ended", done, { once: true }));
  await player.play();
  player.playbackRate = 16;
  await ended;
}"""


def do_every_block(page):
    """Work through the blocks of the module or part shown, as a learner does: read each
    text and image, play audio and video, answer each exercise, open downloads and links."""
    blocks = page.locator("main .block[data-block-id]")
    for index in range(blocks.count()):
        block = blocks.nth(index)
        kind = block.get_attribute("data-block-type")
        block.scroll_into_view_if_needed()
        if kind in ("LearningTextBlock", "LearningImageBlock"):
            # Seen once most of it is on the screen: a tall block, from its top down.
            block.evaluate("(element) => element.scrollIntoView({block: 'start'})")
            # Seen before it scrolls away, however slow the machine (a fixed wait was not).
            expect(block).to_have_attribute("data-seen", "true")
        elif kind == "LearningExerciseBlock":
            answer(block)
        elif kind in ("LearningAudioBlock", "LearningVideoBlock"):
            player = block.locator("audio, video")
            if player.count():
                player.evaluate(PLAY_TO_THE_END)
            else:
                block.get_by_role("button", name="Ik heb deze video bekeken").click()
                expect(block.get_by_text("Bekeken")).to_be_visible()
        elif kind in ("LearningDownloadBlock", "LearningLinkBlock"):
            open_link(page, block.locator("a[href]").first)


def answer(block):
    reflection = block.locator("textarea")
    if reflection.count():
        reflection.fill("Ik let op wat iemand doet, niet op wat ik ervan vind.")
        reflection.blur()
        return
    block.locator("input").first.check()
    block.get_by_role("button", name="Controleer").click()
    expect(block.locator(".exercise__result")).not_to_be_empty()


def open_link(page, link):
    """A link in a new tab (a download), one within the environment and Back again, or
    one to another website."""
    if link.get_attribute("target") == "_blank":
        with page.context.expect_page() as opened:
            link.click()
        opened.value.close()
        return
    if link.get_attribute("href").startswith("http"):
        # Another website (not reachable from the tests): opened with the middle button.
        link.dispatch_event("auxclick", {"button": 1})
        return
    here = page.url
    link.click()
    if page.url != here:
        page.go_back()
        page.wait_for_selector("main:not([aria-busy]) h1")


def refused_events(response):
    """The errors of a recordProgress or answerExercise answer."""
    field = progress_mutation(response.request)
    if field is None:
        return []
    payload = response.json()["data"][field]
    variables = response.request.post_data_json["variables"]
    return [(variables, payload["errors"])] if payload["errors"] else []


def done(locator):
    return locator.locator(".done-mark", has_text="Afgerond")


def test_a_learner_completes_modules_resumes_moves_device_exports_and_is_forgotten(browser, site):
    first = new_screen(browser, site, PHONE, accept_downloads=True)
    page = first.page
    # Other tests' learners stay on PostgreSQL (the live server commits).
    others = set(Learner.objects.values_list("pk", flat=True))
    refused = []
    page.on("response", lambda response: refused.extend(refused_events(response)))

    # A basic module, block by block: done, and said so.
    first.open(path(site.basic_module))
    do_every_block(page)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    learner = Learner.objects.exclude(pk__in=others).get()
    assert Completion.objects.filter(learner=learner, page_id=site.basic_module.pk).exists()
    screenshot(page, "basic-module-done")

    # The specialist module's first part: "Onderdeel 1 van 3", then the start page offers
    # to go on there.
    parts = site.sgg_parts
    first.open(path(parts[0]))
    expect(page.locator(".module__position")).to_have_text(f"Onderdeel 1 van {len(parts)}")
    do_every_block(page)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    first.open("/")
    resume = page.get_by_role("region", name="Ga verder waar je was")
    expect(resume.get_by_role("link", name=parts[0].title)).to_be_visible()
    screenshot(page, "start-resume")

    # The answers are kept: after a reload the exercises show them with their feedback.
    first.open(path(parts[0]))
    exercise = page.locator(".exercise").first
    expect(exercise.locator("input:checked, textarea:not(:empty)")).to_have_count(1)
    page.reload()
    first.ready()
    expect(exercise.locator("input:checked")).to_have_count(1)
    expect(exercise.locator(".exercise__result")).not_to_be_empty()
    screenshot(page, "part-after-reload")

    # The other parts, each by "Volgende onderdeel".
    for number, part in enumerate(parts[1:], start=2):
        page.get_by_role(
            "link", name=re.compile(f"^Volgende onderdeel {re.escape(part.title)}")
        ).click()
        expect(page.locator("main h1")).to_have_text(part.title)
        expect(page.locator(".module__position")).to_have_text(
            f"Onderdeel {number} van {len(parts)}"
        )
        do_every_block(page)
        expect(done(page.locator("main .page-done"))).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("^Volgende onderdeel"))).to_have_count(0)
    assert Completion.objects.filter(learner=learner, page_id=site.sgg.pk).exists()

    # Done marks: on the module and its parts, on the tiles of the sections.
    first.open(path(site.sgg))
    expect(done(page.locator("main header .page-done"))).to_be_visible()
    expect(done(page.locator(".tile--part"))).to_have_count(len(parts))
    screenshot(page, "specialist-module-done")
    # The evaluation is offered from the start page now that every part is done.
    page.locator("#evaluation").get_by_role("link", name="Naar de evaluatie").click()
    expect(page.locator("main h1")).to_have_text(parts[-1].title)
    heading = page.locator("#evaluation").get_by_role("heading", name=site.questionnaire.title)
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport()
    for section, module in (
        (site.specialist_section, site.sgg),
        (site.basic_section, site.basic_module),
    ):
        first.open(path(section))
        tile = page.locator(".tile", has=page.get_by_role("link", name=module.title, exact=True))
        expect(done(tile)).to_be_visible()
        expect(page.locator(".tile .done-mark")).to_have_count(1)

    # And on the overview map: the module and each of its parts.
    first.open("/themas/")
    expect(page.locator(f'.map__node.is-done[href="{path(site.sgg)}"]').first).to_be_visible()
    for part in parts:
        expect(page.locator(f'.map__node.is-done[href="{path(part)}"]').first).to_be_visible()

    # "Mijn voortgang": both modules done, and a code for another device.
    page.get_by_role("link", name="Mijn voortgang").click()
    expect(page.locator("main h1")).to_have_text("Mijn voortgang")
    done_list = page.get_by_role("region", name="Afgerond")
    expect(done_list.get_by_role("listitem")).to_have_count(2)
    page.get_by_role("button", name="Maak een code").click()
    code = page.locator(".transfer__code")
    expect(code).to_have_text(re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}$"))
    expect(page.locator(".transfer")).to_contain_text("De code werkt één keer, tot ")
    screenshot(page, "progress-code")
    # With all of it on the screen: 44 px targets, and nothing sideways at 320 px.
    assert page.evaluate(SMALL_TARGETS) == []
    page.set_viewport_size(NARROW)
    assert page.evaluate(SIDEWAYS) == []
    page.set_viewport_size(PHONE)
    first.check_accessibility()

    # A second device: the code brings the same progress.
    second = new_screen(browser, site, PHONE)
    try:
        second.open("/mijn-voortgang/")
        expect(second.page.get_by_role("region", name="Afgerond")).to_have_count(0)
        second.page.get_by_label("Code van je andere apparaat").fill(code.inner_text().lower())
        second.page.get_by_role("button", name="Gebruik code").click()
        expect(second.page.locator(".notice")).to_contain_text("Gelukt")
        expect(
            second.page.get_by_role("region", name="Afgerond").get_by_role("listitem")
        ).to_have_count(2)
        assert Learner.objects.exclude(pk__in=others).count() == 1
        second.open(path(site.basic_section))
        expect(done(second.page.locator(".tile"))).to_have_count(1)
        assert not second.errors, second.errors
    finally:
        second.page.context.close()

    # Export: a JSON file with what was done.
    with page.expect_download() as downloading:
        page.get_by_role("button", name="Download mijn gegevens").click()
    download = downloading.value
    assert download.suggested_filename == "mijn-voortgang.json"
    exported = json.loads(download.path().read_text(encoding="utf-8"))
    completed = {int(item["page"]) for item in exported["completions"]}
    assert {site.basic_module.pk, site.sgg.pk, *(part.pk for part in parts)} <= completed

    # Forget: after a confirmation, nothing of the learner is left, here or in the database.
    page.get_by_role("button", name="Vergeet mij").click()
    expect(page.get_by_role("heading", name="Weet je het zeker?")).to_be_focused()
    assert Learner.objects.filter(pk=learner.pk).exists()
    page.get_by_role("button", name="Ja, verwijder alles").click()
    expect(page.locator(".notice")).to_contain_text("verwijderd")
    assert page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')") is None
    assert not Learner.objects.exclude(pk__in=others).exists()
    assert not BlockProgress.objects.filter(learner=learner.pk).exists()
    assert not Completion.objects.filter(learner=learner.pk).exists()
    first.open(path(site.basic_section))
    expect(page.locator(".tile .done-mark")).to_have_count(0)
    page.context.close()
    assert not first.errors, first.errors
    # Every event the frontend sent on the way was one the API took.
    assert refused == []


def test_a_token_that_names_no_learner_is_forgotten_and_a_new_one_kept(desktop, site):
    others = set(Learner.objects.values_list("pk", flat=True))
    page = desktop.open("/")
    page.evaluate(f"localStorage.setItem('{TOKEN_KEY}', 'forgotten-or-made-up')")
    desktop.open(path(site.basic_section))
    expect(page.get_by_role("heading", level=2).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')") is None

    # The first thing done starts a learner, and this device keeps its token.
    desktop.open(path(site.basic_module))
    answer(page.locator(".block--LearningExerciseBlock").first)
    expect(page.locator(".exercise__result").first).not_to_be_empty()
    page.wait_for_load_state("networkidle")
    token = page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')")
    assert token and len(token) >= 40
    assert Learner.objects.exclude(pk__in=others).count() == 1
    desktop.open("/mijn-voortgang/")
    expect(page.get_by_role("region", name="Mee bezig").get_by_role("listitem")).to_have_count(1)
    screenshot(page, "progress-started")


def test_reading_goes_on_when_progress_cannot_be_recorded(phone, site):
    page = phone.page
    others = set(Learner.objects.values_list("pk", flat=True))
    refused = []

    def refuse_progress(route):
        if progress_mutation(route.request):
            refused.append(route.request)
            route.abort()
        else:
            route.continue_()

    page.route(GRAPHQL_URL, refuse_progress)
    phone.open(path(site.basic_module))
    exercise = page.locator(".block--LearningExerciseBlock").first
    exercise.locator("input").first.check()
    exercise.get_by_role("button", name="Controleer").click()
    # The exercise cannot be judged without the server, and says so; the rest reads on.
    expect(exercise.locator(".exercise__result")).to_have_text(
        "We krijgen geen verbinding met de server. Probeer het zo opnieuw."
    )
    page.wait_for_load_state("networkidle")
    assert refused
    expect(page.locator("main [role=alert]")).to_have_count(0)
    assert not Learner.objects.exclude(pk__in=others).exists()
    # The browser reports the refused requests itself; nothing else may appear.
    phone.errors = [e for e in phone.errors if "Failed to load resource" not in e]


def screenshot(page, name):
    """For a person to look at (SCREENSHOTS=dir)."""
    import os

    folder = os.environ.get("SCREENSHOTS")
    if folder:
        page.screenshot(path=f"{folder}/{name}-{page.viewport_size['width']}.png", full_page=True)
