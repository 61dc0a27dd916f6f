"""Sending an outbox (the scores for the LMSs, the statements for the LRSs): the rows that
are due, one at a time, each locked while it is sent so two runs at once never send one
twice. A failed attempt waits ``retry_seconds`` and twice as long after each next one;
after ``max_attempts`` the row is failed (a dead letter) and kept, with the error, until
an administrator sends it again."""

import datetime
import logging
from collections.abc import Callable
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
    #: The field that names where a row goes (its LMS, its LRS: ``link__platform_id``);
    #: with ``stops_receiver``, a failure that ``stops_receiver`` says is the receiver's,
    #: not the row's, puts that receiver's other due rows off as long as the failed one,
    #: uncounted (an LRS that is down is asked once per run, and its rows do not take
    #: the batch of the other receivers).
    receiver: str | None = None
    stops_receiver: Callable[[PlatformError], bool] | None = None


def failed(outbox: Outbox, row: OutboxRow, error: Exception) -> datetime.datetime:
    """Count a failed attempt: wait longer, or mark the row failed after the last one;
    when the next attempt would be."""
    row.attempts += 1
    row.last_error = str(error)[:2000]
    wait = outbox.retry_seconds * 2 ** (row.attempts - 1)
    next_attempt_at = timezone.now() + datetime.timedelta(seconds=wait)
    if row.attempts >= outbox.max_attempts:
        row.status = OutboxStatus.FAILED
        logger.error("%s failed for good (%s): %s", outbox.what, row.pk, error)
    else:
        row.next_attempt_at = next_attempt_at
        logger.warning(
            "%s waits for attempt %s (%s): %s", outbox.what, row.attempts + 1, row.pk, error
        )
    row.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
    return next_attempt_at


def due(outbox: Outbox):
    return outbox.rows.filter(status=OutboxStatus.PENDING, next_attempt_at__lte=timezone.now())


def send_due(outbox: Outbox, limit: int) -> tuple[int, int]:
    """Send up to ``limit`` rows that are due, oldest first; (sent, failed attempts).

    The due rows are read a page at a time, each page after the last: a receiver found
    down has its other due rows put off (one UPDATE), so they leave the next pages and
    the rows of the other receivers fill the batch."""
    sent = failed_attempts = tried = 0
    stopped = set()
    after = 0
    receiver_field = outbox.receiver or "pk"
    while tried < limit:
        page = list(
            due(outbox)
            .filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", receiver_field)[: limit - tried]
        )
        if not page:
            break
        for pk, receiver in page:
            after = pk
            if outbox.receiver and receiver in stopped:
                continue  # put off after this page was read
            tried += 1
            with transaction.atomic():
                row = (
                    # Only the row is locked, not its platform: another run sends the
                    # platform's next row meanwhile.
                    outbox.rows.select_for_update(skip_locked=True, of=("self",))
                    .filter(pk=pk, status=OutboxStatus.PENDING)
                    .select_related(*outbox.related)
                    .first()
                )
                if row is None:
                    continue
                try:
                    outbox.send(row)
                except PlatformError as error:
                    next_attempt_at = failed(outbox, row, error)
                    failed_attempts += 1
                    if outbox.receiver and outbox.stops_receiver and outbox.stops_receiver(error):
                        stopped.add(receiver)
                        due(outbox).filter(**{receiver_field: receiver}).exclude(pk=row.pk).update(
                            next_attempt_at=next_attempt_at
                        )
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
