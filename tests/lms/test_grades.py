"""Grades back to the LMS: completing what was launched stores a score, and
``send_lms_scores`` posts it to the platform's line item with an access token it got
with our signed assertion; a platform that refuses keeps the score waiting, then failed."""

import json
import urllib.parse

import jwt
import pytest
from django.core.management import call_command
from django.utils import timezone

from borg_learning.lms.models import Score, ScoreStatus
from tests import factories
from tests.helpers.learners import Frontend
from tests.lms.test_launch import fragment_token

pytestmark = pytest.mark.django_db

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


@pytest.fixture
def launched(lms, registered, module, send):
    """The learner's frontend after the launch, with the token from the URL's fragment."""
    token = fragment_token(lms.launch(custom={"page_id": str(module.pk)}))[1]
    return Frontend(send, token)


def complete(browser, module, *, wrong=0):
    """Read the text and answer both exercises, the first ``wrong`` of them wrongly."""
    blocks = factories.blocks_of(module)
    exercises = [block for kind, block in blocks if kind == "exercise"]
    browser.record(module, factories.block_id(module, "text"), "SEEN")
    for number, block in enumerate(exercises):
        right, other = factories.option_ids(module, block)
        payload = browser.record(
            module, block, "ANSWERED", answer=[other if number < wrong else right]
        )
    return payload


def send_scores():
    call_command("send_lms_scores", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_completing_the_launched_module_sends_the_score_to_the_lms(
    launched, module, platform, client
):
    complete(launched, module, wrong=1)

    score = Score.objects.get()
    assert score.status == ScoreStatus.PENDING
    assert platform.posted("/lineitems/") == []  # never in the learner's request

    send_scores()

    [(path, headers, body)] = platform.posted("/lineitems/")
    assert path == "/lineitems/1/lineitem/scores?type_id=7"
    assert headers["Content-Type"] == "application/vnd.ims.lis.v1.score+json"
    assert headers["Authorization"] == "Bearer platform-access-token"
    posted = json.loads(body)
    assert {key: posted[key] for key in posted if key != "timestamp"} == {
        "userId": "moodle-user-42",
        "scoreGiven": 1,
        "scoreMaximum": 2,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
    }
    assert timezone.datetime.fromisoformat(posted["timestamp"]) <= timezone.now()
    score.refresh_from_db()
    assert (score.status, score.attempts, score.last_error) == (ScoreStatus.SENT, 1, "")

    # The platform checks the token request's assertion with our published keys.
    [(_path, _headers, form)] = platform.posted("/token")
    fields = {key: values[0] for key, values in urllib.parse.parse_qs(form.decode()).items()}
    assert fields["grant_type"] == "client_credentials"
    assert fields["scope"] == SCORE_SCOPE
    assert (
        fields["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
    )
    keys = jwt.PyJWKSet.from_dict(client.get("/learning/lti/jwks.json").json())
    kid = jwt.get_unverified_header(fields["client_assertion"])["kid"]
    assertion = jwt.decode(
        fields["client_assertion"],
        keys[kid].key,
        algorithms=["RS256"],
        audience=platform.url + "/token",
    )
    assert assertion["iss"] == assertion["sub"] == platform.client_id

    send_scores()  # nothing twice
    assert len(platform.posted("/lineitems/")) == 1


def test_a_module_without_exercises_scores_one_of_one(lms, registered, environment, send, platform):
    section = factories.section(environment, title="Modules")
    reading = factories.basic_module(
        section, "Lezen", body=factories.body_blocks(1, section, kinds=("text",))
    )
    browser = Frontend(send, fragment_token(lms.launch(custom={"page_id": str(reading.pk)}))[1])

    browser.record(reading, factories.block_id(reading, "text"), "SEEN")
    send_scores()

    [(_path, _headers, body)] = platform.posted("/lineitems/")
    assert (json.loads(body)["scoreGiven"], json.loads(body)["scoreMaximum"]) == (1, 1)


def test_a_launch_without_grade_service_stores_no_score(lms, registered, module, send):
    ags = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
    token = fragment_token(
        lms.launch(
            custom={"page_id": str(module.pk)},
            claims=lambda c: {k: v for k, v in c.items() if k != ags},
        )
    )[1]

    complete(Frontend(send, token), module)

    assert Score.objects.count() == 0


def test_completing_another_module_sends_nothing(launched, environment, platform):
    section = factories.section(environment, title="Andere")
    other = factories.basic_module(
        section, "Anders", body=factories.body_blocks(1, section, kinds=("text",))
    )

    launched.record(other, factories.block_id(other, "text"), "SEEN")

    assert Score.objects.count() == 0


def test_a_refused_score_waits_longer_each_time_then_fails_and_is_kept(
    launched, module, platform, settings
):
    settings.BORG_LEARNING = {"LMS_SCORE_MAX_ATTEMPTS": 3, "LMS_SCORE_RETRY_SECONDS": 60}
    platform.score_answer = (422, b'{"error": "User not enrolled"}')
    complete(launched, module)

    send_scores()
    score = Score.objects.get()
    assert score.status == ScoreStatus.PENDING
    assert score.attempts == 1
    assert "answered HTTP 422" in score.last_error and "User not enrolled" in score.last_error
    waits = [round((score.next_attempt_at - timezone.now()).total_seconds() / 60)]

    send_scores()  # not due yet: nothing sent
    assert len(platform.posted("/lineitems/")) == 1

    for _attempt in range(2):
        Score.objects.update(next_attempt_at=timezone.now())
        send_scores()
        score.refresh_from_db()
        if score.status == ScoreStatus.PENDING:
            waits.append(round((score.next_attempt_at - timezone.now()).total_seconds() / 60))

    assert waits == [1, 2]
    assert (score.status, score.attempts) == (ScoreStatus.FAILED, 3)
    assert len(platform.posted("/lineitems/")) == 3

    # The administrator sends it once more when the LMS is fixed.
    platform.score_answer = (200, b"")
    Score.objects.update(status=ScoreStatus.PENDING)
    send_scores()
    score.refresh_from_db()
    assert score.status == ScoreStatus.SENT and score.sent_at is not None
    assert json.loads(platform.posted("/lineitems/")[-1][2])["scoreGiven"] == 2


def test_a_refused_access_token_is_stored_as_the_error(launched, module, platform):
    platform.token_answer = (401, b'{"error": "invalid_client"}')
    complete(launched, module)

    send_scores()

    score = Score.objects.get()
    assert score.status == ScoreStatus.PENDING
    assert "/token answered HTTP 401" in score.last_error
    assert platform.posted("/lineitems/") == []


def test_an_lms_that_is_down_is_tried_later(launched, module, registered):
    registered.access_token_url = "http://127.0.0.1:9/token"
    registered.save()
    complete(launched, module)

    send_scores()

    score = Score.objects.get()
    assert score.status == ScoreStatus.PENDING and "could not be reached" in score.last_error


def test_a_module_completed_before_the_launch_is_graded_on_the_launch(
    launched, lms, module, platform
):
    complete(launched, module)
    send_scores()  # the first activity's grade

    ags = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
    lms.launch(
        custom={"page_id": str(module.pk)},
        **{
            "https://purl.imsglobal.org/spec/lti/claim/resource_link": {"id": "another-activity"},
            ags: {"scope": [SCORE_SCOPE], "lineitem": platform.lineitem("2")},
        },
    )
    send_scores()

    [_first, (path, _headers, body)] = platform.posted("/lineitems/")
    assert path.startswith("/lineitems/2/")
    assert (json.loads(body)["scoreGiven"], json.loads(body)["scoreMaximum"]) == (2, 2)
