"""Moving to another device with a short transfer code.

``create()`` makes a code of 8 characters from an alphabet without look-alikes (no 0/O,
1/I/L), shown as ``K7QM-3XPD``: valid for 24 hours, used once, and only its keyed hash
(HMAC with ``SECRET_KEY``) is stored, since 8 characters are few enough to try them all
against a plain hash. A learner has one code at a time: a new one replaces the last.
``redeem()`` gives a fresh token of the same learner; the devices that have one keep it.
Both count against ``TRANSFER_RATE_LIMIT`` per client address.
"""

import datetime
import re
import secrets
from dataclasses import dataclass

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.learners import identity
from borg_learning.learners.models import Learner, TransferCode
from borg_learning.learners.progress import (
    Code,
    LearnerError,
    own_learner,
    rate_limit,
)
from borg_learning.throttling import keyed_digest

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
VALID_FOR = datetime.timedelta(hours=24)


def invalid() -> LearnerError:
    return LearnerError.one(
        "code",
        Code.INVALID_TRANSFER_CODE,
        "The transfer code is not valid: it is unknown, was used already or is older than 24 "
        "hours.",
    )


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """The code as the learner reads it: two groups of four."""
    return f"{code[:4]}-{code[4:]}"


def normalized(code: str) -> str:
    """What the learner typed, without spaces and hyphens, in capitals."""
    return re.sub(r"[\s-]+", "", code or "").upper()


def code_digest(code: str) -> str:
    return keyed_digest("borg_learning.learners.transfer", normalized(code))


@dataclass(frozen=True)
class Created:
    code: str
    expires_at: datetime.datetime


def throttle(request: HttpRequest) -> None:
    rate_limit(request, "learner-transfer", "TRANSFER_RATE_LIMIT", "transfer codes")


def create(request: HttpRequest, references: References | None = None) -> Created:
    """A new transfer code for the request's learner. Raises ``LearnerError``."""
    throttle(request)
    with own_learner(request, references or References.of(request)) as learner:
        now = timezone.now()
        learner.transfer_codes.all().delete()
        code = new_code()
        stored = TransferCode.objects.create(
            learner=learner, digest=code_digest(code), created_at=now, expires_at=now + VALID_FOR
        )
    return Created(shown(code), stored.expires_at)


@dataclass(frozen=True)
class Redeemed:
    learner: Learner
    token: str


def redeem(request: HttpRequest, code: str, references: References | None = None) -> Redeemed:
    """A new token of the learner the code belongs to; the code is used up. A device that
    sends the token of another anonymous learner brings its progress along (it merges, as
    on sign-in). Raises ``LearnerError``."""
    throttle(request)
    code = normalized(code)
    if len(code) != LENGTH or any(character not in ALPHABET for character in code):
        raise invalid()
    who = identity.identify(request)
    references = references or References.of(request)
    with transaction.atomic():
        found = (
            TransferCode.objects.select_for_update()
            .filter(digest=code_digest(code), expires_at__gt=timezone.now())
            .first()
        )
        if found is None:
            raise invalid()
        found.delete()
        source = who.token_learner
        if source is not None and not (source.is_anonymous and source.pk != found.learner_id):
            source = None
        # Both rows locked in the order of their ids, as a sign-in merge locks them.
        locked = {
            pk: identity.lock(pk)
            for pk in sorted({found.learner_id, *([source.pk] if source else [])})
        }
        learner = locked[found.learner_id]
        if learner is None:
            raise invalid()
        if source is not None and locked[source.pk] is not None:
            identity.merge(locked[source.pk], learner, references)
        identity.seen_today(learner)
        token = identity.issue_token(learner)
    identity.forget_identity(request)
    return Redeemed(learner, token)
