"""The challenges' domain event.

``challenge_completed``: ``learner`` and ``challenge_id``. Sent once per learner and
challenge, after the commit that stored the ``ChallengeCompletion``, so points and badges
can react to it.
"""

from django.dispatch import Signal

challenge_completed = Signal()
