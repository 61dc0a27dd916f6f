"""The routes' domain event.

``route_completed``: ``learner``, ``route_id``, ``completed_at``. Sent once per learner
and route, after the commit that stored the completion.
"""

from django.dispatch import Signal

route_completed = Signal()
