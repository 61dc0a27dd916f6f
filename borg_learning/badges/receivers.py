"""The events badges are earned on, and the merge of two learners.

Each receiver runs after the commit of the fact it is told of (the events are sent
then), and considers only the criteria that fact can change. The signals of reviews and
microlearning are connected only when those apps are installed (badges need routes: a
badge may name one).
"""

from django.apps import apps
from django.db import transaction

from borg_learning import signals
from borg_learning.badges import awarding
from borg_learning.badges.models import BadgeAward, Criterion
from borg_learning.learners.signals import learners_merged
from borg_learning.routes import signals as route_signals


def module_completed(sender, learner, module_id, **kwargs):
    awarding.consider(learner, [Criterion.MODULES, Criterion.THEME])


def route_completed(sender, learner, route_id, **kwargs):
    awarding.consider(learner, [Criterion.ROUTE])


def streak_extended(sender, learner, days, **kwargs):
    awarding.consider(learner, [Criterion.STREAK], streak_days=days)


def review_answered(sender, learner, correct, **kwargs):
    if correct:
        awarding.consider(learner, [Criterion.REVIEWS])


def microlesson_completed(sender, learner, page_id, **kwargs):
    awarding.consider(learner, [Criterion.FIRST_MICROLESSON])


def merge_awards(sender, source, target, **kwargs):
    """An anonymous learner merged into a signed-in user's (inside the merge's
    transaction): one award per badge stays, the earliest; after the commit, what the two
    did together may earn more."""
    held = {award.badge_id: award for award in BadgeAward.objects.filter(learner=target)}
    moved, replaced = [], []
    for award in BadgeAward.objects.filter(learner=source):
        kept = held.get(award.badge_id)
        if kept is None or award.awarded_at < kept.awarded_at:
            moved.append(award.pk)
            if kept is not None:
                replaced.append(kept.pk)
    BadgeAward.objects.filter(pk__in=replaced).delete()
    BadgeAward.objects.filter(pk__in=moved).update(learner=target)
    transaction.on_commit(lambda: awarding.consider(target, awarding.ALL_BUT_STREAK))


def connect():
    uid = "borg_learning_badges"
    signals.module_completed.connect(module_completed, dispatch_uid=uid)
    signals.streak_extended.connect(streak_extended, dispatch_uid=uid)
    learners_merged.connect(merge_awards, dispatch_uid=uid)
    route_signals.route_completed.connect(route_completed, dispatch_uid=uid)
    if apps.is_installed("borg_learning.reviews"):
        from borg_learning.reviews.signals import review_answered as review_signal

        review_signal.connect(review_answered, dispatch_uid=uid)
    if apps.is_installed("borg_learning.microlearning"):
        from borg_learning.microlearning.signals import microlesson_completed as lesson_signal

        lesson_signal.connect(microlesson_completed, dispatch_uid=uid)
