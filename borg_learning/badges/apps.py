from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BadgesConfig(AppConfig):
    name = "borg_learning.badges"
    label = "borg_learning_badges"
    verbose_name = _("Badges")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.badges import checks, conf, receivers  # noqa: F401  (settings, checks)

        receivers.connect()
