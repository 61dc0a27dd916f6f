"""xAPI statements for the institution's LRS: what a learner who came from an LMS does is
stored as statements in an outbox (never sent in the learner's request), then sent by
``send_xapi_statements`` to the LRS, a real one here (ralph), and read back. An LRS that
is down keeps them waiting, none lost, none twice; after the last attempt they are
failed, shown in the admin and sent again from there."""

import base64
import collections
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borg_learning.lms import lrs as lrs_sending
from borg_learning.lms import recording
from borg_learning.lms.models import OutboxStatus, Platform, PlatformLearner, Score, Statement
from tests import factories
from tests.helpers.admin_forms import snippet_url
from tests.helpers.learners import Frontend
from tests.helpers.ralph import free_port
from tests.helpers.xapi import assert_valid, problems_of
from tests.lms.conftest import send_statements_to
from tests.lms.test_grades import complete
from tests.lms.test_launch import fragment_token

pytestmark = pytest.mark.django_db

ADL = "http://adlnet.gov/expapi/verbs/"


@pytest.fixture
def lrs_down():
    """An LRS address where nothing listens."""
    return f"http://127.0.0.1:{free_port()}/xAPI/"


@pytest.fixture
def launched(lms, registered, module, send, lrs_down):
    """The learner's frontend after a launch from an LMS that wants statements."""
    send_statements_to(registered, lrs_down)
    token = fragment_token(lms.launch(custom={"page_id": str(module.pk)}))[1]
    return Frontend(send, token)


def send_statements():
    call_command("send_xapi_statements", stdout=open("/dev/null", "w"))  # noqa: SIM115


def verbs():
    return [row.verb for row in Statement.objects.order_by("pk")]


def make_due():
    Statement.objects.filter(status=OutboxStatus.PENDING).update(next_attempt_at=timezone.now())


def test_what_the_learner_does_is_stored_as_valid_statements_about_the_lms_account(
    launched, module, platform
):
    complete(launched, module, wrong=1)

    assert verbs() == ["launched", "answered", "answered", "completed", "passed"]
    rows = list(Statement.objects.order_by("pk"))
    for row in rows:
        assert_valid(row.payload)
        assert row.payload["id"] == str(row.statement_id)
        assert row.status == OutboxStatus.PENDING and row.attempts == 0  # never sent in the request
        # The LMS's account of the learner: no name, no e-mail address.
        assert row.payload["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": platform.issuer, "name": "moodle-user-42"},
        }
        assert row.payload["verb"]["id"] == ADL + row.verb
    launched_, first, second, completed, passed = (row.payload for row in rows)

    module_activity = f"http://localhost/xapi/activities/pages/{module.pk}"
    assert launched_["object"] == completed["object"] == passed["object"]
    assert completed["object"] == {
        "objectType": "Activity",
        "id": module_activity,
        "definition": {
            "type": "http://adlnet.gov/expapi/activities/module",
            "name": {"nl": "Grenzen stellen"},
            "moreInfo": module.get_full_url(),
        },
    }
    assert completed["result"] == {"completion": True}
    assert passed["result"] == {
        "score": {"raw": 1, "min": 0, "max": 2, "scaled": 0.5},
        "success": True,
        "completion": True,
    }
    exercises = [block for kind, block in factories.blocks_of(module) if kind == "exercise"]
    assert first["object"]["id"] == f"{module_activity}/exercises/{exercises[0]}"
    assert first["object"]["definition"]["interactionType"] == "choice"
    assert first["object"]["definition"]["type"].endswith("/cmi.interaction")
    assert (first["result"]["success"], second["result"]["success"]) == (False, True)
    assert first["context"]["contextActivities"] == {"parent": [completed["object"]]}


def test_below_the_mastery_score_the_module_is_failed(launched, module, settings):
    settings.BORG_LEARNING = {"XAPI_MASTERY_SCORE": 0.75}

    complete(launched, module, wrong=1)

    failed = Statement.objects.get(verb="failed").payload
    assert failed["verb"]["id"] == ADL + "failed"
    assert failed["result"]["success"] is False and failed["result"]["score"]["scaled"] == 0.5


