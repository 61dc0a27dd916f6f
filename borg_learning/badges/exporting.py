"""A learner's badge award as a signed Open Badges credential: ``export()`` is the only
way in.

Problems are the learners app's ``LearnerError`` with this module's ``Code``s (which
include the learners' codes about the learner itself): an award that is not the
request's learner's is as unknown as one that does not exist.
"""

import uuid
from enum import StrEnum

from django.http import HttpRequest

from borg_learning.api.references import References
from borg_learning.badges import credentials, signing
from borg_learning.badges.models import BadgeAward
from borg_learning.learners.progress import LearnerError, own_learner


class Code(StrEnum):
    """Why a credential was refused."""

    NO_LEARNER = "NO_LEARNER"
    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    UNKNOWN_AWARD = "UNKNOWN_AWARD"
    NO_SIGNING_KEY = "NO_SIGNING_KEY"


def award_uuid(value) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def export(request: HttpRequest, award_id, references: References | None = None) -> str:
    """The compact JWS of the request's learner's award ``award_id``. Raises
    ``LearnerError``."""
    key = signing.signing_key()
    if key is None:
        raise LearnerError.one(
            None,
            Code.NO_SIGNING_KEY,
            "This site cannot sign credentials: BORG_LEARNING['BADGE_SIGNING_KEY'] is not set.",
        )
    references = references or References.of(request)
    with own_learner(request, references) as learner:
        pk = award_uuid(award_id)
        award = (
            BadgeAward.objects.filter(learner=learner, uuid=pk)
            .select_related("badge__image")
            .first()
            if pk
            else None
        )
    if award is None:
        raise LearnerError.one(
            "award", Code.UNKNOWN_AWARD, f"The learner has no badge award with id '{award_id}'."
        )
    return credentials.signed(award, request, key)
