"""The packages need lxml (the extra ``lms``): without it the export screen cannot load."""

from importlib.util import find_spec

from django.core.checks import Error, Tags, register


@register(Tags.compatibility)
def check_lxml_installed(app_configs=None, **kwargs):
    if find_spec("lxml") is not None:
        return []
    return [
        Error(
            "borg_learning.lms exports SCORM and cmi5 packages with lxml, which is not installed.",
            hint='Install the extra: pip install "borg-learning[lms]".',
            id="borg_learning_lms.E002",
        )
    ]
