"""Packages for an LMS without LTI, run in Chromium as an LMS runs them: the package's
launcher in a frame of an "LMS" page on another origin (127.0.0.1, the site is on
localhost), which provides the LMS's side: a SCORM 1.2 runtime API that records every
call, or a cmi5 LMS and LRS on the same little server that records the statements.

SCORM: the learner opens the module from the launcher, completes it in the demo frontend
and closes its window; the launcher reports LMSInitialize → LMSSetValue(lesson_status,
completed) → LMSFinish, with the exercises' score. cmi5: a learner who completed the
module gets initialized, completed, passed and terminated statements."""

import io
import json
import re
import threading
import zipfile
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from borg_learning.content.exercises import raw_list_items
from borg_learning.learners.identity import issue_token, token_digest
from borg_learning.learners.models import (
    BlockKind,
    BlockProgress,
    Completion,
    Learner,
    LearnerToken,
)
from borg_learning.lms import grading
from borg_learning.lms.packages import exporting, validation

from .conftest import DESKTOP, new_screen
from .test_progress import do_every_block, done, screenshot

pytestmark = pytest.mark.browser

# The LMS's page: a SCORM 1.2 runtime API that records its calls, and the package's
# launcher in a frame, as an LMS's player shows a SCO.
SCORM_LMS = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>LMS</title><link rel="icon" href="data:,">
<script>
window.calls = [];
var data = {"cmi.core.lesson_status": "not attempted", "cmi.suspend_data": ""};
function call(name, args, result) { window.calls.push([name].concat(args)); return result; }
window.API = {
  LMSInitialize: function (a) { return call("LMSInitialize", [a], "true"); },
  LMSGetValue: function (key) { return call("LMSGetValue", [key], data[key] || ""); },
  LMSSetValue: function (key, value) { data[key] = value; return call("LMSSetValue", [key, value], "true"); },
  LMSCommit: function (a) { return call("LMSCommit", [a], "true"); },
  LMSFinish: function (a) { return call("LMSFinish", [a], "true"); },
  LMSGetLastError: function () { return "0"; },
  LMSGetErrorString: function () { return ""; },
  LMSGetDiagnostic: function () { return ""; }
};
</script></head>
<body><h1>LMS</h1><iframe title="Module" src="package/index.html" width="900" height="500"></iframe></body></html>
"""
ACTOR = {"objectType": "Agent", "account": {"homePage": "https://lms.example", "name": "u-42"}}
AU = "https://lms.example/au/1"
REGISTRATION = "8d5a1a64-9d0b-4ba8-a2a3-4b3ad1e2f3c4"
STATE_ID = "https://w3id.org/xapi/borg-learning/package-state"


class Lms(SimpleHTTPRequestHandler):
    """Serves the unpacked package and the LMS's page; as a cmi5 LMS, also its fetch URL
    and the few LRS resources an AU uses (state, agent profile, statements)."""

    statements: list
    states: dict

    def log_message(self, *args):
        pass

    def _json(self, status, data=None):
        body = b"" if data is None else json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _read(self):
        return json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")

    def _state_key(self):
        query = parse_qs(urlsplit(self.path).query)
        return query["stateId"][0]

    def do_GET(self):
        path = urlsplit(self.path).path
        if path == "/lrs/activities/state":
            state = self.states.get(self._state_key())
            return self._json(200, state) if state is not None else self._json(404)
        if path == "/lrs/agents/profile":
            return self._json(200, {"languagePreference": "nl-NL", "audioPreference": "on"})
        return super().do_GET()

    def do_POST(self):
        path = urlsplit(self.path).path
        if path == "/fetch":
            return self._json(200, {"auth-token": "bG1zOnNlY3JldA=="})
        if path == "/lrs/statements":
            assert self.headers["Authorization"] == "Basic bG1zOnNlY3JldA=="
            assert self.headers["X-Experience-API-Version"] == "1.0.3"
            posted = self._read()
            self.statements.extend(posted)
            return self._json(200, [statement["id"] for statement in posted])
        return self._json(404)

    def do_PUT(self):
        if urlsplit(self.path).path == "/lrs/activities/state":
            self.states[self._state_key()] = self._read()
            return self._json(204)
        return self._json(404)

    def do_OPTIONS(self):
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, PUT")
        self.send_header(
            "Access-Control-Allow-Headers", "Authorization, Content-Type, X-Experience-API-Version"
        )
        self.end_headers()


@pytest.fixture
def lms(tmp_path):
    """The LMS on 127.0.0.1: ``lms.unpack(package)``, ``lms.url``, its records."""
    handler = type("RecordingLms", (Lms,), {"statements": [], "states": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.url = f"http://127.0.0.1:{server.server_address[1]}"
    handler.unpack = lambda content: zipfile.ZipFile(io.BytesIO(content)).extractall(
        tmp_path / "package"
    )
    (tmp_path / "lms.html").write_text(SCORM_LMS)
    yield handler
    server.shutdown()
    server.server_close()


def export(site, format):
    return exporting.build(None, f"page:{site.basic_module.pk}", format, base_url=site.url).content


@pytest.mark.django_db
def test_a_scorm_package_reports_completion_to_the_lms(browser, site, lms, settings):
    # The demo frontend is served by the live server here.
    settings.BORG_LEARNING = {**settings.BORG_LEARNING, "FRONTEND_URL": site.url}
    lms.unpack(export(site, "scorm12"))
    tab = new_screen(browser, site, DESKTOP)
    page = tab.page
    page.goto(lms.url + "/lms.html")
    launcher = page.frame_locator("iframe")
    opening = launcher.get_by_role("link", name=f"“{site.basic_module.title}” openen")
    expect(opening).to_be_visible()

    with page.expect_popup() as popup:
        opening.click()
    module = popup.value
    module.wait_for_selector("main:not([aria-busy]) h1")
    do_every_block(module)
    expect(done(module.locator("main .page-done"))).to_be_visible()
    module.close()

    # Back in the LMS: the launcher asks every few seconds, or at once when asked to.
    launcher.get_by_role("button", name="Ik ben klaar: controleren").click()

    expect(launcher.locator("#status")).to_have_text(
        "Afgerond. Je leersysteem weet het nu; je kunt deze pagina sluiten."
    )
    screenshot(page, "lms-package-scorm-launcher")
    calls = page.evaluate("window.calls")
    names = [call[0] for call in calls]
    sets = {call[1]: call[2] for call in calls if call[0] == "LMSSetValue"}
    assert names[0] == "LMSInitialize"
    assert names[-1] == "LMSFinish" and names.count("LMSFinish") == 1
    completed = calls.index(["LMSSetValue", "cmi.core.lesson_status", "completed"])
    assert 0 < completed < len(calls) - 1
    # The learner the launcher started is the one who completed the module in the frontend.
    token = json.loads(sets["cmi.suspend_data"])["learner"]
    learner = LearnerToken.objects.get(digest=token_digest(token)).learner
    assert Completion.objects.filter(learner=learner, page=site.basic_module).exists()
    right, judged = grading.exercise_score(learner, site.basic_module.pk, site.basic_module.pk)
    assert sets["cmi.core.score.raw"] == str(round(100 * right / judged))
    assert (sets["cmi.core.score.min"], sets["cmi.core.score.max"]) == ("0", "100")
    assert sets["cmi.core.exit"] == ""
    assert not tab.errors, tab.errors


def test_a_cmi5_package_sends_its_statements(browser, site, lms, committed_db):
    # A learner the LMS already knows, who completed the module, every exercise right.
    learner = Learner.objects.create()
    module = site.basic_module
    for block in module.body.raw_data:
        options = (
            raw_list_items(block["value"].get("options") or [])
            if block["type"] == "exercise"
            else []
        )
        right = [option_id for option_id, option in options if option.get("correct")]
        if right:
            BlockProgress.objects.create(
                learner=learner,
                page=module,
                module=module,
                block_id=block["id"],
                kind=BlockKind.EXERCISE,
                answer=right,
                completed_at=timezone.now(),
            )
    Completion.objects.create(learner=learner, page=module, module=module)
    lms.states[STATE_ID] = {"learner": issue_token(learner)}
    lms.states["LMS.LaunchData"] = {
        "launchMode": "Normal",
        "masteryScore": 0.5,
        "moveOn": "Completed",
        "returnURL": lms.url + "/lms.html",
        "contextTemplate": {
            "contextActivities": {"grouping": [{"id": "https://lms.example/course/1"}]},
            "extensions": {"https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1"},
        },
    }
    lms.unpack(export(site, "cmi5"))
    tab = new_screen(browser, site, DESKTOP)
    query = {
        "endpoint": lms.url + "/lrs",
        "fetch": lms.url + "/fetch",
        "registration": REGISTRATION,
        "activityId": AU,
        "actor": json.dumps(ACTOR),
    }
    tab.page.goto(f"{lms.url}/package/index.html?{urlencode(query)}")

    expect(tab.page.locator("#status")).to_contain_text("Afgerond")
    expect(tab.page.get_by_role("link", name="Terug naar de cursus")).to_be_visible()
    verbs = [statement["verb"]["id"].rsplit("/", 1)[1] for statement in lms.statements]
    assert verbs == ["initialized", "completed", "passed", "terminated"]
    for statement in lms.statements:
        assert statement["actor"] == ACTOR
        assert statement["object"]["id"] == AU
        context = statement["context"]
        assert context["registration"] == REGISTRATION
        assert context["contextActivities"]["grouping"] == [{"id": "https://lms.example/course/1"}]
        assert (
            context["extensions"]["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]
            == "s-1"
        )
        categories = [activity["id"] for activity in context["contextActivities"]["category"]]
        assert "https://w3id.org/xapi/cmi5/context/categories/cmi5" in categories
    completed, passed = lms.statements[1], lms.statements[2]
    assert completed["result"]["completion"] is True
    assert "https://w3id.org/xapi/cmi5/context/categories/moveon" in [
        activity["id"] for activity in passed["context"]["contextActivities"]["category"]
    ]
    assert passed["result"]["success"] is True
    assert passed["result"]["score"]["scaled"] == 1
    assert (
        passed["context"]["extensions"][
            "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"
        ]
        == 0.5
    )
    assert lms.states[STATE_ID]["reported"] is True
    assert not tab.errors, tab.errors


@pytest.mark.django_db
def test_an_editor_exports_a_module_from_its_more_menu(admin, site):
    admin.goto(f"{site.url}/admin/pages/{site.basic_module.get_parent().pk}/")
    row = admin.get_by_role("row").filter(has_text=site.basic_module.title)
    row.get_by_role("button", name=re.compile("Meer opties")).click()
    row.get_by_role("link", name="Exporteren als LMS-pakket").click()

    expect(admin.get_by_role("heading", name="Pakket exporteren")).to_be_visible()
    expect(admin.get_by_label("Module of leerroute")).to_have_value(f"page:{site.basic_module.pk}")
    admin.get_by_label("cmi5 (voor een leersysteem met een eigen LRS)").check()
    screenshot(admin, "lms-package-export")
    with admin.expect_download() as download:
        admin.get_by_role("button", name="Pakket downloaden").click()

    assert download.value.suggested_filename.endswith("-cmi5.zip")
    content = download.value.path().read_bytes()
    assert validation.problems(content, "cmi5") == []
