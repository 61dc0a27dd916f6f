"""How fast /graphql/ answers the frontend's real documents, next to wagtail-grapple and
Wagtail's API v2 on the same content, and what each saving is worth.

    .venv/bin/python benchmarks/api.py [requests per round] [rounds]
    .venv/bin/python benchmarks/api.py --gunicorn [seconds per case] [connections]

Builds the content shapes of the performance issue on a throwaway test database (SQLite
in memory unless DATABASE_URL says otherwise): a module page of 3 blocks, one of 60
blocks (text, images, documents, links, exercises, media) and a list of 100 modules with
their image. Settings: benchmarks/settings.py (the test suite's, DEBUG off, grapple told
the module pages' fields).

In-process (the default), every case is sent through the whole Django stack in these
modes, interleaved, ``rounds`` times ``requests`` (defaults 3 x 200):

* ``POST``: the frontend's own document (docs/queries/) as text, the document cache warm,
  the response cache emptied before each request (so every mode of ours but the cached
  one executes);
* ``POST, no document cache``: the same with that cache emptied before each request;
* ``GET persisted``: by its SHA-256 over GET, as the demo frontend sends it;
* ``GET persisted, cached``: the same GET sent twice, the second measured: a hit of a
  response cache in front of the resolvers, where there is one (``X-Cache: HIT``);
* ``POST, grapple's fields``: our endpoint asked only what the grapple query asks;
* ``grapple``: wagtail-grapple's endpoint (/grapple/) asked the frontend's field set as
  far as grapple can express it (its StreamField blocks, images with srcSet and rendition);
* ``API v2``: Wagtail's API v2 (ours) for the same page, or the listing of the 100;
* ``POST, cold renditions`` and ``grapple, cold renditions`` (the list of 100): the
  renditions cache emptied before each request, the renditions' rows in the database;
* ``bytes limit``: the answer's bytes from a view that does nothing else: the floor for
  any cache in front of the API.

It prints per case and mode: the SQL queries, the answer's size, how many objects only
the cyclic garbage collector frees after one request (``gc``), whether a response cache
answered (``cache``), the median and 95th percentile in milliseconds, the median as a
multiple of grapple's (``x grapple``; the cold mode against grapple cold) and of the floor.

``--gunicorn`` runs the site under gunicorn (2 sync workers, 127.0.0.1, a prepared SQLite
file or the DATABASE_URL database) and loads each case and mode for ``seconds`` (30) over
``connections`` (4) keep-alive connections, printing requests per second and the 50th
and 99th percentile. There ``POST`` and ``GET persisted`` carry an ``Authorization``
header, which the response cache neither serves nor keeps: they execute every time.

Absolute times depend on the machine: compare ratios within one run.
"""

import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
GUNICORN = "--gunicorn" in sys.argv
if GUNICORN:  # a database file and media folder the workers share
    WORKDIR = Path(tempfile.mkdtemp(prefix="borg-learning-bench-"))
    os.environ.setdefault("BENCH_SQLITE_FILE", str(WORKDIR / "bench.sqlite3"))
    os.environ.setdefault("BENCH_MEDIA_ROOT", str(WORKDIR / "media"))
    os.environ.setdefault("BENCH_ANSWERS_DIR", str(WORKDIR / "answers"))

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_databases,
    setup_test_environment,
    teardown_databases,
)

from benchmarks.urls import ANSWERS  # noqa: E402

QUERIES = ROOT / "docs" / "queries"
WIDTHS = "[400, 800, 1200]"  # the width-* renditions of IMAGE_RENDITIONS, as grapple's srcSet

