"""Review cards: made on a learner's first answer to an exercise, listed when due.

A card is shown only while its exercise is on the live page the request may see; the
page and its body are read through the request's batch (``References``), so the due
cards of a learner take the same queries for 5 cards as for 100.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.learners import completion, rules
from borg_learning.learners.models import BlockKind, BlockProgress, Learner
from borg_learning.reviews import conf  # noqa: F401  (settings)
from borg_learning.reviews.models import ReviewCard, ReviewLog, ReviewSource
from borg_learning.reviews.scheduling import scheduler


def make_card(learner: Learner, page_id: int, block_id: str, correct: bool) -> ReviewCard | None:
    """The card of a first answer, with that answer as its first review; None when the
    learner has it already."""
    if ReviewCard.objects.filter(learner=learner, page_id=page_id, block_id=block_id).exists():
        return None
    planner = scheduler()
    now = timezone.now()
    review = planner.review(planner.new(now), correct, now)
    answer = (
        BlockProgress.objects.filter(learner=learner, page_id=page_id, block_id=block_id)
        .values_list("answer", flat=True)
        .first()
    )
    try:
        with transaction.atomic():
            card = ReviewCard.objects.create(
                learner=learner, page_id=page_id, block_id=block_id, **vars(review.schedule)
            )
    except IntegrityError:  # made by a request at the same moment
        return None
    log(card, ReviewSource.EXERCISE, review.rating, correct, answer or [], now, planner.name)
    return card


def log(card, source, rating, correct, answer, now, name) -> ReviewLog:
    return ReviewLog.objects.create(
        card=card,
        source=source,
        rating=rating,
        correct=correct,
        answer=list(answer),
        reviewed_at=now,
        scheduler=name,
    )


def exercise_of(card: ReviewCard, references: References) -> rules.Block | None:
    """The card's exercise on the live page the request may see; None when the page or
    the exercise is gone or hidden, or the exercise has no right answer any more."""
    page = references.get("page", card.page_id)
    if page is None or not isinstance(page, completion.tracked_page_types()):
        return None
    block = next((b for b in rules.body_blocks(page) if b.id == card.block_id), None)
    if block is None or block.kind != BlockKind.EXERCISE:
        return None
    if block.exercise_kind == rules.ExerciseKind.REFLECTION:
        return None
    return block


@dataclass(frozen=True)
class DueCard:
    card: ReviewCard
    page: object
    block: rules.Block


def reviewed_today(learner: Learner) -> int:
    """Cards the learner answered in the daily review today (local day)."""
    start = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    return ReviewLog.objects.filter(
        card__learner=learner, source=ReviewSource.REVIEW, reviewed_at__gte=start
    ).count()


def due_cards(learner: Learner | None, references: References, limit: int | None = None):
    """The learner's cards due now that may be shown, the longest due first: at most what
    is left of today's ``REVIEW_DAILY_LIMIT`` (and ``limit``). Read once per request."""
    if learner is None:
        return []
    due = references.memo(
        f"borg_learning_reviews_due_{learner.pk}", lambda: todays(learner, references)
    )
    return due if limit is None else due[: max(limit, 0)]


def todays(learner: Learner, references: References) -> list[DueCard]:
    left = max(learning_settings.REVIEW_DAILY_LIMIT - reviewed_today(learner), 0)
    if not left:
        return []
    visible = references.visibility.pages().values("pk")
    cards = list(
        ReviewCard.objects.filter(
            learner=learner, due__lte=timezone.now(), page__in=visible
        ).order_by("due", "pk")[: left * 2]  # a few spare for exercises taken off their page
    )
    for card in cards:
        references.want("page", card.page_id)
    due = []
    for card in cards:
        block = exercise_of(card, references)
        if block is not None:
            due.append(DueCard(card, references.get("page", card.page_id), block))
    due = due[:left]
    references.want_pages(list({entry.page.pk: entry.page for entry in due}.values()))
    return due
