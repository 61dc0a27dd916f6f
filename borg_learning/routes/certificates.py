"""A completed learning route as the subject of a certificate (``borg_learning.certificates``,
when it is installed: only that app asks for subjects)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borg_learning.certificates.subjects import Facts, Place, Subject
from borg_learning.routes import kinds
from borg_learning.routes.models import Route
from borg_learning.routes.reading import ROUTE_KIND, route_completion


class RouteSubject(Subject):
    """A live learning route the learner completed (every step that counts for them)."""

    kind = "ROUTE"
    field = "route"
    unknown_code = "UNKNOWN_ROUTE"
    description = "A learning route the learner completed."
    label = _("Learning route")

    def find(self, pk, references):
        try:
            return Route.objects.filter(live=True, pk=int(pk)).first()
        except (TypeError, ValueError):
            return None

    def completed_on(self, learner, item):
        done = route_completion(learner, item)
        return timezone.localdate(done.completed_at) if done else None

    loader_kind = ROUTE_KIND

    def place(self, item, references):
        return Place(item.title, slug=item.slug)

    def facts(self, item):
        return Facts(
            title=item.title,
            duration_minutes=kinds.minutes(item.duration_seconds()),
            development_group="",
        )
