from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LinkcheckConfig(AppConfig):
    name = "borg_learning.linkcheck"
    label = "borg_learning_linkcheck"
    verbose_name = _("Catalogue link health")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.linkcheck import conf, receivers  # noqa: F401  (settings)

        receivers.connect()
