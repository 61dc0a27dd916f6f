"""Awarding badges: at once when the event happens, never twice.

``consider()`` is the only way in: for the learner and the criteria an event touches, it
awards every active badge the learner now meets and has not earned. An award is made with
``get_or_create`` in a savepoint on the unique (badge, learner), so requests racing for
the same badge store it once, and ``badges.signals.badge_awarded`` is sent once, after
the commit. The award keeps a copy of the badge's name, description and criterion as they
are then, in the site's language.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from borg_learning.badges import signals
from borg_learning.badges.models import Badge, BadgeAward, Criterion
from borg_learning.badges.standing import Standing
from borg_learning.learners.models import Learner
from borg_learning.signals import send_after_commit

#: What a merge of two learners may newly meet (a streak is the gamification's to send).
ALL_BUT_STREAK = [criterion for criterion in Criterion if criterion != Criterion.STREAK]


def consider(
    learner: Learner, criteria: Iterable[Criterion], streak_days: int = 0
) -> list[BadgeAward]:
    """Award the active badges of ``criteria`` that ``learner`` meets now; the new awards."""
    badges = list(
        Badge.objects.filter(active=True, criterion__in=list(criteria))
        .exclude(awards__learner=learner)
        .select_related("theme", "route")
    )
    if not badges:
        return []
    standing = Standing(learner, badges, streak_days)
    awards = []
    for badge in badges:
        if standing.met(badge):
            award = give(learner, badge)
            if award is not None:
                awards.append(award)
    return awards


def give(learner: Learner, badge: Badge) -> BadgeAward | None:
    """Store the award unless the learner has it already; the new award, or None."""
    with translation.override(settings.LANGUAGE_CODE):
        criterion = badge.criterion_text()
    defaults = {
        "awarded_at": timezone.now(),
        "name": badge.name,
        "description": badge.description,
        "criterion": criterion,
    }
    try:
        with transaction.atomic():
            award, created = BadgeAward.objects.get_or_create(
                badge=badge, learner=learner, defaults=defaults
            )
    except IntegrityError:
        return None  # another request stored it first, or the learner is gone
    if not created:
        return None
    send_after_commit(
        signals.badge_awarded,
        sender=BadgeAward,
        learner=learner,
        badge_id=badge.pk,
        award_id=award.pk,
        awarded_at=award.awarded_at,
    )
    return award
