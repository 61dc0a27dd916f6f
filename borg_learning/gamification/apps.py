from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamificationConfig(AppConfig):
    name = "borg_learning.gamification"
    label = "borg_learning_gamification"
    verbose_name = _("Points and streaks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.gamification import conf, receivers  # noqa: F401  (settings)

        receivers.connect()
