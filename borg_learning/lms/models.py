"""The LMS link's rows: our tool keys, the platforms (LMSs) an administrator registered,
who came from which platform, the launches that want a grade back, and two outboxes: the
scores on their way to the LMSs (sent by ``send_lms_scores``) and the xAPI statements on
their way to the institutions' LRSs (sent by ``send_xapi_statements``). A row of an
outbox is stored first, with what made it; a command sends it later.

A learner who comes from an LMS is known by the platform's opaque user id (``sub``);
their name is stored only when the platform sends it and ``LMS_STORE_NAMES`` allows it.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ToolKey(models.Model):
    """A key pair of this tool: the newest signs (deep linking answers, token requests);
    the JWK set publishes the newest two, so a platform that cached the old one keeps
    verifying while a new key comes in (``rotate_lms_key``)."""

    kid = models.CharField(_("key id"), max_length=64, unique=True)
    private_key = models.TextField(_("private key (PEM)"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("tool key")
        verbose_name_plural = _("tool keys")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.kid


class Platform(models.Model):
    """An LMS of an institution, registered by an administrator with what it told them."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("The institution and its LMS, e.g. 'Trajectum Moodle'."),
    )
    issuer = models.URLField(
        _("issuer"),
        max_length=500,
        help_text=_("The platform ID (iss) the LMS shows for this tool."),
    )
    client_id = models.CharField(
        _("client ID"), max_length=255, help_text=_("The client ID the LMS gave this tool.")
    )
    deployment_ids = models.TextField(
        _("deployment IDs"),
        help_text=_("The deployment IDs the LMS shows for this tool, one per line."),
    )
    keyset_url = models.URLField(
        _("public keyset URL"),
        max_length=500,
        help_text=_("Where the LMS publishes its public keys (JWKS)."),
    )
    auth_login_url = models.URLField(
        _("authentication request URL"),
        max_length=500,
        help_text=_("The LMS's OIDC authentication URL the login is sent to."),
    )
    access_token_url = models.URLField(
        _("access token URL"),
        max_length=500,
        blank=True,
        help_text=_("The LMS's OAuth2 token URL; needed to send grades back."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Switched off: launches from this LMS are refused.")
    )
    xapi_enabled = models.BooleanField(
        _("send statements (xAPI)"),
        default=False,
        help_text=_(
            "Switched on: what this LMS's learners do is sent to the institution's LRS as "
            "xAPI statements (launched, answered, completed, passed or failed)."
        ),
    )
    lrs_endpoint = models.URLField(
        _("LRS endpoint"),
        max_length=500,
        blank=True,
        help_text=_(
            "The xAPI endpoint of the institution's learning record store, e.g. "
            "https://lrs.example.nl/xAPI/ (statements go to its /statements)."
        ),
    )
    lrs_key = models.CharField(
        _("LRS key"),
        max_length=255,
        blank=True,
        help_text=_("The user name (key) of the LRS's basic authentication."),
    )
    lrs_secret = models.CharField(
        _("LRS secret"),
        max_length=255,
        blank=True,
        help_text=_("The password (secret) of the LRS's basic authentication."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("LMS platform")
        verbose_name_plural = _("LMS platforms")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "client_id"], name="lms_one_platform_per_client"
            )
        ]

    def __str__(self):
        return self.name

    def deployments(self) -> set[str]:
        return {line.strip() for line in self.deployment_ids.splitlines() if line.strip()}

    def clean(self):
        super().clean()
        if self.xapi_enabled:
            missing = {
                name: _("Fill this in to send xAPI statements.")
                for name in ("lrs_endpoint", "lrs_key", "lrs_secret")
                if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)

    @staticmethod
    def sending_statements(path: str = "") -> models.Q:
        """The platforms whose learners' statements are stored and sent, as a filter of
        the rows that reach them by ``path`` (``"platform__"`` from a learner's link)."""
        return models.Q(**{f"{path}active": True, f"{path}xapi_enabled": True}) & ~models.Q(
            **{f"{path}lrs_endpoint": ""}
        )

    @property
    def sends_statements(self) -> bool:
        """``sending_statements`` of this row, without a query."""
        return self.active and self.xapi_enabled and bool(self.lrs_endpoint)


