"""The certificate on paper: a PDF made by WeasyPrint from a Django template.

It shows what was copied when the certificate was issued, in the site's language
(``LANGUAGE_CODE``; Dutch for De Borg), with the verification code and a QR code of the
verification page's URL, so whoever holds the paper can check it.
"""

import segno
from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from borg_learning.certificates.models import Certificate

TEMPLATE = "borg_learning_certificates/certificate.html"


def format_duration(minutes: int) -> str:
    """ "45 minuten", "1 minuut", "1 uur", "1 uur 10 min" in the site's language."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("%(count)s minute", "%(count)s minutes", rest) % {"count": rest}
    if not rest:
        return ngettext("%(count)s hour", "%(count)s hours", hours) % {"count": hours}
    return _("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def format_date(value) -> str:
    """ "30 november 2026" """
    return date_format(value, "j F Y")


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    return request.build_absolute_uri(
        reverse("borg_learning_certificates:verify", args=[certificate.shown_code])
    )


def pdf_url(request: HttpRequest, certificate: Certificate) -> str:
    return request.build_absolute_uri(
        reverse("borg_learning_certificates:pdf", args=[certificate.shown_code])
    )


def qr_svg(url: str) -> str:
    """The QR code of ``url`` as an inline SVG element."""
    return segno.make(url, error="m").svg_inline(scale=4, border=0, omitsize=True)


def facts(certificate: Certificate) -> dict:
    """What is printed on the certificate, and shown on its verification page."""
    return {
        "name": certificate.name,
        "title": certificate.title,
        "duration": format_duration(certificate.duration_minutes),
        "completed_on": format_date(certificate.completed_on),
        "development_group": certificate.development_group,
        "issuer": certificate.issuer,
        "issued_on": format_date(timezone.localdate(certificate.issued_at)),
        "code": certificate.shown_code,
    }


def render_html(request: HttpRequest, certificate: Certificate) -> str:
    url = verify_url(request, certificate)
    qr = mark_safe(qr_svg(url))  # noqa: S308  (segno's SVG: a path, no text)
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, {**facts(certificate), "verify_url": url, "qr": qr})


def render_pdf(request: HttpRequest, certificate: Certificate) -> bytes:
    import weasyprint  # loads Pango; only the certificate's download needs it

    # The template refers to nothing outside itself, so WeasyPrint fetches nothing.
    return weasyprint.HTML(string=render_html(request, certificate)).write_pdf()
