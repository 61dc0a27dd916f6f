from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from borg_learning.conf import learning_settings
from borg_learning.content.fields import colour_choices, icon_choices
from borg_learning.content.slug_panels import NameFieldPanel, slug_panel
from borg_learning.models.translatable import TranslatableSnippet


class Theme(TranslatableSnippet, index.Indexed, models.Model):
    """A theme such as SGG: tags modules and offers, colours buttons, groups analytics."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)
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
        index.FilterField("locale_id"),
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    unique_in_locale = ("name", "slug")

    class Meta(TranslatableSnippet.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="borg_theme_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="borg_theme_slug_per_locale"),
        ]

    def __str__(self):
        return self.name

    @property
    def colour_hex(self):
        return colour_hex(self.colour)


def colour_hex(slug):
    return next(
        (hex_value for name, _label, hex_value in learning_settings.COLOURS if name == slug), None
    )