class PlatformLearner(models.Model):
    """A learner who came from a platform, under the platform's opaque user id."""

    platform = models.ForeignKey(
        Platform, verbose_name=_("LMS platform"), on_delete=models.CASCADE, related_name="learners"
    )
    subject = models.CharField(_("user ID in the LMS"), max_length=255)
    learner = models.ForeignKey(
        "borg_learning_learners.Learner",
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="lms_links",
    )
    name = models.CharField(_("name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("learner from an LMS")
        verbose_name_plural = _("learners from an LMS")
        constraints = [
            models.UniqueConstraint(
                fields=["platform", "subject"], name="lms_one_learner_per_subject"
            )
        ]

    def __str__(self):
        return f"{self.platform} {self.subject}"


class UsedNonce(models.Model):
    """A nonce of an accepted launch: a second launch with it is a replay."""

    platform = models.ForeignKey(Platform, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=255)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["platform", "nonce"], name="lms_nonce_used_once")
        ]


class TargetKind(models.TextChoices):
    PAGE = "page", _("Module or part")
    ROUTE = "route", _("Learning route")


class Launch(models.Model):
    """A learner's launch of a resource link that wants a grade: where to send it."""

    link = models.ForeignKey(
        PlatformLearner,
        verbose_name=_("learner from an LMS"),
        on_delete=models.CASCADE,
        related_name="launches",
    )
    resource_link_id = models.CharField(_("resource link"), max_length=255)
    deployment_id = models.CharField(_("deployment ID"), max_length=255)
    target_kind = models.CharField(_("target"), max_length=8, choices=TargetKind.choices)
    target_id = models.PositiveBigIntegerField(_("target id"))
    lineitem_url = models.URLField(_("line item URL"), max_length=1000, blank=True)
    updated_at = models.DateTimeField(_("launched at"), default=timezone.now)

    class Meta:
        verbose_name = _("launch")
        verbose_name_plural = _("launches")
        constraints = [
            models.UniqueConstraint(
                fields=["link", "resource_link_id"], name="lms_one_launch_per_link"
            )
        ]
        indexes = [models.Index(fields=["target_kind", "target_id"], name="lms_launch_target")]

    def __str__(self):
        return f"{self.link} {self.resource_link_id}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


#: A score's status: the outbox's.
ScoreStatus = OutboxStatus


class OutboxRow(models.Model):
    """What an outbox keeps of each row on its way: sent by a command, never in a learner's
    request; failed attempts wait longer each time, then stop (failed: a dead letter an
    administrator can send again)."""

    status = models.CharField(
        _("status"), max_length=8, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        abstract = True


class Score(OutboxRow):
    """A score for the LMS, stored when the learner completed what they launched and sent
    by ``send_lms_scores``."""

    launch = models.OneToOneField(
        Launch, verbose_name=_("launch"), on_delete=models.CASCADE, related_name="score"
    )
    payload = models.JSONField(_("score as sent"))

    class Meta:
        verbose_name = _("score for an LMS")
        verbose_name_plural = _("scores for an LMS")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="lms_score_due")]

    def __str__(self):
        return f"{self.launch} {self.payload.get('scoreGiven')}/{self.payload.get('scoreMaximum')}"


class Statement(OutboxRow):
    """An xAPI statement for the LRS of the platform a learner came from, stored with the
    fact it tells (or right after its commit) and sent by ``send_xapi_statements``. Its
    ``statement_id`` is the statement's ``id``: an LRS stores a statement once per id, so
    sending one again never makes a duplicate."""

    link = models.ForeignKey(
        PlatformLearner,
        verbose_name=_("learner from an LMS"),
        on_delete=models.CASCADE,
        related_name="statements",
    )
    statement_id = models.UUIDField(_("statement id"), default=uuid.uuid4, unique=True)
    verb = models.CharField(_("verb"), max_length=32)
    payload = models.JSONField(_("statement as sent"))

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="lms_statement_due")]

    def __str__(self):
        return f"{self.verb} {self.activity_name()}".strip()

    def activity_name(self) -> str:
        """The statement's activity: its name, or its id when it has none."""
        activity = self.payload.get("object", {})
        names = activity.get("definition", {}).get("name", {})
        return next(iter(names.values()), "") or activity.get("id", "")
