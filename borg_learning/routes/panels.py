"""The route editor's panels: the total duration (what each step takes and the total,
for the route as it was last saved; steps added in the form count once it is saved) and
the chooser of a microlesson step's page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, Panel
from wagtail.admin.widgets import AdminPageChooser

from borg_learning.learners import completion
from borg_learning.routes import kinds


class CompletablePageChooserPanel(FieldPanel):
    """A page chooser that offers only the page types learners complete on their own (the
    microlessons), read from the hook when the form is built, not at import."""

    def get_form_options(self):
        options = super().get_form_options()
        if "fields" in options:
            models = list(completion.standalone_page_types()) or None
            options.setdefault("widgets", {})[self.field_name] = AdminPageChooser(
                target_models=models
            )
        return options


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
