"""The quote on paper: a PDF made by WeasyPrint from a Django template, as the
certificates are.

It shows what the quote copied when it was requested, in the site's language
(``LANGUAGE_CODE``; Dutch for De Borg), amounts in euros as that language writes them
("€ 1.990,00"). The same figures feed the admin's view of a quote.
"""

from decimal import Decimal

from django.conf import settings
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format, number_format

from borg_learning.conf import learning_settings
from borg_learning.quotes import conf  # noqa: F401  (settings)
from borg_learning.quotes.models import ActivityKind, Quote, Settlement
from borg_learning.quotes.pricing import ZERO

TEMPLATE = "borg_learning_quotes/quote.html"


def euros(amount: Decimal) -> str:
    """ "€ 1.990,00" in Dutch; a negative amount "€ -169,15"."""
    return "€ " + number_format(amount, 2, use_l10n=True, force_grouping=True)


def minus(amount: Decimal) -> str:
    """A discount as taken off: "€ -895,50"; nothing off is "€ 0,00", not "€ -0,00"."""
    return euros(-amount if amount else amount)


def percent(value: Decimal) -> str:
    """ "10 %", "12,5 %": no trailing zeros."""
    text = number_format(value.normalize(), use_l10n=True)
    return f"{text} %"


def pdf_url(request: HttpRequest, quote: Quote) -> str:
    return request.build_absolute_uri(reverse("borg_learning_quotes:pdf", args=[quote.access_key]))


def context(quote: Quote) -> dict:
    """What the PDF and the admin show of a stored quote: its stored amounts and lines,
    never priced again (a change of prices, of enrolments or of the arithmetic leaves a
    requested quote as it was)."""
    compensation = {
        settlement: quote.compensation if quote.settlement == settlement else ZERO
        for settlement in (Settlement.DISCOUNT, Settlement.PAYMENT, Settlement.EMPLOYEE)
    }
    return {
        "quote": quote,
        "issuer": learning_settings.QUOTE_ISSUER,
        "date": date_format(quote.quote_date, "j F Y"),
        "valid_until": date_format(quote.valid_until, "j F Y"),
        "prices_valid_from": date_format(quote.prices_valid_from, "j F Y"),
        "lines": [
            {
                "title": line.title,
                "kind": ActivityKind(line.kind).label,
                "participants": line.participants,
                "price": euros(line.price),
                "literature_price": euros(line.literature_price) if line.literature_price else "",
                "amount": euros(line.participants * line.price),
                "is_new": line.is_new,
            }
            for line in quote.lines.all()
        ],
        "total_participants": quote.total_participants,
        "tuition": euros(quote.tuition),
        "discount_percentage": percent(quote.discount_percentage),
        "tier_discount": minus(quote.tier_discount),
        # Empty when nil: the template leaves the row out.
        "literature": euros(quote.literature) if quote.literature else "",
        "compensation_discount": shown(minus, compensation[Settlement.DISCOUNT]),
        "compensation_payment": shown(euros, compensation[Settlement.PAYMENT]),
        "employee_compensation": shown(euros, compensation[Settlement.EMPLOYEE]),
        "total_excl_vat": euros(quote.total_excl_vat),
        "vat_rate": percent(quote.vat_rate),
        "vat": euros(quote.vat),
        "total_incl_vat": euros(quote.total_incl_vat),
    }


def shown(formatted, amount: Decimal) -> str:
    """``amount`` formatted, or "" when it is nil."""
    return formatted(amount) if amount else ""


def render_html(quote: Quote) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, context(quote))


def render_pdf(quote: Quote) -> bytes:
    import weasyprint  # loads Pango; only the download needs it

    # The template refers to nothing outside itself, so WeasyPrint fetches nothing.
    return weasyprint.HTML(string=render_html(quote)).write_pdf()


def filename(quote: Quote) -> str:
    return f"offerte-{quote.number}.pdf"
