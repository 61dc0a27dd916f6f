"""The estimate next to a microlesson's length, live as the editor types.

The core's duration panel and its admin script, with seconds instead of minutes: the
script posts the form to ``views.LengthEstimateView`` (the core's estimate view with
this panel's template), which answers with the panel for the unsaved content.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from borg_learning.content.forms import media_without_duration
from borg_learning.content.panels import DurationPanel
from borg_learning.microlearning.lengths import words_in

TEMPLATE = "borg_learning_microlearning/length_panel.html"


def length_context(estimate, length, body=None):
    return {
        "estimate": estimate,
        "seconds": estimate.total_seconds,
        "length": length,
        "words": words_in(length) if length else None,
        "fits": length is None or estimate.total_seconds <= length,
        "unknown": [media.title for _index, _name, media in media_without_duration(body)],
    }


class LengthPanel(DurationPanel):
    """Shows the estimate of the content against the unit's length, live."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Estimated duration"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = TEMPLATE

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            context.update(length_context(page.estimate_duration(), page.length, page.body))
            opts = type(page)._meta
            context["estimate_url"] = reverse(
                "borg_learning_microlearning_estimate", args=[opts.app_label, opts.model_name]
            )
            context["page_id"] = page.pk or ""
            context["live"] = True
            return context