def test_a_part_is_completed_within_its_module(lms, registered, environment, send, lrs_down):
    send_statements_to(registered, lrs_down)
    section = factories.section(environment, title="Modules")
    specialist = factories.specialist_module(section, "Agressie")
    part = factories.module_part(
        specialist, "Herkennen", body=factories.body_blocks(1, section, kinds=("text",))
    )
    browser = Frontend(send, fragment_token(lms.launch(custom={"page_id": str(part.pk)}))[1])

    browser.record(part, factories.block_id(part, "text"), "SEEN")

    by_verb = {row.verb: row.payload for row in Statement.objects.order_by("pk")}
    part_completed = next(
        row.payload for row in Statement.objects.filter(verb="completed").order_by("pk")
    )
    module_activity = f"http://localhost/xapi/activities/pages/{specialist.pk}"
    assert by_verb["launched"]["object"]["id"].endswith(f"/pages/{part.pk}")
    assert part_completed["object"]["definition"]["type"].endswith("/lesson")
    assert part_completed["context"]["contextActivities"]["parent"][0]["id"] == module_activity
    for row in Statement.objects.all():
        assert_valid(row.payload)


def test_a_finished_route_is_completed(lms, registered, send, lrs_down):
    from tests.helpers.routes import RouteFrontend, steps

    send_statements_to(registered, lrs_down)
    route = factories.route([{"title": "Loop een dienst mee"}], title="Inwerkroute", slug="inwerk")
    browser = RouteFrontend(send, fragment_token(lms.launch(custom={"route": route.slug}))[1])
    browser.start(route)
    browser.mark(route, steps(route)[0])

    completed = Statement.objects.get(verb="completed").payload
    assert_valid(completed)
    assert completed["object"]["id"] == f"http://localhost/xapi/activities/routes/{route.pk}"
    assert completed["object"]["definition"]["type"] == "http://adlnet.gov/expapi/activities/course"
    assert completed["object"]["definition"]["moreInfo"] == "http://localhost/leerroutes/inwerk/"


def test_the_name_goes_along_only_when_the_lms_sent_it_and_the_site_keeps_names(
    lms, registered, module, settings, lrs_down
):
    send_statements_to(registered, lrs_down)
    sent = {"name": "Ada de Vries", "email": "ada@trajectum.nl"}

    lms.launch(custom={"page_id": str(module.pk)}, **sent)
    assert set(Statement.objects.get().payload["actor"]) == {"objectType", "account"}

    settings.BORG_LEARNING = {"LMS_STORE_NAMES": True}
    lms.launch(custom={"page_id": str(module.pk)}, **sent)
    actor = Statement.objects.order_by("pk").last().payload["actor"]
    assert actor["name"] == "Ada de Vries"
    assert "mbox" not in actor and "ada@trajectum.nl" not in str(actor)


def test_nothing_is_stored_for_an_lms_without_xapi_or_a_learner_from_no_lms(
    lms, registered, module, send, environment, django_assert_num_queries
):
    complete(
        Frontend(send, fragment_token(lms.launch(custom={"page_id": str(module.pk)}))[1]), module
    )
    complete(Frontend(send), module)  # a learner who came from no LMS

    assert Statement.objects.count() == 0
    # A learner who came from no LMS that wants statements costs one query per event.
    learner, _token = factories.learner()
    with django_assert_num_queries(1):
        recording.on_module_completed(sender=None, learner=learner, module_id=module.pk)


def test_the_answer_that_completes_a_module_costs_a_fixed_number_of_queries(
    launched, module, django_assert_num_queries
):
    """For a learner from an LMS that wants statements: the answer, its statement, the
    module's completed and passed statements, its grade (the score computed once)."""
    blocks = factories.blocks_of(module)
    first, last = [block for kind, block in blocks if kind == "exercise"]
    launched.record(module, factories.block_id(module, "text"), "SEEN")
    launched.record(module, first, "ANSWERED", answer=[factories.option_ids(module, first)[0]])

    with django_assert_num_queries(ANSWER_THAT_COMPLETES_A_MODULE):
        launched.record(module, last, "ANSWERED", answer=[factories.option_ids(module, last)[0]])

    assert verbs()[-3:] == ["answered", "completed", "passed"]


