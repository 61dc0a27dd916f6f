"""The admin's form of an LMS platform, whose LRS secret is never shown again once saved
(left empty, the stored one is kept)."""

from wagtail.admin.forms import WagtailAdminModelForm


class PlatformForm(WagtailAdminModelForm):
    def clean_lrs_secret(self):
        # The instance still holds the stored secret: the form writes it only after clean.
        return self.cleaned_data.get("lrs_secret") or self.instance.lrs_secret
