"""What the check found for each link of the catalogue: the offer's own link and its
chapters' links, one row each, kept in step with the catalogue (``links.py``)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LinkState(models.TextChoices):
    UNCHECKED = "unchecked", _("Not checked yet")
    OK = "ok", _("Works")
    REDIRECTED = "redirected", _("Redirected")
    BROKEN = "broken", _("Broken")


class LinkProblem(models.TextChoices):
    """Why a link is broken."""

    HTTP_ERROR = "http", _("The site answers with an error")
    TIMEOUT = "timeout", _("No answer in time")
    TLS = "tls", _("The secure connection (HTTPS) fails")
    CONNECTION = "connection", _("The site cannot be reached")
    REDIRECTS = "redirects", _("Too many redirects")
    INVALID = "invalid", _("Not a valid web address")


class CheckedLink(models.Model):
    """One link of an active or inactive offer and the last answer its site gave.

    ``url`` is always the catalogue's current link: when an editor changes it, the
    result of the old link is dropped (``links.sync_offering``). A mark "checked by
    hand" stays until the check finds something else than the editor saw.
    """

    offering = models.ForeignKey(
        "borg_learning.Offering",
        verbose_name=_("offer"),
        on_delete=models.CASCADE,
        related_name="checked_links",
    )
    chapter = models.ForeignKey(
        "borg_learning.OfferingChapter",
        verbose_name=_("chapter"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="checked_links",
    )
    url = models.URLField(_("link"), max_length=500)
    state = models.CharField(
        _("state"), max_length=16, choices=LinkState.choices, default=LinkState.UNCHECKED
    )
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("final link"), max_length=2000, blank=True)
    redirects = models.JSONField(
        _("redirects"),
        default=list,
        blank=True,
        help_text=_("Every redirect on the way: its HTTP status and the address that gave it."),
    )
    problem = models.CharField(_("problem"), max_length=16, choices=LinkProblem.choices, blank=True)
    detail = models.CharField(
        _("details"), max_length=300, blank=True, help_text=_("What went wrong, technically.")
    )
    method = models.CharField(_("method"), max_length=4, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    hand_checked_at = models.DateTimeField(_("checked by hand at"), null=True, blank=True)
    hand_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked by hand by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("checked link")
        verbose_name_plural = _("checked links")
        constraints = [
            models.UniqueConstraint(
                fields=["offering"],
                condition=Q(chapter__isnull=True),
                name="linkcheck_one_link_per_offer",
            ),
            models.UniqueConstraint(
                fields=["chapter"],
                condition=Q(chapter__isnull=False),
                name="linkcheck_one_link_per_chapter",
            ),
        ]
        indexes = [models.Index(fields=["state", "checked_at"], name="linkcheck_state_checked")]

    def __str__(self):
        return self.url

    @property
    def last_checked_at(self):
        """The later of the automatic check and the check by hand."""
        moments = [moment for moment in (self.checked_at, self.hand_checked_at) if moment]
        return max(moments) if moments else None

    @property
    def chapter_title(self):
        return self.chapter.title if self.chapter_id else ""

    @property
    def redirect_summary(self):
        """The redirects as one line: "301 https://a → 302 https://b"."""
        return " → ".join(f"{hop['status']} {hop['url']}" for hop in self.redirects)

    @property
    def hand_checked_by_name(self):
        user = self.hand_checked_by
        return (user.get_full_name() or user.get_username()) if user else ""

    @property
    def without_tls(self):
        """The link ends on a plain-HTTP address: it works, but not over HTTPS."""
        return (self.final_url or self.url).startswith("http://")
