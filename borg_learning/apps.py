from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BorgLearningConfig(AppConfig):
    name = "borg_learning"
    label = "borg_learning"
    verbose_name = _("Learning environment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning import checks  # noqa: F401  (registers the system checks)
        from borg_learning.api.graphql.response_cache import connect_signals
        from borg_learning.signal_handlers import connect

        connect()
        connect_signals()
