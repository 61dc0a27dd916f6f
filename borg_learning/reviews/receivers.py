"""What the reviews app does when a learner first answers an exercise."""

from borg_learning import signals
from borg_learning.reviews import cards


def exercise_answered(sender, learner, page_id, block_id, correct, **kwargs):
    """A first answer (sent after its commit): the exercise becomes a review card; a
    reflection (``correct`` None) has no right answer to review."""
    if correct is None:
        return
    cards.make_card(learner, page_id, block_id, correct)


def connect():
    signals.exercise_answered.connect(exercise_answered, dispatch_uid="borg_learning_reviews")