# Our documents asking only what the grapple queries below ask.
OURS_GRAPPLE_FIELDS = {
    "page": """query Page($id: ID) {
  page(id: $id) {
    __typename id title url seoTitle searchDescription
    ... on LearningBasicModulePage {
      summary targetDuration estimatedDuration copyrightHolder
      themes { slug name }
      image { srcset rendition(filter: FILL_800X450) { url width height } }
      body {
        __typename
        ... on LearningTextBlock { id html }
        ... on LearningImageBlock {
          id altText caption
          image { width height srcset rendition(filter: WIDTH_800) { url width height } }
        }
        ... on LearningAudioBlock { id title transcript }
        ... on LearningVideoBlock { id title embedUrl transcript }
        ... on LearningExerciseBlock { id question }
        ... on LearningDownloadBlock { id title description document { url fileSize } }
        ... on LearningLinkBlock { id label description url }
      }
    }
  }
}""",
    "modules": """query Modules($limit: Int) {
  modules(limit: $limit) {
    items {
      __typename id title summary targetDuration estimatedDuration
      themes { slug name }
      image { srcset rendition(filter: FILL_400X300) { url width height } }
    }
  }
}""",
}
GRAPPLE_QUERIES = {
    "page": f"""query Page($id: ID) {{
  page(id: $id) {{
    __typename id title url seoTitle searchDescription
    ... on BasicModulePage {{
      summary targetDuration estimatedDurationSeconds copyrightHolder
      themes {{ slug name }}
      image {{ srcSet(sizes: {WIDTHS}) rendition(fill: "800x450") {{ url width height }} }}
      body {{
        __typename id blockType
        ... on StructBlock {{
          blocks {{
            __typename field
            ... on CharBlock {{ value }}
            ... on TextBlock {{ value }}
            ... on URLBlock {{ value }}
            ... on RichTextBlock {{ value }}
            ... on ImageChooserBlock {{
              image {{
                width height srcSet(sizes: {WIDTHS})
                rendition(width: 800) {{ url width height }}
              }}
            }}
            ... on DocumentChooserBlock {{ document {{ url fileSize }} }}
            ... on PageChooserBlock {{ page {{ id url }} }}
          }}
        }}
      }}
    }}
  }}
}}""",
    "modules": f"""query Modules($parent: ID, $limit: PositiveInt) {{
  pages(parent: $parent, limit: $limit) {{
    __typename id title
    ... on BasicModulePage {{
      summary targetDuration estimatedDurationSeconds
      themes {{ slug name }}
      image {{ srcSet(sizes: {WIDTHS}) rendition(fill: "400x300") {{ url width height }} }}
    }}
  }}
}}""",
}
MODULE_FIELDS = "summary,image,themes,audience_roles,target_duration,estimated_duration_seconds"
PAGE_FIELDS = (
    f"{MODULE_FIELDS},learning_objectives,development_group,copyright_holder,last_reviewed,body"
)


def build():
    """The shapes: {case: {"document", "variables", "grapple", "api"}}."""
    from modelsearch import signal_handlers

    from borg_learning import models
    from tests import factories

    class Unindexed:  # building pages without indexing them for search is 4x faster
        @staticmethod
        def enqueue(*args, **kwargs):
            return None

    signal_handlers.insert_or_update_object_task = Unindexed
    environment = factories.learning_environment()
    section = environment.add_child(instance=models.SectionPage(title="Modules"))
    small = factories.basic_module(
        section, "Klein", body=factories.body_blocks(3, section, ("text", "image", "video"))
    )
    large = factories.basic_module(section, "Groot", body=factories.body_blocks(60, section))
    listed = environment.add_child(instance=models.SectionPage(title="Lijst"))
    for number in range(100):
        factories.basic_module(
            listed, f"Module {number}", image=factories.image(title=f"Tegel {number}")
        )

    def page(module):
        return {
            "document": "page",
            "variables": {"id": str(module.pk)},
            "grapple": {"id": str(module.pk)},
            "api": f"/api/v2/pages/{module.pk}/?" + urlencode({"fields": PAGE_FIELDS}),
        }

    listing = urlencode(
        {
            "type": "borg_learning.BasicModulePage",
            "child_of": listed.pk,
            "fields": MODULE_FIELDS,
            "limit": 100,
        }
    )
    return {
        "3 blocks": page(small),
        "60 blocks": page(large),
        "list of 100": {
            "document": "modules",
            "variables": {"limit": 100},
            "grapple": {"parent": str(listed.pk), "limit": 100},
            "api": f"/api/v2/pages/?{listing}",
        },
    }


def clear_renditions_cache():
    from wagtail.images import get_image_model

    get_image_model().get_rendition_model().cache_backend.clear()


