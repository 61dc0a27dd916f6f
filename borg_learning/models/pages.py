"""The start page of the learning environment, its sections and the catalogue page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from borg_learning.api.rest.serializers import (
    LinkURLField,
    ResolvedRichTextField,
    VisibleReferenceField,
)
from borg_learning.content.fields import colour_choices, icon_choices
from borg_learning.content.inline_panels import TitledInlinePanel
from borg_learning.models.frontend import LearningPageMixin
from borg_learning.models.ordered import Ordered
from borg_learning.models.themes import colour_hex

INTRO_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]
MODULE_PAGE_TYPES = [
    "borg_learning.SectionPage",
    "borg_learning.BasicModulePage",
    "borg_learning.SpecialistModulePage",
    "borg_learning.CataloguePage",
]


class OpenToSubAppPages:
    """Also accepts the page types of other apps that name this one in their own
    ``parent_page_types``.

    ``subpage_types`` can only list the core's types: a sub-app (the microlessons) may
    not be installed, and the core does not know it. Wagtail asks both sides, so a page
    type of another app that names this one as its parent can now be added below it, and
    no other; the core's own types are the ones ``subpage_types`` lists.
    """

    @classmethod
    def clean_subpage_models(cls):
        own = super().clean_subpage_models()
        named_us = [
            model
            for model in get_page_models()
            if model not in own
            and model._meta.app_label != cls._meta.app_label
            and getattr(model, "parent_page_types", None) is not None
            and cls in model.clean_parent_page_models()
        ]
        return [*own, *named_us]


class LearningEnvironmentPage(OpenToSubAppPages, LearningPageMixin, Page):
    """The start page: an intro, a link for questions and a frame of coloured buttons."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    feedback_label = models.CharField(
        _("label of the feedback link"),
        max_length=100,
        blank=True,
        help_text=_("E.g. 'Questions or feedback? Let us know.'"),
    )
    feedback_url = models.URLField(_("feedback URL"), blank=True)
    feedback_email = models.EmailField(_("feedback e-mail address"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("feedback_label"),
                FieldRowPanel([FieldPanel("feedback_url"), FieldPanel("feedback_email")]),
            ],
            heading=_("Questions and feedback"),
            help_text=_("A web address or an e-mail address, not both."),
        ),
        TitledInlinePanel(
            "buttons",
            title_field="label",
            heading=_("Buttons"),
            label=_("Button"),
            help_text=_("The coloured buttons on the start page, in this order."),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = MODULE_PAGE_TYPES
    api_fields = [
        APIField("intro", serializer=ResolvedRichTextField()),
        APIField("feedback_label"),
        APIField("feedback_href"),
        APIField("buttons"),
    ]

    class Meta:
        verbose_name = _("learning environment")
        verbose_name_plural = _("learning environments")

    def clean(self):
        super().clean()
        if self.feedback_url and self.feedback_email:
            raise ValidationError(
                {
                    "feedback_email": _(
                        "Fill in a web address or an e-mail address for feedback, not both."
                    )
                }
            )
        if self.feedback_label and not (self.feedback_url or self.feedback_email):
            raise ValidationError(
                {
                    "feedback_url": _(
                        "The feedback link has a label but goes nowhere: add a web address or an "
                        "e-mail address."
                    )
                }
            )

    @property
    def feedback_href(self):
        if self.feedback_email:
            return f"mailto:{self.feedback_email}"
        return self.feedback_url or None


class StartButton(Ordered):
    """A coloured button on the start page that leads to a page, a theme or a website."""

    page = ParentalKey(LearningEnvironmentPage, on_delete=models.CASCADE, related_name="buttons")
    label = models.CharField(_("label"), max_length=100)
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_theme = models.ForeignKey(
        "borg_learning.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="buttons",
    )
    target_url = models.URLField(_("external URL"), blank=True)
    colour = models.CharField(
        _("colour"),
        max_length=32,
        choices=colour_choices,
        blank=True,
        help_text=_("Empty: the colour of the chosen theme."),
    )
    icon = models.CharField(
        _("icon"),
        max_length=32,
        choices=icon_choices,
        blank=True,
        help_text=_("Empty: the icon of the chosen theme."),
    )

    panels = [
        FieldPanel("label"),
        MultiFieldPanel(
            [
                FieldPanel("target_page"),
                FieldPanel("target_theme"),
                FieldPanel("target_url"),
            ],
            heading=_("Leads to"),
            help_text=_("Exactly one: a page, a theme or an external URL."),
        ),
        FieldRowPanel([FieldPanel("colour"), FieldPanel("icon")]),
    ]

    class Target(models.TextChoices):
        PAGE = "page", _("page")
        THEME = "theme", _("theme")
        URL = "url", _("external URL")

    TARGET_FIELDS = ("target_page", "target_theme", "target_url")
    api_fields = [
        APIField("label"),
        APIField("target_type"),
        APIField("target_page", serializer=VisibleReferenceField("page", source="target_page_id")),
        APIField("url", serializer=LinkURLField()),
        APIField(
            "target_theme_slug",
            serializer=CharField(source="target_theme.slug", default=None, read_only=True),
        ),
        APIField("target_url"),
        APIField("resolved_colour"),
        APIField("resolved_colour_hex"),
        APIField("resolved_icon"),
    ]

    class Meta(Ordered.Meta):
        verbose_name = _("button")
        verbose_name_plural = _("buttons")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        chosen = [
            name
            for name in self.TARGET_FIELDS
            if getattr(self, name if name == "target_url" else f"{name}_id")
        ]
        names = {
            "target_page": _("a page"),
            "target_theme": _("a theme"),
            "target_url": _("an external URL"),
        }
        if not chosen:
            raise ValidationError(
                {
                    "target_page": _(
                        "Choose where this button leads: a page, a theme or an external URL."
                    )
                }
            )
        if len(chosen) > 1:
            message = _("A button leads to one place, but %(chosen)s are chosen. Keep one.") % {
                "chosen": _(" and ").join(str(names[name]) for name in chosen)
            }
            raise ValidationError(dict.fromkeys(chosen, message))
        if not self.colour and not self.target_theme_id:
            raise ValidationError({"colour": _("Choose a colour, or a theme to take it from.")})
        if not self.icon and not self.target_theme_id:
            raise ValidationError({"icon": _("Choose an icon, or a theme to take it from.")})

    @property
    def target_type(self):
        if self.target_page_id:
            return self.Target.PAGE
        if self.target_theme_id:
            return self.Target.THEME
        return self.Target.URL

    @property
    def resolved_colour(self):
        return self.colour or (self.target_theme.colour if self.target_theme else "")

    @property
    def resolved_colour_hex(self):
        return colour_hex(self.resolved_colour)

    @property
    def resolved_icon(self):
        return self.icon or (self.target_theme.icon if self.target_theme else "")


class SectionPage(OpenToSubAppPages, LearningPageMixin, Page):
    """A section such as 'Basic modules' or 'Specialist modules', listing its modules."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["borg_learning.LearningEnvironmentPage"]
    api_fields = [APIField("intro", serializer=ResolvedRichTextField())]
    subpage_types = MODULE_PAGE_TYPES[1:]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")


class CataloguePage(LearningPageMixin, Page):
    """The overview of external training offers."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["borg_learning.LearningEnvironmentPage", "borg_learning.SectionPage"]
    api_fields = [APIField("intro", serializer=ResolvedRichTextField())]
    subpage_types = []

    class Meta:
        verbose_name = _("catalogue")
        verbose_name_plural = _("catalogues")
