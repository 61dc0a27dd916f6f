"""The review cards of the demo's generated learners (``progress``), so the daily review and
the report of review retention have something real.

Every exercise with a right answer that a generated learner answered became a card at the
moment of that answer, with that answer as its first review, as the reviews app makes it.
Some learners keep up their daily review: they come back a little after each card is due
(the same day or a day or two later) and mostly recall it; the others never come back, and
their cards wait. A review that would fall after now is not made, so a reviewer's card that
came due since their last visit is due today. The moments are scheduled by the reviews
app's own scheduler (``REVIEW_SCHEDULER``), so the cards are as the app would have made
them.

Drawn from a seeded random generator (the scheduler fuzzes its intervals a little on its
own). While a generated learner has a card, nothing is made again. Rows are made with
``bulk_create``.
"""

import datetime
import random

from django.utils import timezone
from wagtail.models import Page

from borg_learning.content import exercises
from borg_learning.learners import rules
from borg_learning.learners.models import BlockKind, BlockProgress, Learner
from borg_learning.reviews.models import ReviewCard, ReviewLog, ReviewSource
from borg_learning.reviews.scheduling import scheduler

from .progress import MARKER

SEED = "borg-leeromgeving-herhaling"
#: The share of learners who keep up their daily review, and the chance they recall a card.
REVIEWERS = 0.6
RECALL = 0.85
#: Reviews of one card at most (a card recalled every time is due months later by then).
MOST_REVIEWS = 12


def ensure_history(report, now=None):
    """Review cards for the generated learners' answers, made once."""
    learners = Learner.objects.filter(tokens__digest__startswith=MARKER)
    if ReviewCard.objects.filter(learner__in=learners).exists():
        report.add("Review history exists, left as it is")
        return
    answers = list(
        BlockProgress.objects.filter(
            learner__in=learners, kind=BlockKind.EXERCISE, completed_at__isnull=False
        )
        .exclude(answer=[])
        .order_by("learner_id", "completed_at", "pk")
    )
    made = Reviews(random.Random(SEED), now or timezone.now()).make(answers)
    report.add(
        f"Review history created: {made['cards']} cards of {made['learners']} learners, "
        f"{made['reviews']} daily reviews, {made['due']} cards due now"
    )


class Reviews:
    def __init__(self, rng, now):
        self.rng, self.now = rng, now.astimezone(datetime.UTC)
        self.planner = scheduler()
        self.exercises = {}

    def exercise(self, page_id, block_id):
        """The exercise with a right answer on the live page, or None."""
        if page_id not in self.exercises:
            page = Page.objects.live().filter(pk=page_id).specific().first()
            blocks = rules.body_blocks(page) if page else []
            self.exercises[page_id] = {
                block.id: block
                for block in blocks
                if block.kind == BlockKind.EXERCISE
                and block.exercise_kind != rules.ExerciseKind.REFLECTION
            }
        return self.exercises[page_id].get(block_id)

    def make(self, answers):
        cards, histories, reviewers = [], [], {}
        for row in answers:
            block = self.exercise(row.page_id, row.block_id)
            if block is None:
                continue
            if row.learner_id not in reviewers:
                reviewers[row.learner_id] = self.rng.random() < REVIEWERS
            card, history = self.card(row, block.value, reviewers[row.learner_id])
            cards.append(card)
            histories.append(history)
        ReviewCard.objects.bulk_create(cards, batch_size=500)
        logs = [
            ReviewLog(card=card, scheduler=self.planner.name, **entry)
            for card, history in zip(cards, histories, strict=True)
            for entry in history
        ]
        ReviewLog.objects.bulk_create(logs, batch_size=500)
        return {
            "cards": len(cards),
            "learners": len({card.learner_id for card in cards}),
            "reviews": sum(log.source == ReviewSource.REVIEW for log in logs),
            "due": sum(card.due <= self.now for card in cards),
        }

    def card(self, row, value, reviewer):
        """The card of one answered exercise and its reviews, as they would have come."""
        moment = row.completed_at.astimezone(datetime.UTC)
        correct = exercises.verdict(value, row.answer).correct
        review = self.planner.review(self.planner.new(moment), correct, moment)
        history = [self.entry(ReviewSource.EXERCISE, review, correct, row.answer, moment)]
        schedule = review.schedule
        while reviewer and len(history) <= MOST_REVIEWS:
            moment = self.visit(schedule.due)
            if moment > self.now:
                break
            correct = self.rng.random() < RECALL
            review = self.planner.review(schedule, correct, moment)
            history.append(
                self.entry(ReviewSource.REVIEW, review, correct, answer(value, correct), moment)
            )
            schedule = review.schedule
        card = ReviewCard(
            learner_id=row.learner_id, page_id=row.page_id, block_id=row.block_id, **vars(schedule)
        )
        return card, history

    def visit(self, due):
        """When a learner who keeps up comes back for a card due at ``due``."""
        day = timezone.localdate(due) + datetime.timedelta(days=self.rng.choice([0, 0, 1, 1, 2]))
        hour = self.rng.choice([7, 8, 12, 13, 17, 19, 20, 21])
        moment = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, self.rng.randrange(60)))
        )
        return max(moment, due).astimezone(datetime.UTC)  # as the scheduler takes it

    @staticmethod
    def entry(source, review, correct, chosen, moment):
        return {
            "source": source,
            "rating": review.rating,
            "correct": correct,
            "answer": list(chosen),
            "reviewed_at": moment,
        }


def answer(value, correct):
    """The options a learner chose: the right ones, or a wrong one."""
    options = exercises.options(value)
    if correct:
        return [option.id for option in options if option.correct]
    wrong = [option.id for option in options if not option.correct]
    return wrong[:1] or [options[0].id]
