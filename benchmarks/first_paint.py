"""What a learner on a slow phone connection waits for: the demo frontend's first paint.

    .venv/bin/python benchmarks/first_paint.py [repeats]

Serves the example site with its demo content as a production site serves it (DEBUG off,
static files as the settings serve them: through WhiteNoise from `collectstatic`'s
output when WhiteNoise is in MIDDLEWARE, else from the apps' folders as Django's
development server does) on a live server on loopback, and loads the start page and a
module page ``repeats`` times (default 3) in Debian's Chromium, each time in a fresh
browser context (a cold cache), on a connection of 400 kbit/s down and up with 400 ms
latency (Chromium's own network emulation through the DevTools protocol,
`Network.emulateNetworkConditions`). Prints the median of:

* requests: every request the page made until the network was quiet for a second
  (the visit beacon and media included);
* KB transferred: bytes on the wire, headers included (compressed where the server
  compressed);
* first paint: the first contentful paint (the site's header, say);
* content: when the main part of the page stopped being blank: the loading message or
  the screen, in the page and painted;
* first heading: when the screen's `<h1>` appeared.

The budget is the first heading within 2.5 s on this profile. A benchmark, not a test:
the browser tests check what the screens show; this only measures how soon.
Takes about a minute: the demo content is loaded into a throwaway SQLite database
first.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "example_project"
sys.path[:0] = [str(EXAMPLE), str(ROOT)]

WORK = Path(tempfile.mkdtemp(prefix="borg-first-paint-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "example.settings.dev"
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KBIT = 1000 / 8  # bytes per second in a kbit/s
PROFILE = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * KBIT,
    "uploadThroughput": 400 * KBIT,
}
PHONE = {"width": 390, "height": 844}

# When <main> first holds something to see (the loading message or the screen), and
# when the screen's heading appears.
MEASURE = """
window.__firstContent = null;
window.__firstHeading = null;
new MutationObserver((changes, observer) => {
  const main = document.querySelector("main");
  if (window.__firstContent === null && main?.querySelector(":scope > :not(noscript)")) {
    window.__firstContent = performance.now();
  }
  if (document.querySelector("main h1")) {
    window.__firstHeading = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def serve():
    """A live server of the example site, static files served as the settings say."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread

    whitenoise = "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    if whitenoise:
        # The frontend's files only: the admin's would take half a minute to compress.
        with override_settings(
            STATICFILES_DIRS=[EXAMPLE / "frontend" / "static"],
            STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        ):
            call_command("collectstatic", interactive=False, verbosity=0)
    server = LiveServerThread(
        "127.0.0.1", static_handler=(lambda handler: handler) if whitenoise else StaticFilesHandler
    )
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    return server, whitenoise


def load(browser, url):
    """One cold load of ``url``: (requests, bytes, first paint, content and first heading
    in ms)."""
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    page = context.new_page()
    page.add_init_script(MEASURE)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PROFILE)
    sizes = {}
    last = [time.monotonic()]

    def seen(event, size=None):
        sizes[event["requestId"]] = size if size is not None else sizes.get(event["requestId"], 0)
        last[0] = time.monotonic()

    cdp.on("Network.requestWillBeSent", seen)
    cdp.on("Network.loadingFinished", lambda event: seen(event, event["encodedDataLength"]))
    cdp.on("Network.loadingFailed", seen)
    page.goto(url, wait_until="commit")
    # Polled from here: wait_for_function would evaluate a string in the page, which
    # the frontend's Content-Security-Policy refuses.
    deadline = time.monotonic() + 60
    while page.evaluate("window.__firstHeading") is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no heading on {url} within a minute")
        page.wait_for_timeout(50)
    while time.monotonic() - last[0] < 1:  # until the network is quiet for a second
        page.wait_for_timeout(100)
    heading, content = page.evaluate("[window.__firstHeading, window.__firstContent]")
    paint = page.evaluate(
        "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"
    )
    context.close()
    # In the page is not yet on the screen: nothing is painted before the first paint.
    return len(sizes), sum(sizes.values()), paint, max(paint, content), heading


def main(repeats=3):
    from playwright.sync_api import sync_playwright

    from demo import content

    with override_settings(DEBUG=False, ALLOWED_HOSTS=["*"], STATIC_ROOT=WORK / "static"):
        call_command("migrate", interactive=False, verbosity=0)
        content.load()
        demo = content.find()
        server, whitenoise = serve()
        base = f"http://{server.host}:{server.port}"
        pages = [
            ("start page", "/"),
            ("module page", demo.basic_module.url_path[len(demo.home.url_path) - 1 :]),
        ]
        print(
            f"First paint of the demo frontend, {repeats} cold loads each (median), "
            "400 kbit/s down and up, 400 ms latency, at 390 px;"
        )
        print(
            "static files "
            + ("through WhiteNoise from collectstatic" if whitenoise else "from the app folders")
            + "\n"
        )
        print(
            f"{'page':<14}{'requests':>9}{'KB':>9}{'first paint':>14}{'content':>10}"
            f"{'first heading':>16}"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in pages:
                runs = [load(browser, base + path) for _ in range(repeats)]
                requests, size, paint, content, heading = (
                    statistics.median(values) for values in zip(*runs, strict=True)
                )
                print(
                    f"{name:<14}{requests:>9.0f}{size / 1000:>9.1f}"
                    f"{paint / 1000:>12.2f} s{content / 1000:>8.2f} s{heading / 1000:>14.2f} s"
                )
            browser.close()
        server.terminate()


if __name__ == "__main__":
    main(*(int(arg) for arg in sys.argv[1:2]))
