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
from borg_learning.quotes.models import Quote
from borg_learning.quotes.quoting import stored_calculation

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
    """What the PDF and the admin show of a stored quote."""
    calculation = stored_calculation(quote)
    return {
        "quote": quote,
        "calculation": calculation,
        "issuer": learning_settings.QUOTE_ISSUER,
        "date": date_format(quote.quote_date, "j F Y"),
        "valid_until": date_format(quote.valid_until, "j F Y"),
        "prices_valid_from": date_format(quote.prices_valid_from, "j F Y"),
        "lines": [
            {
                "title": line.title,
                "kind": line.kind_label,
                "participants": line.participants,
                "price": euros(line.price),
                "literature_price": euros(line.literature_price) if line.literature_price else "",
                "amount": euros(line.amount),
                "is_new": line.is_new,
            }
            for line in calculation.lines
        ],
        "tuition": euros(calculation.tuition),
        "discount_percentage": percent(calculation.tier.percentage),
        "tier_discount": minus(calculation.tier_discount),
        "literature": euros(calculation.literature),
        "compensation_discount": minus(calculation.compensation_discount),
        "compensation_payment": euros(calculation.compensation_payment),
        "employee_compensation": euros(calculation.employee_compensation),
        "total_excl_vat": euros(calculation.total_excl_vat),
        "vat_rate": percent(calculation.prices.vat_rate),
        "vat": euros(calculation.vat),
        "total_incl_vat": euros(calculation.total_incl_vat),
    }


def render_html(quote: Quote) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(TEMPLATE, context(quote))


def render_pdf(quote: Quote) -> bytes:
    import weasyprint  # loads Pango; only the download needs it

    # The template refers to nothing outside itself, so WeasyPrint fetches nothing.
    return weasyprint.HTML(string=render_html(quote)).write_pdf()


def filename(quote: Quote) -> str:
    return f"offerte-{quote.number}.pdf"
