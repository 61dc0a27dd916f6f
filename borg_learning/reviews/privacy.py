"""The learner's review cards and their reviews in the export of everything kept about
them (deleted with the learner: the rows cascade)."""

from borg_learning.learners.models import Learner
from borg_learning.reviews.models import ReviewCard, ReviewLog


def exported(learner: Learner) -> dict:
    return {
        "review_cards": [
            {
                "card": str(card.pk),
                "page": str(card.page_id),
                "block": card.block_id,
                "due": card.due,
                "created_at": card.created_at,
            }
            for card in ReviewCard.objects.filter(learner=learner).order_by("created_at", "pk")
        ],
        "review_logs": [
            {
                "card": str(entry.card_id),
                "source": entry.source,
                "correct": entry.correct,
                "answer": entry.answer,
                "reviewed_at": entry.reviewed_at,
            }
            for entry in ReviewLog.objects.filter(card__learner=learner).order_by(
                "reviewed_at", "pk"
            )
        ],
    }
