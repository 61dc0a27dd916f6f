"""The learners' own signal, for sub-apps that keep something per learner.

The domain events (``exercise_answered``, ``part_completed``, ``module_completed``) are the
core's, in ``borg_learning.signals``; this module only adds what is about learners
themselves.
"""

from django.dispatch import Signal

#: An anonymous learner is merged into a signed-in user's learner: ``source`` (deleted
#: right after, with everything that still points at it) and ``target``. Sent inside the
#: transaction, before the delete, so a receiver can move its own rows from ``source`` to
#: ``target``. Completions the union makes are announced with the domain events as usual;
#: what ``source`` had completed was announced before and is not sent again.
learners_merged = Signal()
