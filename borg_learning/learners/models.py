"""A learner, the tokens that identify them, and what they did and completed.

Nothing here names a person: a learner is a random token held by a browser (only its hash
is stored), optionally the account of a signed-in user, and the dates it was made and
last seen. Deleting a learner deletes everything of theirs (``on_delete=CASCADE``).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Learner(models.Model):
    """Someone learning: anonymous (known by tokens) or a signed-in user's."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="learning_learner",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_seen = models.DateField(
        _("last seen"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("Updated at most once a day."),
    )

    class Meta:
        verbose_name = _("learner")
        verbose_name_plural = _("learners")

    def __str__(self):
        return f"Learner {self.pk}"

    @property
    def is_anonymous(self):
        return self.user_id is None


class LearnerToken(models.Model):
    """A device's key to a learner: the SHA-256 of the token the browser keeps."""

    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="tokens"
    )
    digest = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("learner token")
        verbose_name_plural = _("learner tokens")


class TransferCode(models.Model):
    """A short, single-use code that gives another device a token of the same learner."""

    learner = models.ForeignKey(
        Learner,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="transfer_codes",
    )
    digest = models.CharField(_("code hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("transfer code")
        verbose_name_plural = _("transfer codes")


class BlockKind(models.TextChoices):
    """What progress is about: a block of a module body, or the page itself."""

    TEXT = "text", _("Text")
    IMAGE = "image", _("Image")
    AUDIO = "audio", _("Audio")
    VIDEO = "video", _("Video")
    EXERCISE = "exercise", _("Exercise")
    DOWNLOAD = "download", _("Download")
    LINK = "link", _("Link")
    PAGE = "page", _("Page")


class Event(models.TextChoices):
    """What a learner did with a block (or a page)."""

    SEEN = "seen", _("Seen")
    PLAYED = "played", _("Played")
    ANSWERED = "answered", _("Answered")
    OPENED = "opened", _("Opened")


class BlockProgress(models.Model):
    """What one learner did with one block of one page; ``block_id`` is empty for the
    page itself (seen). ``module`` is empty for a page of no module (a microlesson)."""

    learner = models.ForeignKey(
        Learner,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="block_progress",
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "borg_learning.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    block_id = models.CharField(_("block"), max_length=64, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=BlockKind.choices)
    played = models.FloatField(
        _("played"), null=True, blank=True, help_text=_("The largest part played, 0 to 1.")
    )
    answer = models.JSONField(_("answer"), default=list, blank=True)
    text = models.TextField(_("reflection"), blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("block progress")
        verbose_name_plural = _("block progress")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "page", "block_id"], name="learners_one_progress_per_block"
            )
        ]
        indexes = [models.Index(fields=["learner", "module"], name="learners_progress_module")]


class Completion(models.Model):
    """A page a learner completed: a module part, a basic module, or a whole module.

    A module's own completion is the row whose page is the module (``page == module``);
    a part's row names its module, and the row of a page of no module (a microlesson)
    none. Rows are kept when the content changes later.
    """

    learner = models.ForeignKey(
        Learner, verbose_name=_("learner"), on_delete=models.CASCADE, related_name="completions"
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    module = models.ForeignKey(
        "borg_learning.ModulePage",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        constraints = [
            models.UniqueConstraint(fields=["learner", "page"], name="learners_one_completion")
        ]

    @property
    def is_module(self):
        return self.module_id is not None and self.page_id == self.module_id