def requests_of(case, shape):
    """{mode: (method, path, body or None, prepare or None)}: what each mode sends, and
    what runs untimed before it."""
    from borg_learning.api.graphql import documents, response_cache
    from borg_learning.api.graphql.documents import sha256

    def uncached(*prepare):
        """Untimed before each request: the response cache emptied (the generation moved,
        as a change of content moves it), so the timed request executes, as a miss."""

        def run():
            response_cache.bump_generation()
            for step in prepare:
                step()

        return run

    name, variables = shape["document"], shape["variables"]
    text = (QUERIES / f"{name}.graphql").read_text()
    post = json.dumps({"query": text, "variables": variables})
    extensions = json.dumps({"persistedQuery": {"version": 1, "sha256Hash": sha256(text)}})
    get = "/graphql/?" + urlencode({"variables": json.dumps(variables), "extensions": extensions})
    grapple = json.dumps({"query": GRAPPLE_QUERIES[name], "variables": shape["grapple"]})
    ours_grapple = json.dumps({"query": OURS_GRAPPLE_FIELDS[name], "variables": variables})
    modes = {
        "POST": ("POST", "/graphql/", post, uncached()),
        "POST, no document cache": ("POST", "/graphql/", post, uncached(documents.cache.clear)),
        "GET persisted": ("GET", get, None, uncached()),
        "GET persisted, cached": ("GET", get, None, "repeat"),
        "POST, grapple's fields": ("POST", "/graphql/", ours_grapple, uncached()),
        "grapple": ("POST", "/grapple/", grapple, None),
        "API v2": ("GET", shape["api"], None, None),
    }
    if case == "list of 100":
        modes["POST, cold renditions"] = (
            "POST",
            "/graphql/",
            post,
            uncached(clear_renditions_cache),
        )
        modes["grapple, cold renditions"] = ("POST", "/grapple/", grapple, clear_renditions_cache)
    modes["bytes limit"] = ("GET", f"/bench/bytes/{quote(case)}/", None, None)
    return modes


def sender(client, method, path, body, prepare):
    """(prepare, send): ``prepare`` runs untimed before each timed ``send``."""
    if method == "POST":

        def send():
            return client.post(path, body, content_type="application/json")

    else:

        def send():
            return client.get(path)

    if prepare == "repeat":
        prepare = send
    return prepare or (lambda: None), send


def cache_state(response):
    return {"HIT": "hit", "MISS": "miss"}.get(response.headers.get("X-Cache", "").upper(), "-")


def garbage(prepare, send):
    """How many objects one request leaves that only the cyclic collector frees."""
    prepare()
    gc.collect()
    gc.disable()
    try:
        send()
        return gc.collect()
    finally:
        gc.enable()


def measure(cases, requests, rounds):
    client = Client()
    plans = {}
    for case, shape in cases.items():
        for mode, (method, path, body, prepare) in requests_of(case, shape).items():
            if mode == "bytes limit":
                ANSWERS[case] = plans[(case, "POST")]["content"]
            prepare, send = sender(client, method, path, body, prepare)
            prepare()
            send()  # the first answer makes the renditions; counted is a later one
            prepare()
            with CaptureQueriesContext(connection) as sql:
                response = send()
            content = response.content
            if response.status_code != 200 or (b'"errors"' in content[:100]):
                sys.exit(f"{case}, {mode}: {response.status_code} {content[:300]}")
            plans[(case, mode)] = {
                "prepare": prepare,
                "send": send,
                "sql": len(sql),
                "bytes": len(content),
                "content": content,
                "cache": cache_state(response),
                "gc": garbage(prepare, send),
            }
    times = {key: [] for key in plans}
    for _ in range(rounds):
        for key, plan in plans.items():  # interleaved: every case and mode each round
            prepare, send = plan["prepare"], plan["send"]
            for _ in range(requests):
                prepare()
                started = time.perf_counter()
                send()
                times[key].append((time.perf_counter() - started) * 1000)
    return plans, times


def grapple_mode(mode):
    return "grapple, cold renditions" if "cold renditions" in mode else "grapple"


