from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearnersConfig(AppConfig):
    name = "borg_learning.learners"
    label = "borg_learning_learners"
    verbose_name = _("Learners")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.learners import checks, conf  # noqa: F401  (settings and checks)
