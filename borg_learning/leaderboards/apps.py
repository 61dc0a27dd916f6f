from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeaderboardsConfig(AppConfig):
    name = "borg_learning.leaderboards"
    label = "borg_learning_leaderboards"
    verbose_name = _("Leaderboards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.leaderboards import conf, receivers  # noqa: F401  (settings)

        receivers.connect()
