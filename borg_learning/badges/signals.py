"""The badges' domain event.

``badge_awarded``: ``learner``, ``badge_id``, ``award_id`` and ``awarded_at``. Sent once
per badge and learner, after the commit that stored the award.
"""

from django.dispatch import Signal

badge_awarded = Signal()
