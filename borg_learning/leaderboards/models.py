"""The organisations learners compete for, and a learner's membership of the boards.

A membership is the learner's opt-in: without one they are on no board. It holds a
generated pseudonym (unique, never typed by anyone) and, optionally, the organisation
whose board the learner is on besides the overall one. Editors see the organisations,
never the memberships: no view puts a pseudonym next to a learner.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from borg_learning.conf import learning_settings
from borg_learning.content.slug_panels import NameFieldPanel, slug_panel
from borg_learning.leaderboards import conf  # noqa: F401  (settings)
from borg_learning.learners.models import Learner


class Organisation(models.Model):
    """A Borg institution (or team) whose members share a weekly board and a total."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The name in the API, for example de-borg-noord."),
    )

    panels = [NameFieldPanel("name"), slug_panel()]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class LeaderboardMembership(models.Model):
    """A learner who joined the leaderboards, under a generated pseudonym."""

    learner = models.OneToOneField(
        Learner,
        on_delete=models.CASCADE,
        related_name="leaderboard_membership",
        verbose_name=_("learner"),
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=80, unique=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)
    #: The day of the latest new pseudonym, and how many were drawn on it.
    drawn_on = models.DateField(_("last drawn on"), null=True, blank=True)
    drawn_count = models.PositiveSmallIntegerField(_("drawn that day"), default=0)

    class Meta:
        verbose_name = _("leaderboard membership")
        verbose_name_plural = _("leaderboard memberships")

    def __str__(self):
        return self.pseudonym

    def draws_left(self, today) -> int:
        used = self.drawn_count if self.drawn_on == today else 0
        return max(learning_settings.LEADERBOARD_PSEUDONYMS_PER_DAY - used, 0)
