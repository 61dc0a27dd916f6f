from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "borg_learning.certificates"
    label = "borg_learning_certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from borg_learning.certificates import conf  # noqa: F401  (settings)
        from borg_learning.certificates.signal_handlers import move_certificates
        from borg_learning.learners.signals import learners_merged

        learners_merged.connect(move_certificates, dispatch_uid="borg_learning_certificates")
