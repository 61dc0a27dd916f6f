"""The installable app offline: at 390 px a learner opens two modules, loses the
connection, reads both again from what the service worker kept (an exercise answered in
one), works through a part of the other (its audio played from the kept file), and once
back online the progress made meanwhile is stored once: sent once, completed once, paid
once."""

import re

import pytest
from playwright.sync_api import expect

from borg_learning.gamification import points
from borg_learning.gamification.models import PointsAward, Rule
from borg_learning.learners.models import BlockProgress, Completion, Learner

from .conftest import DESKTOP, PHONE, new_screen, operation, path
from .test_gamification import learner_of
from .test_progress import TOKEN_KEY, answer, do_every_block, done, screenshot

# The live server commits (committed_db): what a completion pays is paid after the commit.
pytestmark = pytest.mark.browser

PROGRESS = {"RecordProgress", "AnswerExercise"}
# What the learner reads in each module's first text block.
BASIC_TEXT = "gedrag"
PART_TEXT = "Feitelijk rapporteren"
QUEUED_ANSWER = (
    "Je bent offline. Je antwoord is bewaard op dit apparaat en wordt nagekeken zodra je weer "
    "verbinding hebt."
)


def until(page, condition, arg=None):
    """Wait until the page's async ``condition`` holds (polled in the page: the strict
    Content-Security-Policy refuses the eval that ``wait_for_function`` needs)."""
    assert page.evaluate(
        f"""async (arg) => {{
          const holds = {condition};
          for (let tries = 0; tries < 300; tries += 1) {{
            if (await holds(arg)) return true;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }}
          return false;
        }}""",
        arg,
    ), condition


def kept(page, url):
    """Wait until the service worker kept ``url`` (a media file) whole."""
    until(page, "async (url) => Boolean(await caches.match(url, { cacheName: 'borg-media' }))", url)


def part_with_audio(site):
    for part in site.sgg_parts:
        if any(block.block_type == "audio" for block in part.body):
            return part
    raise AssertionError("the demo content has no part with audio")


