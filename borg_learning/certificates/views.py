"""The public pages of a certificate: its PDF and its verification page, found by code.

Both show only what is printed on the certificate. An unknown code is a 404 and counts
against the lookup rate limit (``verification``); past the limit the answer is a 429.
No cache keeps them: a certificate deleted with its learner verifies no more at once.
"""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from borg_learning.certificates import document, verification

NOT_INDEXED = {"X-Robots-Tag": "noindex"}


@never_cache
@require_safe
def certificate_pdf(request, code):
    try:
        certificate = verification.find(request, code)
    except verification.RateLimited as refused:
        return HttpResponse(
            str(refused), status=429, content_type="text/plain", headers=NOT_INDEXED
        )
    if certificate is None:
        raise Http404("No certificate has this code.")
    filename = f"bewijs-van-deelname-{certificate.shown_code}.pdf"
    return HttpResponse(
        document.render_pdf(request, certificate),
        content_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{filename}"', **NOT_INDEXED},
    )


@never_cache
@require_safe
def verify_certificate(request, code):
    context = {"code": verification.normalized(code), "certificate": None, "rate_limited": False}
    status = 200
    try:
        certificate = verification.find(request, code)
    except verification.RateLimited:
        certificate, status, context["rate_limited"] = None, 429, True
    with translation.override(settings.LANGUAGE_CODE):
        if certificate is not None:
            context["certificate"] = document.facts(certificate)
        elif status == 200:
            status = 404
        response = render(request, "borg_learning_certificates/verify.html", context, status=status)
    for header, value in NOT_INDEXED.items():
        response[header] = value
    return response