ANSWER_THAT_COMPLETES_A_MODULE = 61


def test_an_lrs_that_is_down_keeps_the_statements_waiting_longer_each_time_then_failed(
    launched, module, settings
):
    settings.BORG_LEARNING = {"XAPI_MAX_ATTEMPTS": 3, "XAPI_RETRY_SECONDS": 60}
    complete(launched, module)

    send_statements()

    rows = list(Statement.objects.order_by("pk"))
    first = rows[0]
    assert [row.status for row in rows] == [OutboxStatus.PENDING] * 5
    # The LRS is asked once a run: the others were not tried, so not counted.
    assert [row.attempts for row in rows] == [1, 0, 0, 0, 0]
    assert "could not be reached" in first.last_error
    waits = [round((first.next_attempt_at - timezone.now()).total_seconds() / 60)]

    # The others wait as long as the first, uncounted: the next run asks the LRS nothing.
    assert {row.next_attempt_at for row in rows[1:]} == {first.next_attempt_at}
    send_statements()
    assert [row.attempts for row in Statement.objects.order_by("pk")] == [1, 0, 0, 0, 0]

    for _attempt in range(2):
        Statement.objects.filter(pk=first.pk).update(next_attempt_at=timezone.now())
        send_statements()
        first.refresh_from_db()
        if first.status == OutboxStatus.PENDING:
            waits.append(round((first.next_attempt_at - timezone.now()).total_seconds() / 60))
    assert waits == [1, 2]
    assert (first.status, first.attempts) == (OutboxStatus.FAILED, 3)
    assert Statement.objects.filter(status=OutboxStatus.PENDING).count() == 4  # none lost


class FakeLrs:
    """An LRS on 127.0.0.1 that answers each PUT with the next of ``answers`` (then 204)
    and records what it got."""

    def __init__(self, *answers):
        self.answers, self.got = list(answers), []
        lrs = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                lrs.got.append((self.path, self.headers, json.loads(body)))
                self.send_response(lrs.answers.pop(0) if lrs.answers else 204)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}/xAPI/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def waiting_statements(platform_row, count):
    link = PlatformLearner.objects.create(
        platform=platform_row, subject=f"user-{platform_row.pk}", learner=factories.learner()[0]
    )
    Statement.objects.bulk_create(
        Statement(link=link, verb="launched", payload={"n": n}) for n in range(count)
    )
    return link


@pytest.mark.parametrize("down_rows", [4, 8])
def test_an_lrs_that_is_down_does_not_hold_up_the_statements_for_another(
    registered, platform, lrs_down, down_rows
):
    """The down LRS's statements come first and outnumber the batch: the other LRS still
    gets its statements in the same run, in queries that do not grow with them."""
    send_statements_to(registered, lrs_down)
    down = waiting_statements(registered, down_rows)
    other = Platform.objects.create(**platform.registration(client_id="other-client"))
    lrs = FakeLrs()
    try:
        send_statements_to(other, lrs.endpoint)
        up = waiting_statements(other, 2)
        with CaptureQueriesContext(connection) as queries:
            assert lrs_sending.send_due(limit=3) == (2, 1)
    finally:
        lrs.close()

    assert {row.status for row in up.statements.all()} == {OutboxStatus.SENT}
    assert len(lrs.got) == 2
    waiting = list(down.statements.order_by("pk"))
    assert [row.attempts for row in waiting] == [1] + [0] * (down_rows - 1)
    assert {row.next_attempt_at for row in waiting} == {waiting[0].next_attempt_at}
    # The same queries for 4 or 8 waiting for the LRS that is down: two pages read; one
    # statement tried (locked, saved, read again by Wagtail's reference index) and the
    # others put off in one UPDATE; two sent (locked, saved, read again). Counted: the
    # queries of the outbox's tables (the reference index's own depend on its caches).
    outbox_queries = [q for q in queries.captured_queries if "borg_learning_lms_" in q["sql"]]
    assert len(outbox_queries) == 2 + (3 + 1) + 2 * 3


