"""Domain events: what happened in the learning environment, for features to react to.

Sent by the code that records the fact, after it is stored; sub-apps subscribe instead
of being called (a learner's progress, points and badges, an LMS grade). Receivers get
keyword arguments only, as with ``wagtail.signals``.
"""

import logging

from django.db import transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)


def send_after_commit(signal: Signal, sender, **kwargs) -> None:
    """Send ``signal`` once the transaction that stored the fact commits.

    Every receiver is called even when one fails; a failure is logged, never undoes the
    fact, and never turns the learner's request into an error.
    """

    def send():
        for receiver, result in signal.send_robust(sender=sender, **kwargs):
            if isinstance(result, Exception):
                logger.error(
                    "Receiver %r of a domain event failed",
                    receiver,
                    exc_info=(type(result), result, result.__traceback__),
                )

    transaction.on_commit(send, robust=True)


#: A counted visit to a live learning page: ``page_id``, ``date``. Bots and previews are
#: never counted, so never sent.
visit_recorded = Signal()

#: A counted visit to a module or one of its parts: ``module_id``, ``page_id``, ``date``.
module_viewed = Signal()

#: Evaluation answers stored (a first submission or a follow-up): ``response``,
#: ``module_id``. Not sent for a repeated submission id or a refused submission.
evaluation_submitted = Signal()

#: Sent by the learner features (``borg_learning.learners``), once per learner and fact,
#: after the commit. ``exercise_answered``: the first answer to an exercise, with
#: ``learner``, ``module_id`` (None for a page of no module, such as a microlesson),
#: ``page_id``, ``block_id`` and ``correct`` (None for a reflection). ``part_completed``:
#: ``learner``, ``module_id``, ``page_id``. ``module_completed``: ``learner``,
#: ``module_id``.
exercise_answered = Signal()
part_completed = Signal()
module_completed = Signal()

#: Sent by the gamification feature (``borg_learning.gamification``) when a learner's daily
#: learning streak grows to a new length: ``learner`` and ``days`` (the streak's length
#: now). Once per learner and day, after the commit; a frozen day keeps a streak alive but
#: does not extend it.
streak_extended = Signal()
