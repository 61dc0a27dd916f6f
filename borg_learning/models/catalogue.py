"""The catalogue of external training offers: descriptions and links, never copies."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from borg_learning.content.fields import ChoiceListField
from borg_learning.content.inline_panels import TitledInlinePanel
from borg_learning.models.ordered import Ordered
from borg_learning.models.translatable import TranslatableSnippet


class ProviderAccess(models.TextChoices):
    FREE = "free", _("Free")
    MEMBERSHIP = "membership", _("Membership required")
    PAID = "paid", _("Paid")


class OfferingFormat(models.TextChoices):
    E_LEARNING = "e-learning", _("E-learning")
    CLASSROOM = "classroom", _("Classroom")
    BLENDED = "blended", _("Blended")
    WEBINAR = "webinar", _("Webinar")
    PODCAST = "podcast", _("Podcast")


class Provider(TranslatableSnippet, index.Indexed, models.Model):
    """An organisation that offers training: GGZ Ecademy, VGN Academie, a Borg institution."""

    name = models.CharField(_("name"), max_length=200)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = models.TextField(_("description"), blank=True)
    access = models.CharField(
        _("access"), max_length=20, choices=ProviderAccess.choices, default=ProviderAccess.FREE
    )
    access_note = models.CharField(
        _("note on access"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 'Members of the VGN log in with their organisation account.'"),
    )
    is_member_institution = models.BooleanField(
        _("member institution"),
        default=False,
        help_text=_("Tick when the provider is one of the institutions the site is run for."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("access"), FieldPanel("access_note")]),
        FieldPanel("is_member_institution"),
    ]
    search_fields = [
        index.FilterField("locale_id"),
        index.SearchField("name"),
        index.SearchField("description"),
        index.AutocompleteField("name"),
    ]

    unique_in_locale = ("name",)

    class Meta(TranslatableSnippet.Meta):
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"], name="borg_provider_name_per_locale"
            ),
        ]

    def __str__(self):
        return self.name


class Offering(TranslatableSnippet, index.Indexed, ClusterableModel):
    """One external training offer with its table of contents and a link to it."""

    LANGUAGE_CHOICES = [("nl", _("Dutch")), ("en", _("English"))]

    title = models.CharField(_("title"), max_length=255)
    provider = models.ForeignKey(
        Provider, verbose_name=_("provider"), on_delete=models.PROTECT, related_name="offerings"
    )
    summary = models.TextField(_("summary"))
    url = models.URLField(
        _("link to the offer"),
        max_length=500,
        blank=True,
        help_text=_("Where learners find and start the offer on the provider's site."),
    )
    themes = ParentalManyToManyField(
        "borg_learning.Theme", verbose_name=_("themes"), blank=True, related_name="offerings"
    )
    target_groups = ChoiceListField(_("target groups"), setting="TARGET_GROUPS")
    audience_roles = ChoiceListField(_("roles"), setting="AUDIENCE_ROLES")
    format = models.CharField(
        _("format"),
        max_length=20,
        choices=OfferingFormat.choices,
        default=OfferingFormat.E_LEARNING,
    )
    duration_minutes = models.PositiveIntegerField(
        _("duration (minutes)"),
        null=True,
        blank=True,
        help_text=_("Study time as the provider states it."),
    )
    cost = models.DecimalField(
        _("cost (EUR)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Price per participant excluding VAT; 0 for free, empty when unknown."),
    )
    accreditation_points = models.DecimalField(
        _("accreditation points"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    accreditation_register = models.CharField(
        _("accreditation register"),
        max_length=200,
        blank=True,
        help_text=_("E.g. 'Kwaliteitsregister V&V' or 'SKJ'."),
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES, default="nl")
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive offers are hidden from learners.")
    )
    last_checked = models.DateField(
        _("last checked"),
        null=True,
        blank=True,
        help_text=_("When the description and link were last checked against the provider."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("provider"),
        FieldPanel("summary"),
        FieldPanel("url"),
        TitledInlinePanel("chapters", label=_("Table of contents"), title_field="title"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups"),
                FieldPanel("audience_roles"),
            ],
            heading=_("For whom"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("format"), FieldPanel("language")]),
                FieldRowPanel([FieldPanel("duration_minutes"), FieldPanel("cost")]),
                FieldRowPanel(
                    [FieldPanel("accreditation_points"), FieldPanel("accreditation_register")]
                ),
            ],
            heading=_("Practical details"),
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("last_checked")]),
    ]
    search_fields = [
        index.FilterField("locale_id"),
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.RelatedFields("provider", [index.SearchField("name")]),
        index.FilterField("active"),
        index.FilterField("provider_id"),
        index.FilterField("format"),
    ]

    class Meta(TranslatableSnippet.Meta):
        ordering = ["title"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not self.url:
            raise ValidationError(
                {
                    "url": _(
                        "Add the link to the offer: the catalogue only describes it, learners follow "
                        "the link to the provider."
                    )
                }
            )


class OfferingChapter(Ordered):
    """One entry of an offer's table of contents."""

    offering = ParentalKey(Offering, on_delete=models.CASCADE, related_name="chapters")
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(
        _("link"),
        max_length=500,
        blank=True,
        help_text=_("Where this chapter is on the provider's site, when it has a page of its own."),
    )

    panels = [FieldPanel("title"), FieldPanel("description"), FieldPanel("url")]

    class Meta(Ordered.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self):
        return self.title
