"""The points ledger, the rules that say what pays, and a learner's learning days.

An award stores the points it paid, so editing a rule never changes an earlier award, and
is unique per learner, rule and subject, so a repeated event never pays twice.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from borg_learning.learners.models import Learner


class Rule(models.TextChoices):
    """What pays points; each pays once per subject."""

    PART_COMPLETED = "part", _("Module part completed")
    MODULE_COMPLETED = "module", _("Module completed")
    ROUTE_COMPLETED = "route", _("Learning route completed")
    MICROLESSON_COMPLETED = "microlesson", _("Microlesson completed")
    REVIEW_RECALLED = "review", _("Review card recalled")
    STREAK_MILESTONE = "streak", _("Learning streak milestone")


class PointsAward(models.Model):
    """Points paid to a learner for one rule and one subject ("page:42", "route:7",
    "exercise:42/<block>:2026-11-30", "streak:7")."""

    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="points_awards", verbose_name=_("learner")
    )
    rule = models.CharField(_("rule"), max_length=16, choices=Rule.choices)
    subject = models.CharField(_("subject"), max_length=160)
    points = models.PositiveIntegerField(_("points"))
    awarded_at = models.DateTimeField(_("awarded at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("points award")
        verbose_name_plural = _("points awards")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "rule", "subject"], name="borg_learning_points_once"
            )
        ]
        indexes = [
            models.Index(fields=["learner", "-awarded_at"], name="borg_learning_points_recent")
        ]

    def __str__(self):
        return f"{self.points} × {self.rule} {self.subject}"


def points_field(label, default, help_text):
    return models.PositiveIntegerField(
        label, default=default, validators=[MaxValueValidator(10000)], help_text=help_text
    )


@register_setting(icon="pick")
class PointsRules(BaseGenericSetting):
    """The points each rule pays, edited by the Borgbureau; the defaults hold until then."""

    part_completed = points_field(
        _("module part completed"), 10, _("For each part of a specialist module, once.")
    )
    module_completed = points_field(
        _("module completed"), 50, _("For each module completed, once.")
    )
    route_completed = points_field(
        _("learning route completed"), 100, _("For each learning route completed, once.")
    )
    microlesson_completed = points_field(
        _("microlesson completed"), 5, _("For each microlesson completed, once.")
    )
    review_recalled = points_field(
        _("review card recalled"),
        2,
        _("For a right answer in the daily review, at most once per card per day."),
    )
    streak_milestone = points_field(
        _("learning streak milestone"),
        25,
        _("For each milestone of the daily learning streak (such as 7 and 30 days), once."),
    )

    panels = [
        HelpPanel(
            _(
                "Points reward learning, never the same thing twice. A change applies to "
                "what learners do from now on; points already awarded stay as they are. "
                "0 turns a rule off."
            )
        ),
        FieldPanel("part_completed"),
        FieldPanel("module_completed"),
        FieldPanel("route_completed"),
        FieldPanel("microlesson_completed"),
        FieldPanel("review_recalled"),
        FieldPanel("streak_milestone"),
    ]

    #: The field of each rule.
    FIELDS = {
        Rule.PART_COMPLETED: "part_completed",
        Rule.MODULE_COMPLETED: "module_completed",
        Rule.ROUTE_COMPLETED: "route_completed",
        Rule.MICROLESSON_COMPLETED: "microlesson_completed",
        Rule.REVIEW_RECALLED: "review_recalled",
        Rule.STREAK_MILESTONE: "streak_milestone",
    }

    class Meta:
        verbose_name = _("points rules")
        verbose_name_plural = _("points rules")

    @classmethod
    def current(cls) -> "PointsRules":
        """The edited rules, or the defaults when nobody edited them (nothing is written)."""
        return cls.objects.first() or cls()

    def points_for(self, rule: Rule) -> int:
        return getattr(self, self.FIELDS[rule])


class LearningDay(models.Model):
    """A day (local date) the learner learned: answered, completed or reviewed something."""

    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="learning_days", verbose_name=_("learner")
    )
    date = models.DateField(_("date"))

    class Meta:
        verbose_name = _("learning day")
        verbose_name_plural = _("learning days")
        constraints = [
            models.UniqueConstraint(fields=["learner", "date"], name="borg_learning_learning_day")
        ]

    def __str__(self):
        return str(self.date)


class StreakFreeze(models.Model):
    """A day the learner planned to be away: it keeps the streak alive, without adding."""

    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="streak_freezes", verbose_name=_("learner")
    )
    date = models.DateField(_("date"))
    planned_at = models.DateTimeField(_("planned at"), default=timezone.now)

    class Meta:
        verbose_name = _("freeze day")
        verbose_name_plural = _("freeze days")
        constraints = [
            models.UniqueConstraint(fields=["learner", "date"], name="borg_learning_streak_freeze")
        ]

    def __str__(self):
        return str(self.date)
