from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MicrolearningConfig(AppConfig):
    name = "borg_learning.microlearning"
    label = "borg_learning_microlearning"
    verbose_name = _("Microlearning")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.microlearning import conf  # noqa: F401  (settings)
