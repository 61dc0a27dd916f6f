from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "borg_learning.challenges"
    label = "borg_learning_challenges"
    verbose_name = _("Challenges")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.challenges import receivers

        receivers.connect()
