"""The quotes' admin screens besides the forms: an organisation's overview (its
enrolments and the tier they reach), a stored quote as it was made, and the listing of
quotes with its CSV and XLSX download."""

from django.db.models import DecimalField, IntegerField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView, InspectView

from borg_learning.quotes import document, quoting
from borg_learning.quotes.models import DiscountTier, Enrolment, Organisation
from borg_learning.reports.exports import FormulaSafeCsvMixin


def with_participants_and_tier(queryset, today=None):
    """Organisations with ``participant_total`` (of their active enrolments) and
    ``discount_percentage`` (the tier it reaches on the price list in force ``today``;
    null without one), in the listing's one query."""
    price_list = quoting.price_list_in_force(today or timezone.localdate())
    participants = Coalesce(
        Subquery(
            Enrolment.objects.filter(organisation=OuterRef("pk"), active=True)
            .order_by()
            .values("organisation")
            .annotate(total=Sum("participants"))
            .values("total"),
            output_field=IntegerField(),
        ),
        Value(0),
    )
    queryset = queryset.annotate(participant_total=participants)
    if price_list is None:
        return queryset.annotate(
            discount_percentage=Value(
                None, output_field=DecimalField(max_digits=5, decimal_places=2)
            )
        )
    tier = (
        DiscountTier.objects.filter(
            price_list=price_list, min_participants__lte=OuterRef("participant_total")
        )
        .order_by("-min_participants")
        .values("percentage")[:1]
    )
    return queryset.annotate(discount_percentage=Subquery(tier))


class OrganisationInspectView(InspectView):
    """An organisation at a glance: its quote code, its enrolments, the participants of
    the active ones and the tier they reach today, and its quotes."""

    template_name = "borg_learning_quotes/organisation_inspect.html"

    def get_page_title(self):
        return _("Enrolments and discount")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation: Organisation = self.object
        enrolments = list(
            Enrolment.objects.filter(organisation=organisation).select_related(
                "offering", "route", "track", "quote"
            )
        )
        participants = sum(row.participants for row in enrolments if row.active)
        price_list = quoting.price_list_in_force(timezone.localdate())
        prices = quoting.prices_of(price_list) if price_list else None
        tier = prices.tier_for(participants) if prices else None
        following = prices.next_tier(participants) if prices else None
        context.update(
            organisation=organisation,
            enrolments=enrolments,
            participants=participants,
            price_list=price_list,
            tier=tier and document.percent(tier.percentage),
            next_tier=following and document.percent(following.percentage),
            to_next_tier=following and following.min_participants - participants,
            tiers=[
                {
                    "range": tier_range(row),
                    "percentage": document.percent(row.percentage),
                    "reached": row == tier,
                }
                for row in (prices.tiers if prices else ())
            ],
            quotes=[
                {
                    "quote": quote,
                    "total": document.euros(quote.total_incl_vat),
                    "percentage": document.percent(quote.discount_percentage),
                    "url": reverse(
                        "wagtailsnippets_borg_learning_quotes_quote:inspect", args=[quote.pk]
                    ),
                }
                for quote in organisation.quotes.order_by("-created_at", "-pk")
            ],
        )
        return context


def tier_range(tier) -> str:
    if tier.max_participants is None:
        return str(_("%(min)s or more") % {"min": tier.min_participants})
    return f"{tier.min_participants}–{tier.max_participants}"


class QuoteInspectView(InspectView):
    """A stored quote as its PDF shows it, with the PDF to download."""

    template_name = "borg_learning_quotes/quote_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(document.context(self.object))
        return context

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Download PDF"),
                url=reverse("borg_learning_quotes_admin:pdf", args=[self.object.pk]),
                icon_name="download",
            )
        ]


class QuoteIndexView(FormulaSafeCsvMixin, IndexView):
    """The quotes, with a CSV (Dutch dialect, no formulas) and an XLSX download."""

    def get_filename(self):
        return f"{self.export_name()}-{timezone.localdate():%Y-%m-%d}"
