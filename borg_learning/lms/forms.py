"""The admin's forms of the LMS link: the platform's, whose LRS secret is never shown
again once saved (left empty, the stored one is kept), and the outboxes' rows, which the
site makes and an administrator only edits."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class PlatformForm(WagtailAdminModelForm):
    def clean_lrs_secret(self):
        # The instance still holds the stored secret: the form writes it only after clean.
        return self.cleaned_data.get("lrs_secret") or self.instance.lrs_secret


class OutboxRowForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            raise ValidationError(
                _(
                    "Scores and statements are made by the site when learners learn; they "
                    "cannot be added by hand."
                )
            )
        return cleaned_data
