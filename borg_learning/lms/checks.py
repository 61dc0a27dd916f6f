"""The LMS link makes learners: it needs the learners app."""

from django.apps import apps
from django.core.checks import Error, Tags, register

from borg_learning.lms import conf  # noqa: F401  (settings)


@register(Tags.compatibility)
def check_learners_installed(app_configs=None, **kwargs):
    if apps.is_installed("borg_learning.learners"):
        return []
    return [
        Error(
            "borg_learning.lms needs borg_learning.learners: a launch from an LMS makes a learner.",
            hint='Add "borg_learning.learners" to INSTALLED_APPS.',
            id="borg_learning_lms.E001",
        )
    ]
