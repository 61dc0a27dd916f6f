from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoutesConfig(AppConfig):
    name = "borg_learning.routes"
    label = "borg_learning_routes"
    verbose_name = _("Learning routes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.routes import receivers

        receivers.connect()