def test_modules_opened_online_are_read_offline_and_the_progress_is_sent_once(
    browser, site, committed_db
):
    screen = new_screen(browser, site, PHONE, service_workers="allow")
    page, context = screen.page, screen.page.context
    learners = Learner.objects.count()
    part = part_with_audio(site)
    # Progress mutations the page asked for, and those that reached the server: the page's
    # go through the worker, which sends them on or keeps them to send later.
    asked, sent = [], []

    def finished(request):
        response = request.response()
        if operation(request) not in PROGRESS or not response:
            return
        (asked if response.from_service_worker else sent).append(request)

    context.on("requestfinished", finished)

    # What the worker says it sent from its outbox, by item.
    page.add_init_script(HEAR_SENT)

    # The app installs its worker, whose scope is the whole site.
    screen.open("/")
    until(page, "async () => navigator.serviceWorker.controller !== null")
    scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
    assert scope == f"{site.url}/"

    # Two modules opened online: the basic module and a part of the specialist module with
    # audio, which the worker keeps whole.
    screen.open(path(site.basic_module))
    expect(page.locator("main h1")).to_have_text(site.basic_module.title)
    screen.open(path(part))
    expect(page.locator("main h1")).to_have_text(part.title)
    audio = page.locator("main audio").get_attribute("src")
    kept(page, audio)
    until(page, "async () => localStorage.getItem('borg-learner-token')")  # a block seen
    learner = learner_of(page)

    # Offline: said below the header, and both modules read from what was kept. What the
    # server stored of the learner's progress until then (nothing of the offline part may
    # reach it).
    context.set_offline(True)
    site.requests.wait_until_none()
    stored_before = stored_progress(learner)
    notice = page.locator("#connection")
    expect(notice).to_contain_text("Je bent offline.")
    screen.open(path(site.basic_module))
    expect(page.locator("main h1")).to_have_text(site.basic_module.title)
    expect(page.locator("main .block").first).to_contain_text(BASIC_TEXT)
    expect(notice).to_contain_text("Je bent offline.")
    # An exercise answered offline: the answer waits to be judged.
    exercise = page.locator(".exercise").first
    answer(exercise)
    expect(exercise.locator(".exercise__result")).to_have_text(QUEUED_ANSWER)
    expect(notice).to_contain_text("Je voortgang op 1 pagina is bewaard op dit apparaat")
    screen.open(path(part))
    expect(page.locator("main h1")).to_have_text(part.title)
    expect(page.locator("main .block").first).to_contain_text(PART_TEXT)

    # A page not opened before says so, and where to go.
    screen.open(path(site.catalogue))
    expect(page.locator("main h1")).to_have_text("Deze pagina is niet op dit apparaat bewaard")
    screenshot(page, "offline-not-kept")
    screen.open(path(part))

    # The audio from the kept file, also a byte range of it, as a player seeks.
    ranged = page.evaluate(
        """async (url) => {
          const response = await fetch(url, { headers: { Range: "bytes=100-199" } });
          return { status: response.status, range: response.headers.get("Content-Range"),
            length: (await response.arrayBuffer()).byteLength };
        }""",
        audio,
    )
    assert ranged["status"] == 206
    assert ranged["length"] == 100
    assert re.fullmatch(r"bytes 100-199/\d+", ranged["range"])

    # The part worked through offline, block by block: the audio plays from the kept file.
    # Nothing reaches the server; the notice says what waits.
    do_every_block(page)
    # Back from the module its link goes to, the part shows what waits: the answer chosen,
    # the video watched.
    exercise = page.locator(".exercise").first
    expect(exercise.locator("input:checked")).to_have_count(1)
    expect(exercise.locator(".exercise__result")).to_have_text(QUEUED_ANSWER)
    expect(page.locator(".block", has_text="Ik heb deze video bekeken")).to_have_count(0)
    expect(notice).to_contain_text(
        "Je voortgang op 2 pagina's is bewaard op dit apparaat en wordt verstuurd zodra je "
        "weer verbinding hebt."
    )
    site.requests.wait_until_none()
    assert stored_progress(learner) == stored_before
    assert not Completion.objects.filter(learner=learner, page_id=part.pk).exists()
    assert page.evaluate(OUTBOX_SIZE) > 1
    page.evaluate("window.scrollTo(0, 0)")
    expect(page.locator("main .block[data-block-id]").first).to_have_attribute("data-seen", "true")
    screenshot(page, "offline-progress-waiting")
    screen.check_accessibility()
    page.set_viewport_size(DESKTOP)
    screenshot(page, "offline-progress-waiting")
    page.set_viewport_size(PHONE)

    # Back online: what waited is sent, each item once (what the server got is what the
    # outbox sent and what the page asked for since), and the page says it is done.
    before, asked_before = len(sent), len(asked)
    context.set_offline(False)
    expect(done(page.locator("main .page-done"))).to_be_visible()
    expect(notice).to_have_text("Je bent weer online. Je voortgang is verstuurd.")
    expect(exercise.locator(".exercise__result")).to_have_class(re.compile(r"is-(right|wrong)"))
    page.evaluate("window.scrollTo(0, 0)")
    screenshot(page, "offline-progress-sent")
    assert page.evaluate(OUTBOX_SIZE) == 0
    replayed = page.evaluate("window.sentFromOutbox")
    assert len(replayed) == len(set(replayed)) > 1
    assert len(sent) - before == len(replayed) + len(asked) - asked_before

    # Stored once: one completion, one row per block, all done, the part's points paid
    # once, one learner. After a reload the exercise shows its answer with the verdict.
    site.requests.wait_until_none()
    assert Completion.objects.filter(learner=learner, page_id=part.pk).count() == 1
    rows = BlockProgress.objects.filter(learner=learner, page_id=part.pk)
    assert rows.count() == len({row.block_id for row in rows}) == len(list(part.body))
    assert not rows.filter(completed_at__isnull=True).exists()
    paid = PointsAward.objects.filter(
        learner=learner, rule=Rule.PART_COMPLETED, subject=points.page_subject(part.pk)
    )
    assert paid.count() == 1
    basic_exercise = next(b.id for b in site.basic_module.body if b.block_type == "exercise")
    answered = BlockProgress.objects.filter(
        learner=learner, page_id=site.basic_module.pk, block_id=basic_exercise
    )
    assert answered.get().answer
    assert Learner.objects.count() == learners + 1
    page.reload()
    screen.ready()
    expect(done(page.locator("main .page-done"))).to_be_visible()
    expect(page.locator(".exercise__result").first).to_have_class(re.compile(r"is-(right|wrong)"))
    context.close()
    assert not screen.errors, "\n".join(screen.errors)


def test_the_first_screen_of_a_first_visit_is_read_offline(browser, site, committed_db):
    """A learner who comes in by a link to a part, and goes offline on it: the worker,
    installed after the screen was shown, kept its answers and its audio."""
    screen = new_screen(browser, site, PHONE, service_workers="allow")
    page, context = screen.page, screen.page.context
    part = part_with_audio(site)

    screen.open(path(part))
    expect(page.locator("main h1")).to_have_text(part.title)
    until(page, "async () => navigator.serviceWorker.controller !== null")
    audio = page.locator("main audio").get_attribute("src")
    kept(page, audio)
    until(page, KEPT_PAGE_ANSWER)

    context.set_offline(True)
    screen.open(path(part))
    expect(page.locator("main h1")).to_have_text(part.title)
    expect(page.locator("main .block").first).to_contain_text(PART_TEXT)
    expect(page.locator("#connection")).to_contain_text("Je bent offline.")
    assert page.locator("main audio").get_attribute("src") == audio
    screenshot(page, "offline-first-screen")
    context.close()
    assert not screen.errors, "\n".join(screen.errors)


