"""What the domain events pay, and which of them make a learning day.

The events are sent after the commit that stored them; each receiver writes in its own
savepoints, so what is paid or counted is paid or counted once however often, or however
many requests at once, the event comes.
"""

from django.apps import apps
from django.utils import timezone

from borg_learning import signals
from borg_learning.conf import learning_settings
from borg_learning.gamification import points, streaks
from borg_learning.gamification.models import LearningDay, PointsAward, Rule, StreakFreeze
from borg_learning.learners.models import Learner
from borg_learning.learners.signals import learners_merged


def learned(learner: Learner, date=None) -> None:
    """A learning day: on the first event of the day the streak grows, which is announced
    (``streak_extended``) and pays the milestones it reaches."""
    date = date or timezone.localdate()
    if not streaks.record_day(learner, date):
        return
    days = streaks.streak_of(learner, today=date).days
    reached = [length for length in learning_settings.STREAK_MILESTONES if length <= days]
    if reached:
        paid = set(
            PointsAward.objects.filter(learner=learner, rule=Rule.STREAK_MILESTONE).values_list(
                "subject", flat=True
            )
        )
        for milestone in reached:
            if points.streak_subject(milestone) not in paid:
                points.award(learner, Rule.STREAK_MILESTONE, points.streak_subject(milestone))
    signals.send_after_commit(signals.streak_extended, sender=Learner, learner=learner, days=days)


def exercise_answered(sender, learner, page_id, **kwargs):
    learned(learner)


def part_completed(sender, learner, page_id, **kwargs):
    points.award(learner, Rule.PART_COMPLETED, points.page_subject(page_id))
    learned(learner)


def module_completed(sender, learner, module_id, **kwargs):
    points.award(learner, Rule.MODULE_COMPLETED, points.page_subject(module_id))
    learned(learner)


def microlesson_completed(sender, learner, page_id, **kwargs):
    points.award(learner, Rule.MICROLESSON_COMPLETED, points.page_subject(page_id))
    learned(learner)


def route_completed(sender, learner, route_id, **kwargs):
    points.award(learner, Rule.ROUTE_COMPLETED, points.route_subject(route_id))


def review_answered(sender, learner, page_id, block_id, correct, reviewed_at, **kwargs):
    """A right answer in the daily review pays once per exercise per day."""
    day = timezone.localdate(reviewed_at)
    if correct:
        points.award(
            learner,
            Rule.REVIEW_RECALLED,
            points.exercise_subject(page_id, block_id, day),
            awarded_at=reviewed_at,
        )
    learned(learner, day)


def move_rows(model, source, target, key):
    """Move ``source``'s rows of ``model`` to ``target``, except those ``target`` has the
    same ``key`` of (deleted with ``source``)."""
    held = set(model.objects.filter(learner=target).values_list(*key))
    theirs = model.objects.filter(learner=source).values_list("pk", *key)
    model.objects.filter(pk__in=[row[0] for row in theirs if tuple(row[1:]) not in held]).update(
        learner=target
    )


def merge(sender, source, target, **kwargs):
    """An anonymous learner merged into a signed-in user's (inside the merge's
    transaction): their awards, learning days and freeze days move along; what both have
    (the same rule and subject, the same day) is the account's once."""
    move_rows(PointsAward, source, target, ("rule", "subject"))
    move_rows(LearningDay, source, target, ("date",))
    move_rows(StreakFreeze, source, target, ("date",))


def connect():
    uid = "borg_learning_gamification"
    signals.exercise_answered.connect(exercise_answered, dispatch_uid=uid)
    signals.part_completed.connect(part_completed, dispatch_uid=uid)
    signals.module_completed.connect(module_completed, dispatch_uid=uid)
    learners_merged.connect(merge, dispatch_uid=uid)
    if apps.is_installed("borg_learning.microlearning"):
        from borg_learning.microlearning.signals import microlesson_completed as lesson

        lesson.connect(microlesson_completed, dispatch_uid=uid)
    if apps.is_installed("borg_learning.routes"):
        from borg_learning.routes.signals import route_completed as route

        route.connect(route_completed, dispatch_uid=uid)
    if apps.is_installed("borg_learning.reviews"):
        from borg_learning.reviews.signals import review_answered as review

        review.connect(review_answered, dispatch_uid=uid)
