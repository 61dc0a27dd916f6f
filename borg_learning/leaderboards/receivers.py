"""An anonymous learner signing in: their membership becomes the account's, unless the
account has one (then the account's stays, and the other goes with the anonymous learner)."""

from borg_learning.leaderboards.models import LeaderboardMembership
from borg_learning.learners.signals import learners_merged


def merge(sender, source, target, **kwargs):
    """Inside the merge's transaction, with both learners locked."""
    if not LeaderboardMembership.objects.filter(learner=target).exists():
        LeaderboardMembership.objects.filter(learner=source).update(learner=target)


def connect():
    learners_merged.connect(merge, dispatch_uid="borg_learning_leaderboards")
