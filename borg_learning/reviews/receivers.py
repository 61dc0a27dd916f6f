"""What the reviews app does when a learner first answers an exercise."""

from borg_learning import signals
from borg_learning.learners.signals import learners_merged
from borg_learning.reviews import cards
from borg_learning.reviews.models import ReviewCard


def exercise_answered(sender, learner, page_id, block_id, correct, **kwargs):
    """A first answer (sent after its commit): the exercise becomes a review card; a
    reflection (``correct`` None) has no right answer to review."""
    if correct is None:
        return
    cards.make_card(learner, page_id, block_id, correct)


def move_cards(sender, source, target, **kwargs):
    """An anonymous learner merged into a signed-in user's (inside the merge's transaction):
    their cards move along, with their reviews; for an exercise both have, the account's
    card stays."""
    held = set(ReviewCard.objects.filter(learner=target).values_list("page_id", "block_id"))
    theirs = ReviewCard.objects.filter(learner=source)
    ReviewCard.objects.filter(
        pk__in=[card.pk for card in theirs if (card.page_id, card.block_id) not in held]
    ).update(learner=target)


def connect():
    signals.exercise_answered.connect(exercise_answered, dispatch_uid="borg_learning_reviews")
    learners_merged.connect(move_cards, dispatch_uid="borg_learning_reviews_merge")
