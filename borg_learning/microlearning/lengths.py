"""A microlesson's length: the choices (``MICROLESSON_LENGTHS``), how an editor reads it,
and what it holds in words."""

from django.utils.translation import ngettext

from borg_learning.conf import learning_settings
from borg_learning.microlearning import conf  # noqa: F401  (settings)


def format_length(seconds):
    return ngettext("%(count)s second", "%(count)s seconds", seconds) % {"count": seconds}


def length_choices():
    """The lengths of ``MICROLESSON_LENGTHS``, read each time a form is built."""
    return [(seconds, format_length(seconds)) for seconds in learning_settings.MICROLESSON_LENGTHS]


def words_in(seconds):
    """How many words a learner reads in ``seconds``: what a text of that length holds."""
    return seconds * learning_settings.WORDS_PER_MINUTE // 60
