"""An edit-view panel that shows the duration estimate next to the target."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class DurationPanel(Panel):
    """Shows the estimate of the content as last saved and what it is made of."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Estimated duration"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "duration_estimate"

    class BoundPanel(Panel.BoundPanel):
        template_name = "borg_learning/panels/duration_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            estimate = self.instance.estimate_duration()
            target = self.instance.target_duration
            context.update(
                estimate=estimate,
                target=target,
                fits=target is None or estimate.total_seconds <= target * 60,
            )
            return context
