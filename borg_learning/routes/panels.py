"""The route editor's total-duration panel: what each step takes and the total, for the
route as it was last saved (steps added in the form count once it is saved)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from borg_learning.routes import kinds


class RouteDurationPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Total duration"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "route_duration"

    class BoundPanel(Panel.BoundPanel):
        template_name = "borg_learning_routes/duration_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            steps = list(self.instance.steps.all()) if self.instance.pk else []
            rows = [(step, kinds.minutes(step.duration_seconds())) for step in steps]
            context.update(
                rows=rows,
                total=kinds.minutes(sum(step.duration_seconds() or 0 for step in steps)),
                unknown=[step for step, minutes in rows if minutes is None],
            )
            return context
