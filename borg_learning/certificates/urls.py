"""``/learning/certificates/<code>/`` (the verification page) and ``<code>.pdf``; the
core's ``borg_learning.urls`` includes them through the hook ``register_learning_urls``."""

from django.urls import path, register_converter

from borg_learning.certificates import views


class CodeConverter:
    """A certificate code as printed (``K7QM-3XPD-9WHT``) or without hyphens."""

    regex = "[0-9A-Za-z-]{1,24}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "certificate_code")

app_name = "borg_learning_certificates"
urlpatterns = [
    path("<certificate_code:code>.pdf", views.certificate_pdf, name="pdf"),
    path("<certificate_code:code>/", views.verify_certificate, name="verify"),
]
