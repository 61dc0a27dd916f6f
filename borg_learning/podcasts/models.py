"""What the editors say about their podcast, per Wagtail site: the name, the cover
and who makes it, as podcast apps (Apple Podcasts first) show them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from borg_learning.conf import site_name


class PodcastCategory(models.TextChoices):
    """Apple Podcasts' categories that fit learning for care professionals, as
    "Category" or "Category > Subcategory" in Apple's own (English) words."""

    EDUCATION = "Education", "Education"
    COURSES = "Education > Courses", "Education › Courses"
    HOW_TO = "Education > How To", "Education › How To"
    SELF_IMPROVEMENT = "Education > Self-Improvement", "Education › Self-Improvement"
    MENTAL_HEALTH = "Health & Fitness > Mental Health", "Health & Fitness › Mental Health"
    MEDICINE = "Health & Fitness > Medicine", "Health & Fitness › Medicine"
    SOCIAL_SCIENCES = "Science > Social Sciences", "Science › Social Sciences"


@register_setting(icon="media")
class PodcastSettings(BaseSiteSetting):
    title = models.CharField(
        _("title"),
        max_length=255,
        default="Leren onderweg",
        help_text=_(
            "The podcast's name; a theme's podcast adds the theme: 'Leren onderweg – SGG'."
        ),
    )
    description = models.TextField(
        _("description"),
        default="De audio van de modules en microlessen, om onderweg te beluisteren.",
        help_text=_("What the podcast is about, for the podcast app's page."),
    )
    author = models.CharField(
        _("author"), max_length=255, default=site_name, help_text=_("Who makes the podcast.")
    )
    owner_name = models.CharField(_("owner's name"), max_length=255, default=site_name)
    owner_email = models.EmailField(
        _("owner's email address"),
        blank=True,
        help_text=_("Podcast directories send their questions and checks here; it is public."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A square image of at least 1400 by 1400 pixels (Apple's minimum); empty: the "
            "app's own cover."
        ),
    )
    category = models.CharField(
        _("category"),
        max_length=64,
        choices=PodcastCategory.choices,
        default=PodcastCategory.COURSES,
        help_text=_("The category in podcast directories (Apple's list)."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("category"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_email")]),
            ],
            heading=_("Maker"),
        ),
    ]

    class Meta:
        verbose_name = _("podcast")
