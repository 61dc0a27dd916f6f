"""Answering a review card: the server checks the answer against the live exercise, and
gives the verdict and the next due date at once.

In one transaction with the learner's row locked (so an answer sent twice at once is
taken once), the card must be the learner's, shown and due; then the scheduler moves it
and the review is logged. Problems are a ``LearnerError`` with a stable ``Code``;
nothing is stored then.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.http import HttpRequest
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.content import exercises
from borg_learning.learners import progress
from borg_learning.learners.models import Event
from borg_learning.learners.progress import LearnerError
from borg_learning.reviews import cards
from borg_learning.reviews.models import ReviewCard, ReviewSource
from borg_learning.reviews.scheduling import Schedule, scheduler
from borg_learning.reviews.signals import review_answered
from borg_learning.signals import send_after_commit


class Code(StrEnum):
    """Why a review was refused; stable values the frontend can translate."""

    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_LEARNER = "NO_LEARNER"
    UNKNOWN_CARD = "UNKNOWN_CARD"
    NOT_DUE = "NOT_DUE"
    DAILY_LIMIT_REACHED = "DAILY_LIMIT_REACHED"
    INVALID_ANSWER = "INVALID_ANSWER"
    UNKNOWN_OPTION = "UNKNOWN_OPTION"


@dataclass(frozen=True)
class Reviewed:
    verdict: exercises.Verdict
    card: ReviewCard


def unknown_card(card_id) -> LearnerError:
    return LearnerError.one(
        "card",
        Code.UNKNOWN_CARD,
        f"The learner has no review card with id '{str(card_id)[:40]}' whose exercise "
        "may be shown.",
    )


def answer(request: HttpRequest, card_id, answer, references: References) -> Reviewed:
    """Judge and store the learner's answer to a due card; raises ``LearnerError``."""
    from borg_learning.api.graphql.loaders import database_id  # see rules.Block.options

    with progress.own_learner(request, references) as learner:
        card = (
            ReviewCard.objects.select_for_update()
            .filter(pk=database_id(card_id), learner=learner)
            .first()
        )
        block = card and cards.exercise_of(card, references)
        if not block:
            raise unknown_card(card_id)
        now = timezone.now()
        if card.due > now:
            raise LearnerError.one(
                "card", Code.NOT_DUE, f"Review card {card.pk} is due at {card.due.isoformat()}."
            )
        if cards.reviewed_today(learner) >= learning_settings.REVIEW_DAILY_LIMIT:
            raise LearnerError.one(
                None,
                Code.DAILY_LIMIT_REACHED,
                f"The daily review of {learning_settings.REVIEW_DAILY_LIMIT} cards is done.",
            )
        chosen, _text = progress.check_answer(block, Event.ANSWERED, answer, None)
        verdict = exercises.verdict(block.value, chosen)
        planner = scheduler()
        review = planner.review(Schedule.of(card), verdict.correct, now)
        for name, value in vars(review.schedule).items():
            setattr(card, name, value)
        card.save(update_fields=list(vars(review.schedule)))
        cards.log(
            card, ReviewSource.REVIEW, review.rating, verdict.correct, chosen, now, planner.name
        )
        send_after_commit(
            review_answered,
            sender=ReviewCard,
            learner=learner,
            card_id=card.pk,
            page_id=card.page_id,
            block_id=card.block_id,
            correct=verdict.correct,
            reviewed_at=now,
        )
    return Reviewed(verdict, card)
