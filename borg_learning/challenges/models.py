"""Challenges editors set, and the moment a learner reached one.

A ``Challenge`` is a goal for a period of whole days ("this month: 5 microlessons"): what
counts (``Goal``), how many, optionally only of one theme. It has no drafts: it runs
between its dates. A learner's progress is not stored; it is counted from what they did
in that period (``progress``). What is stored is the moment they reached the target, once
(``ChallengeCompletion``), kept when the challenge is edited later. Deleting a learner
deletes theirs (``on_delete=CASCADE``).
"""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from borg_learning.learners.models import Learner


class Goal(models.TextChoices):
    """What a challenge counts, of what the learner did inside its dates."""

    MICROLESSONS = "microlessons", _("Microlessons completed")
    PARTS = "parts", _("Module parts completed")
    MODULES = "modules", _("Modules completed")
    REVIEWS = "reviews", _("Reviews done")
    RECALLED = "recalled", _("Reviews recalled")
    LEARNING_DAYS = "learning_days", _("Learning days")


#: The goals that can count only one theme's content: microlessons name a theme, parts
#: and modules are their module's themes'.
THEMED_GOALS = frozenset({Goal.MICROLESSONS, Goal.PARTS, Goal.MODULES})

#: The app each goal needs besides the learners: it records what the goal counts.
NEEDS = {
    Goal.MICROLESSONS: "borg_learning.microlearning",
    Goal.REVIEWS: "borg_learning.reviews",
    Goal.RECALLED: "borg_learning.reviews",
}


def available(goal) -> bool:
    """Whether the app that records what ``goal`` counts is installed."""
    return goal not in NEEDS or apps.is_installed(NEEDS[goal])


class ChallengeQuerySet(models.QuerySet):
    def active(self, today: datetime.date | None = None) -> "ChallengeQuerySet":
        """The challenges running on ``today`` (default: today, in the site's time zone)."""
        today = today or timezone.localdate()
        return self.filter(starts_on__lte=today, ends_on__gte=today)

    def inactive(self, today: datetime.date | None = None) -> "ChallengeQuerySet":
        """The challenges that ended or have not started yet."""
        today = today or timezone.localdate()
        return self.exclude(starts_on__lte=today, ends_on__gte=today)


class Challenge(index.Indexed, models.Model):
    """A time-boxed goal for every learner; see the module's docstring."""

    title = models.CharField(
        _("title"), max_length=255, help_text=_("E.g. 'Deze maand: 5 microlessen'.")
    )
    description = models.TextField(
        _("short description"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences: what to do and why."),
    )
    goal = models.CharField(_("goal"), max_length=16, choices=Goal.choices)
    target = models.PositiveIntegerField(
        _("target"),
        validators=[MinValueValidator(1, message=_("The target is at least 1."))],
        help_text=_("How many the learner needs within the dates."),
    )
    theme = models.ForeignKey(
        "borg_learning.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "Optional: count only the microlessons, parts or modules of this theme. Leave "
            "empty for reviews and learning days."
        ),
    )
    starts_on = models.DateField(_("start date"), help_text=_("The first day that counts."))
    ends_on = models.DateField(_("end date"), help_text=_("The last day that counts."))

    objects = ChallengeQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("goal"), FieldPanel("target"), FieldPanel("theme")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-starts_on", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        problems = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            problems["ends_on"] = _("The end date is before the start date.")
        if self.goal and not available(self.goal):
            problems["goal"] = _("This site does not record %(goal)s: choose another goal.") % {
                "goal": str(Goal(self.goal).label).lower()
            }
        if self.theme_id is not None and self.goal and self.goal not in THEMED_GOALS:
            problems["theme"] = _(
                "Only microlessons, parts and modules belong to a theme: leave the theme "
                "empty for %(goal)s."
            ) % {"goal": str(Goal(self.goal).label).lower()}
        if problems:
            raise ValidationError(problems)

    def is_active(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on

    def days_left(self, today: datetime.date | None = None) -> int:
        """The days that still count, today included: 0 once it ended; all of them before
        it starts."""
        today = today or timezone.localdate()
        return max(0, (self.ends_on - max(today, self.starts_on)).days + 1)

    @property
    def period(self) -> tuple[datetime.datetime, datetime.datetime]:
        """[start, end) of the dates as moments in the site's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.starts_on, datetime.time(), zone)
        end = datetime.datetime.combine(
            self.ends_on + datetime.timedelta(days=1), datetime.time(), zone
        )
        return start, end


class ChallengeCompletion(models.Model):
    """The moment a learner reached a challenge's target: stored once, kept after edits."""

    challenge = models.ForeignKey(
        Challenge,
        verbose_name=_("challenge"),
        on_delete=models.CASCADE,
        related_name="completions",
    )
    learner = models.ForeignKey(
        Learner,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="challenge_completions",
    )
    completed_at = models.DateTimeField(_("completed at"))

    class Meta:
        verbose_name = _("completed challenge")
        verbose_name_plural = _("completed challenges")
        constraints = [
            models.UniqueConstraint(
                fields=["challenge", "learner"], name="borg_learning_challenge_completed_once"
            )
        ]

    def __str__(self):
        return f"{self.challenge_id}/{self.learner_id}"
