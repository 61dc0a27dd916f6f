"""A learner's review cards and the log of their reviews.

The scheduler's state is kept in plain fields (no type of the scheduling library), so
another scheduler can take over the same rows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from borg_learning.learners.models import Learner


class CardState(models.IntegerChoices):
    LEARNING = 1, _("Learning")
    REVIEW = 2, _("Review")
    RELEARNING = 3, _("Relearning")


class ReviewCard(models.Model):
    """One exercise a learner answered, to be reviewed when it is due."""

    learner = models.ForeignKey(
        Learner, on_delete=models.CASCADE, related_name="review_cards", verbose_name=_("learner")
    )
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    block_id = models.CharField(_("exercise"), max_length=64)
    due = models.DateTimeField(_("due"), db_index=True)
    stability = models.FloatField(_("stability"), null=True, blank=True)
    difficulty = models.FloatField(_("difficulty"), null=True, blank=True)
    state = models.PositiveSmallIntegerField(
        _("state"), choices=CardState.choices, default=CardState.LEARNING
    )
    step = models.PositiveSmallIntegerField(_("step"), null=True, blank=True)
    last_review = models.DateTimeField(_("last review"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review card")
        verbose_name_plural = _("review cards")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "page", "block_id"], name="borg_learning_review_card_once"
            )
        ]
        indexes = [models.Index(fields=["learner", "due"], name="borg_learning_review_due")]

    def __str__(self):
        return f"{self.page_id}/{self.block_id}"


class ReviewSource(models.TextChoices):
    EXERCISE = "exercise", _("First answer to the exercise")
    REVIEW = "review", _("Daily review")


class ReviewLog(models.Model):
    """One review of a card, as the scheduler rated it; kept to tune the scheduler."""

    card = models.ForeignKey(
        ReviewCard, on_delete=models.CASCADE, related_name="logs", verbose_name=_("card")
    )
    source = models.CharField(_("source"), max_length=16, choices=ReviewSource.choices)
    rating = models.PositiveSmallIntegerField(_("rating"))
    correct = models.BooleanField(_("correct"))
    answer = models.JSONField(_("answer"), default=list, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"))
    scheduler = models.CharField(_("scheduler"), max_length=255)

    class Meta:
        verbose_name = _("review log")
        verbose_name_plural = _("review logs")
        ordering = ["reviewed_at", "pk"]

    def __str__(self):
        return f"{self.card_id} {self.reviewed_at:%Y-%m-%d %H:%M}"
