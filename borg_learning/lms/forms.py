"""The platform's form in the admin: the LRS secret is never shown again once saved, and
leaving it empty keeps the stored one."""

from wagtail.admin.forms import WagtailAdminModelForm

from borg_learning.lms.models import Platform


class PlatformForm(WagtailAdminModelForm):
    def clean_lrs_secret(self):
        secret = self.cleaned_data.get("lrs_secret")
        if secret or not self.instance.pk:
            return secret
        stored = Platform.objects.filter(pk=self.instance.pk).values_list("lrs_secret", flat=True)
        return stored.first() or ""
