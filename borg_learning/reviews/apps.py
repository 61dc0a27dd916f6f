from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewsConfig(AppConfig):
    name = "borg_learning.reviews"
    label = "borg_learning_reviews"
    verbose_name = _("Daily review")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.reviews import conf, receivers  # noqa: F401  (settings)

        receivers.connect()