def test_progress_a_busy_server_refuses_waits_on_the_device_and_is_sent_later(
    browser, site, committed_db
):
    """A server that answers an exercise with 503 (or 429): the answer is kept like one made
    offline, and sent once the server takes it."""
    screen = new_screen(browser, site, PHONE, service_workers="allow")
    page, context = screen.page, screen.page.context
    busy = {"now": True}
    learners = Learner.objects.count()

    def refuse(route, request):
        if busy["now"] and request.method == "POST" and operation(request) in PROGRESS:
            route.fulfill(status=503, body="Even niet.")
        else:
            route.fallback()

    screen.open("/")
    until(page, "async () => navigator.serviceWorker.controller !== null")
    context.route("**/graphql/", refuse)
    screen.open(path(site.basic_module))
    exercise = page.locator(".exercise").first
    answer(exercise)
    expect(exercise.locator(".exercise__result")).to_have_text(
        "De server kan je antwoord nu niet aannemen. Het is bewaard op dit apparaat en wordt "
        "later nagekeken."
    )
    expect(page.locator("#connection")).to_contain_text(
        "Je voortgang op 1 pagina wacht nog op verbinding met de server."
    )
    assert page.evaluate(OUTBOX_SIZE) >= 1
    # Nothing stored: no learner yet, even (the first progress makes one).
    assert page.evaluate(f"localStorage.getItem('{TOKEN_KEY}')") is None
    assert Learner.objects.count() == learners

    busy["now"] = False
    screen.open(path(site.basic_module))  # a page opened sends what waits
    until(page, f"async () => ({OUTBOX_SIZE})().then((size) => size === 0)")
    site.requests.wait_until_none()
    # Opened again, the screen shows the answer the server now has. (The screen opened
    # above may have read the server's progress just before the answer reached it, and
    # the outbox just after it left: then it showed neither, on a busy machine.)
    screen.open(path(site.basic_module))
    expect(page.locator(".exercise__result").first).to_have_class(re.compile(r"is-(right|wrong)"))
    learner = learner_of(page)
    assert BlockProgress.objects.filter(learner=learner).exclude(answer=[]).count() == 1
    context.close()
    assert not screen.errors, "\n".join(screen.errors)


def test_progress_goes_online_when_the_device_cannot_keep_it(browser, site, committed_db):
    """IndexedDB refuses the worker's outbox (here: a database of another version is in its
    way): progress is sent as without a worker, and a screen does not wait for the outbox."""
    screen = new_screen(browser, site, PHONE, service_workers="allow")
    page, context = screen.page, screen.page.context
    page.add_init_script(OUTBOX_IN_THE_WAY)

    screen.open("/")
    until(page, "async () => navigator.serviceWorker.controller !== null")
    screen.open(path(site.basic_module))
    exercise = page.locator(".exercise").first
    answer(exercise)
    expect(exercise.locator(".exercise__result")).to_have_class(re.compile(r"is-(right|wrong)"))
    learner = learner_of(page)
    site.requests.wait_until_none()
    assert BlockProgress.objects.filter(learner=learner).exclude(answer=[]).count() == 1

    # Shown again: the screen puts the answer back (it asked the worker what waits first).
    screen.open(path(site.basic_module))
    expect(page.locator(".exercise__result").first).to_have_class(re.compile(r"is-(right|wrong)"))
    context.close()


# A database named as the worker's outbox, at a version it does not open.
OUTBOX_IN_THE_WAY = (
    """indexedDB.open("borg-outbox", 99).onsuccess = (event) => event.target.result.close();"""
)

# Whether the worker kept an answer of the `page` query.
KEPT_PAGE_ANSWER = """async () => {
  const cache = await caches.open("borg-answers");
  return (await cache.keys()).some((request) => request.url.includes("operationName=Page"));
}"""


def stored_progress(learner):
    """What the server stored of ``learner``'s progress: blocks (done or not), answers and
    completions."""
    blocks = BlockProgress.objects.filter(learner=learner)
    return {
        "blocks": blocks.count(),
        "done": blocks.filter(completed_at__isnull=False).count(),
        "answers": blocks.exclude(answer=[]).count(),
        "completions": Completion.objects.filter(learner=learner).count(),
    }


HEAR_SENT = """
window.sentFromOutbox = [];
navigator.serviceWorker?.addEventListener("message", (event) => {
  if (event.data?.type === "sent") window.sentFromOutbox.push(event.data.id);
});
"""

# How many progress items wait in the worker's outbox (IndexedDB).
OUTBOX_SIZE = """() => new Promise((resolve, reject) => {
  const opening = indexedDB.open("borg-outbox");
  opening.onerror = () => reject(opening.error);
  opening.onsuccess = () => {
    const counting = opening.result.transaction("items").objectStore("items").count();
    counting.onsuccess = () => { resolve(counting.result); opening.result.close(); };
    counting.onerror = () => reject(counting.error);
  };
})"""
