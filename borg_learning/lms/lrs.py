"""Sending the xAPI statements to the institutions' LRSs (``send_xapi_statements``).

Each statement is PUT to the LRS's ``statements`` resource under its own id
(``?statementId=``), with basic authentication and ``X-Experience-API-Version: 1.0.3``.
An LRS stores a statement once per id, so a statement sent again (a run that stopped
after the LRS took it and before the row was marked sent) makes no duplicate; an LRS
that answers 409 Conflict already has it, which counts as sent.

An LRS that cannot be reached, or answers 401, 403, 404, 429 or 5xx, is asked once per
run: its other statements wait as long as the one it failed, so an LRS that is down costs
one timeout a run, no statement is counted as tried that was not, and the statements for
the other LRSs fill the run. A statement the LRS
refuses on its own (400, 413, 422) is counted, and the others go on.
"""

import base64
import datetime
import json
import urllib.parse

from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.lms import outbox as outbox_sending
from borg_learning.lms.http import PlatformError, request_json
from borg_learning.lms.models import OutboxStatus, Platform, Statement
from borg_learning.lms.outbox import Outbox

XAPI_VERSION = "1.0.3"
#: Statements sent per run of ``send_due``.
BATCH = 500
#: Answers that say the statement itself was refused, not the LRS being unavailable.
STATEMENT_REFUSED = {400, 413, 422}


def statements_url(endpoint: str, statement_id) -> str:
    """The LRS's Statement resource for one statement (xAPI 1.0.3 §2.1)."""
    query = urllib.parse.urlencode({"statementId": str(statement_id)})
    return f"{endpoint.rstrip('/')}/statements?{query}"


def basic_auth(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode("ascii")


def send(statement: Statement) -> None:
    """PUT one statement; raises ``PlatformError`` when the LRS does not take it."""
    platform = statement.link.platform
    try:
        request_json(
            statements_url(platform.lrs_endpoint, statement.statement_id),
            data=json.dumps(statement.payload).encode(),
            headers={
                "Content-Type": "application/json",
                "X-Experience-API-Version": XAPI_VERSION,
                "Authorization": basic_auth(platform.lrs_key, platform.lrs_secret),
            },
            method="PUT",
        )
    except PlatformError as error:
        if error.status != 409:  # 409: the LRS has a statement with this id, ours
            raise


def stops_the_lrs(error: PlatformError) -> bool:
    return error.status not in STATEMENT_REFUSED


def outbox() -> Outbox:
    return Outbox(
        # A platform switched off keeps its statements waiting until it is switched on.
        rows=Statement.objects.filter(Platform.sending_statements("link__platform__")),
        related=("link__platform",),
        send=send,
        max_attempts=learning_settings.XAPI_MAX_ATTEMPTS,
        retry_seconds=learning_settings.XAPI_RETRY_SECONDS,
        what="An xAPI statement for the LRS",
        receiver="link__platform_id",
        stops_receiver=stops_the_lrs,
    )


def send_due(limit: int = BATCH) -> tuple[int, int]:
    """Send the statements that are due; (sent, failed attempts)."""
    return outbox_sending.send_due(outbox(), limit)


def forget_sent() -> int:
    """Delete the statements sent more than ``XAPI_KEEP_SENT_DAYS`` ago (the LRSs have
    them); the number deleted."""
    before = timezone.now() - datetime.timedelta(days=learning_settings.XAPI_KEEP_SENT_DAYS)
    deleted, _by_model = Statement.objects.filter(
        status=OutboxStatus.SENT, sent_at__lt=before
    ).delete()
    return deleted