def test_a_statement_the_lrs_refuses_waits_alone_and_one_it_already_has_counts_as_sent(
    launched, module, registered
):
    lrs = FakeLrs(400, 409)
    try:
        send_statements_to(registered, lrs.endpoint, "borg", "s3")
        complete(launched, module)

        send_statements()
    finally:
        lrs.close()

    rows = list(Statement.objects.order_by("pk"))
    assert [(row.status, row.attempts) for row in rows] == [
        (OutboxStatus.PENDING, 1),  # refused (400): this one waits, the others go on
        *[(OutboxStatus.SENT, 1)] * 4,  # the first of them answered 409: the LRS has it
    ]
    assert "answered HTTP 400" in rows[0].last_error
    path, headers, body = lrs.got[0]
    assert path == f"/xAPI/statements?statementId={rows[0].statement_id}"
    assert headers["Authorization"] == "Basic " + base64.b64encode(b"borg:s3").decode()
    assert headers["X-Experience-API-Version"] == "1.0.3"
    assert body == rows[0].payload


def test_the_administrator_sees_the_failed_statements_and_sends_them_again(
    launched, module, settings
):
    settings.BORG_LEARNING = {"XAPI_MAX_ATTEMPTS": 1}
    complete(launched, module)
    for _run in range(5):
        make_due()
        send_statements()
    assert set(Statement.objects.values_list("status", flat=True)) == {OutboxStatus.FAILED}

    editor = Client()  # the learner's browser stays the learner's
    editor.force_login(factories.superuser())
    listing = editor.get(snippet_url(Statement, "list") + "?status=failed").content.decode()
    assert "Mislukt" in listing and "could not be reached" in listing
    assert "Opnieuw verzenden" in listing  # the bulk action

    ids = list(Statement.objects.values_list("pk", flat=True)[:2])
    url = "/admin/bulk/borg_learning_lms/statement/send_again/?" + "&".join(
        f"id={pk}" for pk in ids
    )
    confirm = editor.get(url)
    assert confirm.status_code == 200 and "Ja, opnieuw verzenden" in confirm.content.decode()
    response = editor.post(url)
    assert response.status_code == 302

    again = Statement.objects.filter(pk__in=ids)
    assert {(row.status, row.attempts) for row in again} == {(OutboxStatus.PENDING, 0)}
    assert Statement.objects.filter(status=OutboxStatus.FAILED).count() == 3


def test_the_administrator_fills_in_the_lrs_in_dutch(editor, registered):
    # Not letters and digits only, so no CSRF token or other random value can contain it.
    secret = "lrs_geheim_trajectum"
    url = snippet_url(Platform, "edit", registered.pk)
    fields = {
        name: getattr(registered, name)
        for name in (
            "name", "issuer", "client_id", "deployment_ids", "keyset_url", "auth_login_url",
            "access_token_url",
        )
    }  # fmt: skip
    form = editor.get(url).content.decode()
    assert "Statements versturen (xAPI)" in form and "LRS-endpoint" in form

    refused = editor.post(url, {**fields, "active": "on", "xapi_enabled": "on"})
    assert refused.status_code == 200
    assert "Vul dit in om xAPI-statements te versturen." in refused.content.decode()
    registered.refresh_from_db()
    assert not registered.xapi_enabled

    lrs = {"lrs_endpoint": "https://lrs.trajectum.nl/xAPI/", "lrs_key": "borg"}
    editor.post(url, {**fields, **lrs, "active": "on", "xapi_enabled": "on", "lrs_secret": secret})
    form = editor.get(url).content.decode()
    assert secret not in form  # the secret is not shown again
    editor.post(url, {**fields, **lrs, "active": "on", "xapi_enabled": "on", "lrs_secret": ""})
    registered.refresh_from_db()
    assert (registered.xapi_enabled, registered.lrs_key, registered.lrs_secret) == (
        True,
        "borg",
        secret,
    )


