"""When a review card is due again: the pluggable scheduler.

``scheduler()`` is the one named by the setting ``REVIEW_SCHEDULER``. A scheduler gets
the card's stored fields and whether the answer was right, and returns the fields to
store; the default is FSRS (the ``fsrs`` package), with right as Good and wrong as Again.
"""

import datetime
from dataclasses import dataclass

from django.utils.module_loading import import_string

from borg_learning.conf import learning_settings
from borg_learning.reviews import conf  # noqa: F401  (settings)


@dataclass(frozen=True)
class Schedule:
    """A card's scheduling fields, as ``ReviewCard`` stores them."""

    due: datetime.datetime
    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    last_review: datetime.datetime | None

    @classmethod
    def of(cls, card) -> "Schedule":
        return cls(
            card.due, card.state, card.step, card.stability, card.difficulty, card.last_review
        )


@dataclass(frozen=True)
class Review:
    """What a scheduler decided: the card's new fields, and the rating to log."""

    schedule: Schedule
    rating: int


class Scheduler:
    """The interface: ``new()`` for a card never reviewed, ``review()`` for an answer."""

    #: Stored with every review it rated.
    name = ""

    def new(self, now: datetime.datetime) -> Schedule:
        raise NotImplementedError

    def review(self, schedule: Schedule, correct: bool, now: datetime.datetime) -> Review:
        raise NotImplementedError


class FSRSScheduler(Scheduler):
    """FSRS with its default parameters."""

    name = "fsrs"

    def __init__(self):
        import fsrs

        self.fsrs = fsrs
        self.scheduler = fsrs.Scheduler()

    def new(self, now):
        return self.schedule(self.fsrs.Card(card_id=0, due=now))

    def review(self, schedule, correct, now):
        rating = self.fsrs.Rating.Good if correct else self.fsrs.Rating.Again
        card = self.fsrs.Card(
            card_id=0,
            state=self.fsrs.State(schedule.state),
            step=schedule.step,
            stability=schedule.stability,
            difficulty=schedule.difficulty,
            due=schedule.due,
            last_review=schedule.last_review,
        )
        card, _log = self.scheduler.review_card(card, rating, now)
        return Review(self.schedule(card), int(rating))

    @staticmethod
    def schedule(card) -> Schedule:
        return Schedule(
            card.due, int(card.state), card.step, card.stability, card.difficulty, card.last_review
        )


def scheduler() -> Scheduler:
    return import_string(learning_settings.REVIEW_SCHEDULER)()
