from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuotesConfig(AppConfig):
    name = "borg_learning.quotes"
    label = "borg_learning_quotes"
    verbose_name = _("Group quotes")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.quotes import conf  # noqa: F401  (settings)