def test_the_checker_refuses_what_an_lrs_would():
    good = {
        "id": str(uuid.uuid4()),
        "actor": {"account": {"homePage": "https://lms.example", "name": "7"}},
        "verb": {"id": ADL + "completed", "display": {"en-US": "completed"}},
        "object": {"id": "https://leren.example/xapi/activities/pages/3"},
        "timestamp": "2026-12-01T10:00:00.000Z",
    }
    assert problems_of(good) == []
    bad = [
        {**good, "id": "not-a-uuid"},
        {**good, "actor": {"name": "Ada"}},
        {**good, "actor": {**good["actor"], "mbox": "mailto:a@b.nl"}},
        {**good, "verb": {"id": "completed"}},
        {**good, "object": {"id": "pages 3"}},
        {**good, "result": {"score": {"scaled": 1.5}}},
        {**good, "result": {"score": {"raw": 3, "min": 0, "max": 2}}},
        {**good, "context": {"contextActivities": {"parent": [{"id": "no iri"}]}}},
        {**good, "timestamp": "1 december"},
        {**good, "extra": True},
    ]
    assert all(problems_of(statement) for statement in bad)


# With a real LRS: ralph, started once per session (scripts/with-ralph provides it).


@pytest.fixture
def to_ralph(launched, registered, ralph):
    send_statements_to(registered, ralph.endpoint, ralph.key, ralph.secret)
    return launched


def test_completing_the_module_sends_a_completed_statement_to_the_lrs(to_ralph, module, ralph):
    complete(to_ralph, module)

    send_statements()

    completed = Statement.objects.get(verb="completed")
    assert Statement.objects.filter(status=OutboxStatus.SENT).count() == 5
    stored = ralph.statement(completed.statement_id)
    assert stored["verb"]["id"] == ADL + "completed"
    assert stored["actor"] == completed.payload["actor"]
    assert stored["object"]["id"] == f"http://localhost/xapi/activities/pages/{module.pk}"
    ours = {str(row.statement_id) for row in Statement.objects.all()}
    assert ours <= {statement["id"] for statement in ralph.statements()}


def test_an_lrs_that_comes_back_gets_the_waiting_statements_exactly_once(to_ralph, module, ralph):
    complete(to_ralph, module)
    ours = {str(row.statement_id) for row in Statement.objects.all()}

    with ralph.down():
        send_statements()
        assert Statement.objects.filter(status=OutboxStatus.PENDING).count() == 5
        assert "could not be reached" in Statement.objects.order_by("pk").first().last_error

    make_due()
    send_statements()
    assert Statement.objects.filter(status=OutboxStatus.SENT).count() == 5
    # A run that stopped after the LRS took them, before they were marked sent: sent again.
    Statement.objects.update(status=OutboxStatus.PENDING)
    send_statements()
    assert Statement.objects.filter(status=OutboxStatus.SENT).count() == 5

    counted = collections.Counter(
        statement["id"] for statement in ralph.statements() if statement["id"] in ours
    )
    assert counted == dict.fromkeys(ours, 1)


@pytest.mark.parametrize("model", [Statement, Score])
def test_a_statement_or_score_cannot_be_added_by_hand(editor, model):
    listing = editor.get(snippet_url(model, "list")).content.decode()
    response = editor.post(snippet_url(model, "add"), {"status": "pending"})

    assert snippet_url(model, "add") not in listing  # no "Add" button, even for a superuser
    assert response.status_code in (302, 403)
    assert model.objects.count() == 0


def test_a_learner_from_an_lms_who_signs_in_keeps_the_link_and_the_waiting_statements(
    launched, module, client
):
    from borg_learning.learners.models import Learner

    complete(launched, module)
    anonymous = PlatformLearner.objects.get().learner
    waiting = set(Statement.objects.values_list("pk", flat=True))
    user = factories.user("ada")

    client.force_login(user)  # the learner's browser, which keeps the token it was given
    me = launched.me()  # the first request with both the session and the token: merged

    assert me["signedIn"] is True and me["tokenRetired"] is True
    assert not Learner.objects.filter(pk=anonymous.pk).exists()
    link = PlatformLearner.objects.get()
    assert link.learner == Learner.objects.get(user=user)
    assert set(link.statements.values_list("pk", flat=True)) == waiting
    assert link.statements.filter(status=OutboxStatus.PENDING).count() == 5
