"""An InlinePanel whose collapsed items say what they are: "Vraag 3: Hoe nuttig …"."""

from wagtail.admin.panels import InlinePanel


class TitledInlinePanel(InlinePanel):
    """Each item's heading is the label, its number and the value of ``title_field``,
    so a list of collapsed items shows their content instead of "Vraag 1 … 9"."""

    def __init__(self, relation_name, *args, title_field=None, **kwargs):
        self.title_field = title_field
        super().__init__(relation_name, *args, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs["title_field"] = self.title_field
        return kwargs

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "borg_learning/panels/titled_inline_panel.html"
