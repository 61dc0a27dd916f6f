"""Joining the leaderboards, drawing another pseudonym, moving to another organisation's
board and leaving.

Each runs with the learner's row locked, so a learner has one membership however many
requests come at once; a pseudonym is stored in a savepoint and drawn again when another
learner took it meanwhile. A refusal stores nothing.
"""

from enum import StrEnum

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.leaderboards import pseudonyms
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from borg_learning.learners import progress
from borg_learning.learners.progress import LearnerError

#: Tries to store a drawn pseudonym before giving up (each after another learner took it).
STORE_ATTEMPTS = 5


class Code(StrEnum):
    """Why a leaderboard change was refused; stable values."""

    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_LEARNER = "NO_LEARNER"
    UNKNOWN_ORGANISATION = "UNKNOWN_ORGANISATION"
    ALREADY_JOINED = "ALREADY_JOINED"
    NOT_JOINED = "NOT_JOINED"
    TOO_MANY_PSEUDONYMS = "TOO_MANY_PSEUDONYMS"


def organisation_named(slug: str | None) -> Organisation | None:
    """The organisation of ``slug``; None for none (the overall board only)."""
    if slug is None:
        return None
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise LearnerError.one(
            "organisation",
            Code.UNKNOWN_ORGANISATION,
            f"No organisation has the slug {slug!r}; see leaderboardOrganisations, or send "
            "null for the overall board only.",
        )
    return organisation


def not_joined() -> LearnerError:
    return LearnerError.one(None, Code.NOT_JOINED, "The learner has not joined the leaderboards.")


def membership_of(learner) -> LeaderboardMembership:
    membership = LeaderboardMembership.objects.filter(learner=learner).first()
    if membership is None:
        raise not_joined()
    return membership


def free_pseudonym(exclude: str | None = None) -> str:
    """A pseudonym of the lists nobody has (one query), with a number as the last resort."""
    drawn = [name for name in pseudonyms.candidates(pseudonyms.ATTEMPTS) if name != exclude]
    taken = set(
        LeaderboardMembership.objects.filter(pseudonym__in=drawn).values_list(
            "pseudonym", flat=True
        )
    )
    free = [name for name in drawn if name not in taken]
    return free[0] if free else pseudonyms.with_number(drawn[0])


def store_with_pseudonym(membership: LeaderboardMembership, **fields) -> None:
    """Save ``membership`` with a free pseudonym and ``fields``, drawing again when a
    concurrent request took the one drawn."""
    for _attempt in range(STORE_ATTEMPTS):
        membership.pseudonym = free_pseudonym(exclude=membership.pseudonym or None)
        for name, value in fields.items():
            setattr(membership, name, value)
        try:
            with transaction.atomic():
                membership.save()
            return
        except IntegrityError:
            continue
    raise IntegrityError("No free pseudonym could be stored.")


def join(
    request: HttpRequest, organisation: str | None, references: References
) -> LeaderboardMembership:
    """Join under a new pseudonym, on ``organisation``'s board (a slug) or none."""
    chosen = organisation_named(organisation)
    with progress.own_learner(request, references) as learner:
        if LeaderboardMembership.objects.filter(learner=learner).exists():
            raise LearnerError.one(
                None,
                Code.ALREADY_JOINED,
                "The learner joined the leaderboards already; use newPseudonym or "
                "changeLeaderboardOrganisation.",
            )
        membership = LeaderboardMembership(learner=learner, organisation=chosen)
        store_with_pseudonym(membership)
    return membership


def new_pseudonym(request: HttpRequest, references: References) -> LeaderboardMembership:
    """Draw another pseudonym, at most ``LEADERBOARD_PSEUDONYMS_PER_DAY`` a day."""
    today = timezone.localdate()
    with progress.own_learner(request, references) as learner:
        membership = membership_of(learner)
        if not membership.draws_left(today):
            raise LearnerError.one(
                None,
                Code.TOO_MANY_PSEUDONYMS,
                f"At most {learning_settings.LEADERBOARD_PSEUDONYMS_PER_DAY} new pseudonyms a "
                "day (BORG_LEARNING['LEADERBOARD_PSEUDONYMS_PER_DAY']); try again tomorrow.",
            )
        count = membership.drawn_count + 1 if membership.drawn_on == today else 1
        store_with_pseudonym(membership, drawn_on=today, drawn_count=count)
    return membership


def change_organisation(
    request: HttpRequest, organisation: str | None, references: References
) -> LeaderboardMembership:
    """Move to ``organisation``'s board (a slug), or to none."""
    chosen = organisation_named(organisation)
    with progress.own_learner(request, references) as learner:
        membership = membership_of(learner)
        membership.organisation = chosen
        membership.save(update_fields=["organisation"])
    return membership


def leave(request: HttpRequest, references: References) -> None:
    """Leave: the membership and its pseudonym are deleted at once."""
    with progress.own_learner(request, references) as learner:
        deleted, _rows = LeaderboardMembership.objects.filter(learner=learner).delete()
        if not deleted:
            raise not_joined()
