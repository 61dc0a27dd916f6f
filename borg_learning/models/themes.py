from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from borg_learning.conf import learning_settings
from borg_learning.content.fields import colour_choices, icon_choices
from borg_learning.content.slug_panels import NameFieldPanel, slug_panel


class Theme(index.Indexed, models.Model):
    """A theme such as SGG: tags modules and offers, colours buttons, groups analytics."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    colour = models.CharField(_("colour"), max_length=32, choices=colour_choices)
    icon = models.CharField(_("icon"), max_length=32, choices=icon_choices)
    description = models.TextField(_("short description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("sort order"), default=0, help_text=_("Lower numbers come first.")
    )

    panels = [
        NameFieldPanel("name"),
        slug_panel(),
        FieldPanel("colour"),
        FieldPanel("icon"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    @property
    def colour_hex(self):
        return colour_hex(self.colour)


def colour_hex(slug):
    return next(
        (hex_value for name, _label, hex_value in learning_settings.COLOURS if name == slug), None
    )
