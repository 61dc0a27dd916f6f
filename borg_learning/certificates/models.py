"""A certificate: what a learner completed, as it was when they asked for the proof.

The facts printed on it (the name the learner typed, the title, duration, completion date,
development group and issuer) are copied when it is issued, so a certificate stays true
when the module is edited, moved or deleted later. Deleting the learner deletes their
certificates (``on_delete=CASCADE``); its code then verifies no more.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

CODE_LENGTH = 12


class Certificate(models.Model):
    """Proof that a learner completed a subject (a module; a route once routes register)."""

    learner = models.ForeignKey(
        "borg_learning_learners.Learner",
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    subject_kind = models.CharField(
        _("kind of subject"), max_length=16, help_text=_("What was completed, e.g. MODULE.")
    )
    subject_id = models.PositiveBigIntegerField(
        _("subject id"), help_text=_("The id of the module (or route) completed.")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("As the learner typed it."))
    title = models.CharField(_("title"), max_length=255)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    completed_on = models.DateField(_("completed on"))
    development_group = models.CharField(_("development group"), max_length=200, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    code = models.CharField(
        _("verification code"),
        max_length=CODE_LENGTH,
        unique=True,
        help_text=_("Printed on the certificate; anyone with it can check the certificate."),
    )

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        # Not unique per name: a learner's row lock keeps ``issue()`` from making one
        # twice, and a merge of two learners keeps both their certificates (both printed).
        indexes = [
            models.Index(
                fields=["learner", "subject_kind", "subject_id"], name="certificates_of_subject"
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.shown_code})"

    @property
    def shown_code(self):
        """The code as printed: three groups of four."""
        return "-".join(self.code[start : start + 4] for start in range(0, CODE_LENGTH, 4))
