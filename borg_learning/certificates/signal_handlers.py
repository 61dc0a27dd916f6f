"""A learner's certificates go with them when their anonymous progress is merged into a
signed-in user's: the source learner is deleted right after, and its codes must still
verify."""

from borg_learning.certificates.models import Certificate


def move_certificates(sender, source, target, **kwargs):
    Certificate.objects.filter(learner=source).update(learner=target)
