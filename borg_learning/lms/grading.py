"""Scores for the LMS: stored when a learner completes what they launched (an outbox
row), sent later by ``send_lms_scores``, never in the learner's request.

A score is the part of the module's exercises answered right (``scoreGiven`` of
``scoreMaximum``: the exercises with a right answer, judged on the learner's first
answer), or 1 of 1 for a module without them and for a route. Sending asks the
platform's token URL for an access token (OAuth2 client credentials with a JWT signed
by our key) and posts the score to the line item's ``/scores``. A failed attempt is
tried again after a wait that doubles each time; after ``LMS_SCORE_MAX_ATTEMPTS`` the
score is failed, with the error shown in the admin, until an administrator sends it again.
"""

import json
import logging
import secrets
import time
import urllib.parse

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from borg_learning.conf import learning_settings
from borg_learning.learners import rules
from borg_learning.learners.models import BlockKind, BlockProgress
from borg_learning.lms import keys
from borg_learning.lms import outbox as outbox_sending
from borg_learning.lms.http import PlatformError, request_json
from borg_learning.lms.models import Launch, Platform, Score, TargetKind
from borg_learning.lms.outbox import Outbox

logger = logging.getLogger(__name__)

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
#: Scores sent per run of ``send_due``.
BATCH = 100


def exercise_score(learner, module_id: int, page_id: int) -> tuple[int, int] | None:
    """(right, judged) of the learner's first answers to the exercises with a right answer
    of the module (``page_id == module_id``) or of one part; None when there are none."""
    answered = BlockProgress.objects.filter(
        learner=learner, module_id=module_id, kind=BlockKind.EXERCISE, completed_at__isnull=False
    )
    if page_id != module_id:
        answered = answered.filter(page_id=page_id)
    answered = list(answered.values_list("page_id", "block_id", "answer"))
    if not answered:
        return None
    pages = Page.objects.filter(pk__in={page_id for page_id, _b, _a in answered}).specific()
    blocks = {(page.pk, block.id): block for page in pages for block in rules.body_blocks(page)}
    verdicts = [
        rules.is_correct(blocks[(page_id, block_id)], answer)
        for page_id, block_id, answer in answered
        if (page_id, block_id) in blocks
    ]
    judged = [verdict for verdict in verdicts if verdict is not None]
    return (sum(judged), len(judged)) if judged else None


def record(
    learner, kind: str, target_id: int, *, module_id: int | None = None, judged=None
) -> list[Score]:
    """Store the scores of the learner's launches of this target (once per launch);
    ``judged``: its ``exercise_score``, when the caller shares it with others."""
    launches = list(
        Launch.objects.filter(link__learner=learner, target_kind=kind, target_id=target_id)
        .exclude(lineitem_url="")
        .select_related("link")
    )
    if not launches:
        return []
    if not module_id:
        judged = None
    else:
        judged = judged() if judged else exercise_score(learner, module_id, target_id)
    given, maximum = judged or (1, 1)
    now = timezone.now()
    stored = []
    with transaction.atomic():
        for launch in launches:
            payload = {
                "userId": launch.link.subject,
                "scoreGiven": given,
                "scoreMaximum": maximum,
                "activityProgress": "Completed",
                "gradingProgress": "FullyGraded",
                "timestamp": now.isoformat(),
            }
            score, created = Score.objects.get_or_create(
                launch=launch, defaults={"payload": payload}
            )
            if created:
                stored.append(score)
    return stored


def record_page(learner, page_id: int, module_id: int | None, judged=None) -> list[Score]:
    return record(learner, TargetKind.PAGE, page_id, module_id=module_id, judged=judged)


def scores_url(lineitem_url: str) -> str:
    """The line item's ``/scores`` endpoint, its query kept (LTI AGS §3.4)."""
    parts = urllib.parse.urlsplit(lineitem_url)
    return urllib.parse.urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def access_token(platform: Platform) -> str:
    """A bearer token for posting scores, kept in the cache while it is valid."""
    cache_key = f"borg_learning_lms:token:{platform.pk}"
    token = cache.get(cache_key)
    if token:
        return token
    if not platform.access_token_url:
        raise PlatformError("The platform has no access token URL: fill it in to send grades.")
    now = int(time.time())
    assertion = keys.sign(
        {
            "iss": platform.client_id,
            "sub": platform.client_id,
            "aud": platform.access_token_url,
            "iat": now,
            "exp": now + 300,
            "jti": secrets.token_urlsafe(16),
        }
    )
    form = urllib.parse.urlencode(
        {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion,
            "scope": SCORE_SCOPE,
        }
    ).encode()
    answer = request_json(
        platform.access_token_url,
        data=form,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    token = answer.get("access_token")
    if not isinstance(token, str) or not token:
        raise PlatformError(f"{platform.access_token_url} answered no access_token")
    lifetime = answer.get("expires_in") if isinstance(answer.get("expires_in"), int) else 3600
    cache.set(cache_key, token, max(lifetime - 60, 1))
    return token


def send(score: Score) -> None:
    """Post one score; raises ``PlatformError`` when the platform does not take it."""
    platform = score.launch.link.platform
    request_json(
        scores_url(score.launch.lineitem_url),
        data=json.dumps(score.payload).encode(),
        headers={"Content-Type": SCORE_TYPE, "Authorization": f"Bearer {access_token(platform)}"},
    )


def outbox() -> Outbox:
    return Outbox(
        rows=Score.objects,
        related=("launch__link__platform",),
        send=send,
        max_attempts=learning_settings.LMS_SCORE_MAX_ATTEMPTS,
        retry_seconds=learning_settings.LMS_SCORE_RETRY_SECONDS,
        what="A score for the LMS",
    )


def send_due(limit: int = BATCH) -> tuple[int, int]:
    """Send the scores that are due; (sent, failed attempts)."""
    return outbox_sending.send_due(outbox(), limit)
