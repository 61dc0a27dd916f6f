from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "borg_learning.lms"
    label = "borg_learning_lms"
    verbose_name = _("LMS links")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.lms import checks, conf, receivers  # noqa: F401  (settings, checks)

        receivers.connect()
