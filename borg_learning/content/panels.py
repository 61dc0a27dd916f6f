"""An edit-view panel that shows the duration estimate next to the target, and follows the
editor's typing: the admin JS (``static/borg_learning/admin/duration.js``) sends the form
to ``content.estimate_view.DurationEstimateView`` whenever it changes, which estimates the
content as it is in the form with the one rule of ``content.duration`` and answers with
the panel again."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from borg_learning.content.forms import media_without_duration

TEMPLATE = "borg_learning/panels/duration_panel.html"


def panel_context(instance, estimate, target, body=None):
    return {
        "estimate": estimate,
        "target": target,
        "fits": target is None or estimate.total_seconds <= target * 60,
        "unknown": [media.title for _index, _name, media in media_without_duration(body)],
    }


class DurationPanel(Panel):
    """Shows the estimate of the content and what it is made of, live."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Estimated duration"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "duration_estimate"

    class BoundPanel(Panel.BoundPanel):
        template_name = TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            body = getattr(self.instance, "body", None)
            context.update(
                panel_context(
                    self.instance,
                    self.instance.estimate_duration(),
                    self.instance.target_duration,
                    body,
                )
            )
            opts = type(self.instance)._meta
            context["estimate_url"] = reverse(
                "borg_learning_duration_estimate", args=[opts.app_label, opts.model_name]
            )
            context["page_id"] = self.instance.pk or ""
            context["live"] = True
            return context