def report(plans, times):
    print(
        f"{'case':12} {'mode':25} {'SQL':>4} {'bytes':>7} {'gc':>6} {'cache':>5} "
        f"{'median':>9} {'p95':>9} {'x grapple':>9} {'x floor':>8}"
    )
    for (case, mode), plan in plans.items():
        median = statistics.median(times[(case, mode)])
        p95 = statistics.quantiles(times[(case, mode)], n=20)[-1]
        grapple = statistics.median(times[(case, grapple_mode(mode))])
        floor = statistics.median(times[(case, "bytes limit")])
        print(
            f"{case:12} {mode:25} {plan['sql']:>4} {plan['bytes']:>7} {plan['gc']:>6} "
            f"{plan['cache']:>5} {median:>7.2f}ms {p95:>7.2f}ms "
            f"{median / grapple:>8.2f}x {median / floor:>7.1f}x"
        )


# The gunicorn mode ---------------------------------------------------------------------

GUNICORN_MODES = (
    "POST",
    "GET persisted",
    "GET persisted, cached",
    "grapple",
    "API v2",
    "bytes limit",
)
#: Modes of our endpoint that the response cache is to leave alone: sent with an
#: ``Authorization`` header, which it neither serves nor keeps (as for a signed-in user).
UNCACHED_MODES = ("POST", "GET persisted")


