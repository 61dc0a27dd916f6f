"""Sending an outbox (the scores for the LMSs, the statements for the LRSs): the rows that
are due, one at a time, each locked while it is sent so two runs at once never send one
twice. A failed attempt waits ``retry_seconds`` and twice as long after each next one;
after ``max_attempts`` the row is failed (a dead letter) and kept, with the error, until
an administrator sends it again."""

import datetime
import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from borg_learning.lms.http import PlatformError
from borg_learning.lms.models import OutboxRow, OutboxStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outbox:
    """How one outbox sends: its rows, what one row's sending needs loaded, how a row is
    sent, and its limits."""

    #: The rows of the outbox (a manager or queryset of an ``OutboxRow`` model).
    rows: object
    related: tuple[str, ...]
    send: Callable[[OutboxRow], None]
    max_attempts: int
    retry_seconds: int
    #: What a row is, for the log: "A score for the LMS".
    what: str
    #: Where a row goes (its LMS, its LRS); with ``stops_receiver``, a failure that
    #: ``stops_receiver`` says is the receiver's, not the row's, leaves that receiver's
    #: other rows for the next run (an LRS that is down is asked once per run).
    receiver: Callable[[OutboxRow], Hashable] | None = None
    stops_receiver: Callable[[PlatformError], bool] | None = None


def failed(outbox: Outbox, row: OutboxRow, error: Exception) -> None:
    """Count a failed attempt: wait longer, or mark the row failed after the last one."""
    row.attempts += 1
    row.last_error = str(error)[:2000]
    if row.attempts >= outbox.max_attempts:
        row.status = OutboxStatus.FAILED
        logger.error("%s failed for good (%s): %s", outbox.what, row.pk, error)
    else:
        wait = outbox.retry_seconds * 2 ** (row.attempts - 1)
        row.next_attempt_at = timezone.now() + datetime.timedelta(seconds=wait)
        logger.warning(
            "%s waits for attempt %s (%s): %s", outbox.what, row.attempts + 1, row.pk, error
        )
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])


def send_due(outbox: Outbox, limit: int) -> tuple[int, int]:
    """Send the rows that are due, oldest first; (sent, failed attempts)."""
    sent = failed_attempts = 0
    stopped = set()
    due = outbox.rows.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now())
    for pk in list(due.order_by("pk").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            row = (
                # Only the row is locked, not its platform: another run sends the
                # platform's next row meanwhile.
                outbox.rows.select_for_update(skip_locked=True, of=("self",))
                .filter(pk=pk, status=OutboxStatus.PENDING)
                .select_related(*outbox.related)
                .first()
            )
            receiver = outbox.receiver(row) if row is not None and outbox.receiver else None
            if row is None or (receiver is not None and receiver in stopped):
                continue
            try:
                outbox.send(row)
            except PlatformError as error:
                failed(outbox, row, error)
                failed_attempts += 1
                if outbox.stops_receiver and outbox.stops_receiver(error):
                    stopped.add(receiver)
                continue
            row.status, row.sent_at, row.last_error = OutboxStatus.SENT, timezone.now(), ""
            row.attempts += 1
            row.save(update_fields=["status", "sent_at", "last_error", "attempts"])
            sent += 1
    return sent, failed_attempts


def send_again(queryset) -> int:
    """Failed rows (chosen in the admin) back in the queue, due now."""
    return queryset.filter(status=OutboxStatus.FAILED).update(
        status=OutboxStatus.PENDING, attempts=0, next_attempt_at=timezone.now()
    )
