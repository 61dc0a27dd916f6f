"""The quotes in the admin (menu "Offertes": quotes, organisations, tracks, price lists),
and their part of the GraphQL schema and the site's URLs."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from borg_learning.permission_policies import RefusedActionsMixin
from borg_learning.quotes.admin_views import (
    OrganisationInspectView,
    QuoteIndexView,
    QuoteInspectView,
    with_participants_and_tier,
)
from borg_learning.quotes.document import percent
from borg_learning.quotes.models import Organisation, PriceList, Quote, Track


def percentage_or_dash(value):
    return "—" if value is None else percent(value)


class QuoteViewSet(RefusedActionsMixin, SnippetViewSet):
    model = Quote
    #: A quote is made through the API and frozen: the admin shows, downloads and deletes it.
    refused_actions = ("add", "change")
    icon = "doc-full"
    menu_label = _("Quotes")
    menu_name = "quotes"
    index_view_class = QuoteIndexView
    inspect_view_enabled = True
    inspect_view_class = QuoteInspectView
    list_display = [
        "number",
        "organisation",
        DateColumn("quote_date", label=_("Date")),
        Column("total_participants", label=_("Participants"), sort_key="total_participants"),
        Column(
            "discount_percentage",
            label=_("Discount"),
            accessor=lambda quote: percentage_or_dash(quote.discount_percentage),
        ),
        Column("total_excl_vat", label=_("Total excluding VAT"), sort_key="total_excl_vat"),
        Column("total_incl_vat", label=_("Total including VAT"), sort_key="total_incl_vat"),
    ]
    list_filter = ["organisation"]
    list_export = [
        "number",
        "organisation",
        "quote_date",
        "valid_until",
        "requested_by",
        "reference",
        "total_participants",
        "discount_percentage",
        "tuition",
        "tier_discount",
        "literature",
        "compensation",
        "total_excl_vat",
        "vat_rate",
        "vat",
        "total_incl_vat",
    ]
    search_fields = ["number", "organisation__name", "requested_by", "reference"]
    search_backend_name = None
    ordering = ["-created_at", "-pk"]

    def get_queryset(self, request):
        return Quote.objects.select_related("organisation")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_name = "quote_organisations"
    inspect_view_enabled = True
    inspect_view_class = OrganisationInspectView
    list_display = [
        "name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("participant_total", label=_("Participants"), sort_key="participant_total"),
        # Opens the organisation's overview: its enrolments and the tier they reach.
        TitleColumn(
            "discount_percentage",
            label=_("Discount tier"),
            accessor=lambda row: percentage_or_dash(row.discount_percentage),
            url_name="wagtailsnippets_borg_learning_quotes_organisation:inspect",
        ),
        Column("code", label=_("Quote code")),
    ]
    list_filter = ["kind"]
    search_fields = ["name", "contact_name"]
    search_backend_name = None

    def get_queryset(self, request):
        return with_participants_and_tier(Organisation.objects.all())


class TrackViewSet(SnippetViewSet):
    model = Track
    icon = "pick"
    menu_label = _("Tracks")
    menu_name = "quote_tracks"
    list_display = ["name", "slug", BooleanColumn("active", label=_("Active"))]
    list_filter = ["active"]
    search_fields = ["name"]
    search_backend_name = None


class PriceListViewSet(SnippetViewSet):
    model = PriceList
    icon = "table"
    menu_label = _("Price lists")
    menu_name = "quote_price_lists"
    list_display = [
        "__str__",
        DateColumn("valid_from", label=_("Valid from")),
        "track_price",
        "literature_price",
        Column("vat_rate", label=_("VAT rate (%)")),
    ]
    search_backend_name = None
    search_fields = ["note"]


class QuotesViewSetGroup(SnippetViewSetGroup):
    items = (QuoteViewSet, OrganisationViewSet, TrackViewSet, PriceListViewSet)
    menu_icon = "doc-full"
    menu_label = _("Quotes")
    menu_name = "group-quotes"
    menu_order = 262


register_snippet(QuotesViewSetGroup)


@hooks.register("register_admin_urls")
def quote_admin_urls():
    from borg_learning.quotes.views import admin_quote_pdf

    urls = [path("<int:pk>/pdf/", admin_quote_pdf, name="pdf")]
    namespace = "borg_learning_quotes_admin"
    return [path("quotes/", include((urls, namespace), namespace=namespace))]


@hooks.register("register_learning_graphql_query")
def quote_queries():
    from borg_learning.quotes.graphql import QuoteQuery

    return [QuoteQuery]


@hooks.register("register_learning_graphql_mutation")
def quote_mutations():
    from borg_learning.quotes.graphql import QuoteMutation

    return [QuoteMutation]


@hooks.register("register_learning_urls")
def quote_urls():
    return [path("learning/quotes/", include("borg_learning.quotes.urls"))]


@hooks.register("register_response_cache_models")
def response_cache_models():
    """quoteTracks shows tracks: a change drops kept answers (quote and quotePrices are
    never kept)."""
    return [Track]
