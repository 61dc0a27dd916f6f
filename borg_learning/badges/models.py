"""Badges editors make, and the badges learners earned.

A ``Badge`` is a snippet: a name, a description, an image and one criterion (``Criterion``)
with its parameter. A ``BadgeAward`` is a badge a learner earned: once per badge and
learner (a unique constraint), with a copy of what the badge said when it was earned, so
editing a badge's criterion later changes no earlier award. A badge with awards cannot be
deleted (``PROTECT``): switch it off instead. Deleting a learner deletes their awards.
"""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

#: The largest number a criterion may ask (modules, days, reviews).
MAX_COUNT = 10000


class Criterion(models.TextChoices):
    """What a learner does to earn a badge."""

    MODULES = "modules", _("A number of modules completed")
    THEME = "theme", _("All modules of a theme completed")
    ROUTE = "route", _("A learning route completed")
    STREAK = "streak", _("A learning streak of a number of days")
    REVIEWS = "reviews", _("A number of reviews recalled")
    FIRST_MICROLESSON = "first_microlesson", _("First microlesson completed")


#: The criteria with a number (``Badge.count``).
COUNTED = (Criterion.MODULES, Criterion.STREAK, Criterion.REVIEWS)


class Badge(index.Indexed, models.Model):
    """A badge learners earn at once when they meet its criterion."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("description"), help_text=_("What the badge stands for, for the learner who earns it.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    image_description = models.CharField(
        _("image description"),
        max_length=255,
        help_text=_("What the image shows, for learners who cannot see it."),
    )
    criterion = models.CharField(
        _("criterion"), max_length=20, choices=Criterion.choices, default=Criterion.MODULES
    )
    count = models.PositiveIntegerField(
        _("number"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Fill in a number of 1 or more.")),
            MaxValueValidator(MAX_COUNT, _("Fill in a number of at most %(limit_value)s.")),
        ],
        help_text=_("Modules, days in a row or reviews recalled: how many."),
    )
    theme = models.ForeignKey(
        "borg_learning.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("All modules of a theme: the theme (its modules published when it counts)."),
    )
    route = models.ForeignKey(
        "borg_learning_routes.Route",
        verbose_name=_("learning route"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A learning route completed: this route; leave empty for any route."),
    )
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Only active badges are shown and earned; earned badges stay earned."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_description")], _("Image")),
        MultiFieldPanel(
            [
                FieldPanel("criterion"),
                FieldPanel("count"),
                FieldPanel("theme"),
                FieldPanel("route"),
            ],
            _("Criterion"),
        ),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("badge")
        verbose_name_plural = _("badges")

    def __str__(self):
        return self.name

    def clean(self):
        """The criterion's parameter is there (and the others are emptied)."""
        errors = {}
        if self.criterion in COUNTED:
            if self.count is None:
                errors["count"] = _("Fill in how many: a number of 1 or more.")
        else:
            self.count = None
        if self.criterion == Criterion.THEME:
            if self.theme_id is None:
                errors["theme"] = _("Choose the theme whose modules a learner completes.")
        else:
            self.theme = None
        if self.criterion != Criterion.ROUTE:
            self.route = None
        if errors:
            raise ValidationError(errors)

    def criterion_text(self) -> str:
        """What a learner does to earn it, in the active language ("Rond 3 modules af.")."""
        count = self.count or 0
        match self.criterion:
            case Criterion.MODULES:
                return ngettext(
                    "Complete %(count)s module.", "Complete %(count)s modules.", count
                ) % {"count": count}
            case Criterion.THEME:
                return _("Complete all modules of the theme %(theme)s.") % {
                    "theme": self.theme.name if self.theme else "?"
                }
            case Criterion.ROUTE:
                if self.route_id is None:
                    return str(_("Complete a learning route."))
                return _("Complete the learning route %(route)s.") % {"route": self.route.title}
            case Criterion.STREAK:
                return ngettext(
                    "Learn %(count)s day in a row.", "Learn %(count)s days in a row.", count
                ) % {"count": count}
            case Criterion.REVIEWS:
                return ngettext(
                    "Recall %(count)s card in the daily review.",
                    "Recall %(count)s cards in the daily review.",
                    count,
                ) % {"count": count}
            case _:
                return str(_("Complete your first microlesson."))


class BadgeAward(models.Model):
    """A badge a learner earned, with what the badge said then."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    badge = models.ForeignKey(
        Badge, verbose_name=_("badge"), on_delete=models.PROTECT, related_name="awards"
    )
    learner = models.ForeignKey(
        "borg_learning_learners.Learner",
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="badge_awards",
    )
    awarded_at = models.DateTimeField(_("awarded at"), default=timezone.now, db_index=True)
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(_("description"))
    criterion = models.TextField(_("criterion"), help_text=_("As it was when it was earned."))

    class Meta:
        ordering = ["awarded_at", "pk"]
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        constraints = [
            models.UniqueConstraint(fields=["badge", "learner"], name="borg_learning_badge_once")
        ]

    def __str__(self):
        return f"{self.name} ({self.awarded_at:%Y-%m-%d})"
