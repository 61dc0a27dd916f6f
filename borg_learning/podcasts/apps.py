from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PodcastsConfig(AppConfig):
    name = "borg_learning.podcasts"
    label = "borg_learning_podcasts"
    verbose_name = _("Podcasts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.podcasts import conf  # noqa: F401  (settings)
