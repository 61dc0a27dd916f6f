"""A stored quote's PDF, found by the unguessable key of its address (requestQuote
answers with it), and the same PDF for editors in the admin."""

import re

from django.contrib.auth.decorators import permission_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from borg_learning.quotes import document
from borg_learning.quotes.models import Quote

NOT_INDEXED = {"X-Robots-Tag": "noindex"}


def pdf_response(quote: Quote) -> HttpResponse:
    return HttpResponse(
        document.render_pdf(quote),
        content_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{document.filename(quote)}"',
            **NOT_INDEXED,
        },
    )


@never_cache
@require_safe
def quote_pdf(request, access_key):
    quote = None
    if re.fullmatch(r"[A-Za-z0-9_-]{20,40}", access_key):
        quote = Quote.objects.select_related("organisation").filter(access_key=access_key).first()
    if quote is None:
        raise Http404("No quote has this address.")
    return pdf_response(quote)


@never_cache
@require_safe
@permission_required("borg_learning_quotes.view_quote", raise_exception=True)
def admin_quote_pdf(request, pk):
    return pdf_response(get_object_or_404(Quote.objects.select_related("organisation"), pk=pk))
