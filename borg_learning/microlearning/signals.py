"""The microlessons' domain event.

``microlesson_completed``: ``learner``, ``page_id``. Sent once per learner and
microlesson, after the commit that stored the completion (by the learners app, which
completes a microlesson as it completes a module part: every block with something to do
done, or the page seen when it has none).
"""

from django.dispatch import Signal

microlesson_completed = Signal()
