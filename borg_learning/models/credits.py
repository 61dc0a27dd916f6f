from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from borg_learning.content.inline_panels import TitledInlinePanel
from borg_learning.models.ordered import Ordered


class DevelopmentGroup(index.Indexed, ClusterableModel):
    """The small expert group (ontwikkelgroep) that wrote a module; credited on it."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        TitledInlinePanel("members", label=_("Members"), title_field="name"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("development group")
        verbose_name_plural = _("development groups")

    def __str__(self):
        return self.name


class DevelopmentGroupMember(Ordered):
    group = ParentalKey(DevelopmentGroup, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'behavioural scientist, Trajectum'."),
    )

    panels = [FieldPanel("name"), FieldPanel("role")]

    class Meta(Ordered.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.name