def load(port, method, path, body, seconds, connections, uncached=False):
    """Send the request over ``connections`` keep-alive connections for ``seconds``:
    (requests, latencies in ms, cache hits, failures)."""
    deadline = time.perf_counter() + seconds
    latencies, hits, failures = [], [0], [0]
    headers = {"Content-Type": "application/json"} if body else {}
    if uncached:
        headers["Authorization"] = "none"

    def run():
        conn = HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                conn.request(method, path, body, headers)
                response = conn.getresponse()
                response.read()
            except OSError:
                conn.close()
                failures[0] += 1
                continue
            mine.append((time.perf_counter() - started) * 1000)
            if response.status != 200:
                failures[0] += 1
            if response.getheader("X-Cache", "").upper() == "HIT":
                hits[0] += 1
        conn.close()
        latencies.extend(mine)

    threads = [threading.Thread(target=run) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, hits[0], failures[0]


WRK = "/usr/bin/wrk"

#: wrk's script: the request of a case and mode, and a JSON line of what it measured
#: (requests, seconds, p50 and p99 in ms, X-Cache hits, failures).
WRK_SCRIPT = """
wrk.method = %(method)s
wrk.body = %(body)s
wrk.headers = %(headers)s
local threads = {}
function setup(thread) table.insert(threads, thread) end
hits, failures = 0, 0
function response(status, headers, body)
  if status ~= 200 then failures = failures + 1 end
  if headers["X-Cache"] == "HIT" then hits = hits + 1 end
end
function done(summary, latency, requests)
  local h, f = 0, 0
  for _, thread in ipairs(threads) do h = h + thread:get("hits"); f = f + thread:get("failures") end
  local e = summary.errors
  io.write(string.format(
    '{"requests": %%d, "seconds": %%f, "p50": %%f, "p99": %%f, "hits": %%d, "failures": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1e3,
    latency:percentile(99) / 1e3, h, f + e.connect + e.read + e.write + e.timeout))
end
"""


def lua_string(text):
    return "[==[" + text + "]==]" if text else "nil"


def load_with_wrk(port, method, path, body, seconds, connections, uncached=False):
    """What ``load`` measures, sent by wrk (C, one thread, epoll): it costs the machine far
    less than Python threads, so the floor and a cached answer are not held down by the
    load generator itself. (requests, requests per second, p50, p99, hits, failures)."""
    headers = {"Content-Type": "application/json"} if body else {}
    if uncached:
        headers["Authorization"] = "none"
    lua_headers = (
        "{" + ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items()) + "}"
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            WRK_SCRIPT
            % {"method": lua_string(method), "body": lua_string(body), "headers": lua_headers}
        )
    try:
        output = subprocess.run(  # noqa: S603 (wrk with our own arguments)
            [
                WRK,
                "-t1",
                f"-c{connections}",
                f"-d{seconds}s",
                "-s",
                script.name,
                f"http://127.0.0.1:{port}{path}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(script.name)
    last = output.stdout.strip().splitlines()[-1:] or [""]
    if output.returncode or not last[0].startswith("{"):
        sys.exit(f"wrk failed ({output.returncode}): {output.stderr or output.stdout}")
    figures = json.loads(last[0])
    return (
        figures["requests"],
        figures["requests"] / figures["seconds"],
        figures["p50"],
        figures["p99"],
        figures["hits"],
        figures["failures"],
    )


def load_with_threads(port, method, path, body, seconds, connections, uncached=False):
    """``load`` as the same figures as ``load_with_wrk``."""
    latencies, hits, failures = load(port, method, path, body, seconds, connections, uncached)
    percentiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0] * 99
    return (
        len(latencies),
        len(latencies) / seconds,
        percentiles[49],
        percentiles[98],
        hits,
        failures,
    )


def wait_for(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped")
        try:
            conn = HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/bench/bytes/3%20blocks/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    sys.exit("gunicorn did not answer")


def serve_and_load(cases, seconds, connections):
    from django.conf import settings

    answers = Path(os.environ["BENCH_ANSWERS_DIR"])
    answers.mkdir(parents=True, exist_ok=True)
    client = Client()
    plans = {}
    for case, shape in cases.items():  # a first request of each: renditions made, bytes kept
        for mode, (method, path, body, _prepare) in requests_of(case, shape).items():
            if mode in GUNICORN_MODES and mode != "bytes limit":
                response = sender(client, method, path, body, None)[1]()
                if response.status_code != 200:
                    sys.exit(f"{case}, {mode}: {response.status_code}")
                if mode == "POST":
                    (answers / f"{case}.json").write_bytes(response.content)
            if mode in GUNICORN_MODES:
                plans[(case, mode)] = (method, path, body, mode in UNCACHED_MODES)
    connection.close()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings", "PYTHONPATH": str(ROOT)}
    if connection.vendor != "sqlite":  # the test database the workers are to use
        from urllib.parse import urlsplit, urlunsplit

        url = urlsplit(os.environ["DATABASE_URL"])
        env["DATABASE_URL"] = urlunsplit(
            url._replace(path="/" + settings.DATABASES["default"]["NAME"])
        )
    else:
        env["DATABASE_URL"] = f"sqlite:///{settings.DATABASES['default']['NAME']}"
    port = 8765
    process = subprocess.Popen(  # noqa: S603 (our own gunicorn, our own arguments)
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--workers=2",
            f"--bind=127.0.0.1:{port}",
            "--config=python:benchmarks.gunicorn_config",
            "--log-level=warning",
            "benchmarks.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_for(port, process)
        for method, path, body, uncached in plans.values():  # both workers warmed up
            load(port, method, path, body, 0.5, connections, uncached)
        generator = load_with_wrk if os.path.exists(WRK) else load_with_threads
        print(
            f"gunicorn, 2 workers, {connections} connections, {seconds} s per case and mode, "
            f"{connection.vendor}, load from "
            + ("wrk" if generator is load_with_wrk else "Python threads (no /usr/bin/wrk)")
        )
        print(
            f"{'case':12} {'mode':25} {'requests':>8} {'req/s':>8} {'p50':>9} {'p99':>9} "
            f"{'hits':>6} {'failed':>6}"
        )
        for (case, mode), (method, path, body, uncached) in plans.items():
            count, rate, p50, p99, hits, failures = generator(
                port, method, path, body, seconds, connections, uncached
            )
            print(
                f"{case:12} {mode:25} {count:>8} {rate:>8.1f} "
                f"{p50:>7.2f}ms {p99:>7.2f}ms {hits:>6} {failures:>6}"
            )
    finally:
        process.terminate()
        process.wait(timeout=30)


def main(argv):
    arguments = [int(arg) for arg in argv if not arg.startswith("--")]
    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        cases = build()
        if GUNICORN:
            seconds, connections = (arguments + [30, 4][len(arguments) :])[:2]
            serve_and_load(cases, seconds, connections)
        else:
            requests, rounds = (arguments + [200, 3][len(arguments) :])[:2]
            plans, times = measure(cases, requests, rounds)
            print(f"{rounds} rounds x {requests} requests per case and mode, {connection.vendor}")
            report(plans, times)
    finally:
        teardown_databases(databases, verbosity=0)


if __name__ == "__main__":
    main(sys.argv[1:])
