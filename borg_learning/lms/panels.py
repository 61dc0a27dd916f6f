"""The panel on a platform's screen with this tool's addresses, for the institution's
administrator to copy into their LMS."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ToolUrlsPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Fill these in in your LMS"))
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return "tool_urls"

    class BoundPanel(Panel.BoundPanel):
        template_name = "borg_learning_lms/tool_urls_panel.html"

        def get_context_data(self, parent_context=None):
            from borg_learning.lms.views import urls

            context = super().get_context_data(parent_context)
            context["urls"] = urls(self.request)
            return context
