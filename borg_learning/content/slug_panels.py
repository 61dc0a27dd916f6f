"""Panels that fill in a snippet's slug from its name while the editor types, as Wagtail
does for a page's title, so an editor need not invent a web-safe name."""

from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput


class NameFieldPanel(TitleFieldPanel):
    """The name (or title) of a snippet with a slug. Only a new record's slug follows the
    name: a saved one's slug is in use by frontends and links, and stays as it is."""

    def __init__(self, field_name, *, placeholder=False, **kwargs):
        # Not the page title's large type ("title"): it is one field among the others.
        kwargs.setdefault("classname", "")
        super().__init__(field_name, placeholder=placeholder, **kwargs)

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return self.instance is None or self.instance.pk is None


def slug_panel(field_name="slug"):
    """The slug field, with Wagtail's widget that keeps it web-safe as it is typed."""
    return FieldPanel(field_name, widget=SlugInput)
