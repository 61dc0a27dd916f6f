"""The daily review's domain event.

``review_answered``: ``learner``, ``card_id``, ``page_id``, ``block_id``, ``correct``
(recalled or not) and ``reviewed_at``. Sent once per accepted review answer, after the
commit that stored it; a refused answer sends nothing.
"""

from django.dispatch import Signal

review_answered = Signal()
