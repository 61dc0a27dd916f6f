"""The catalogue of external training offers and their providers."""

import graphene
from django.db.models import Exists, OuterRef, Q

from borg_learning import models
from borg_learning.api.graphql.choices import Choice
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.media import Image
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.themes import Theme
from borg_learning.conf import learning_settings
from borg_learning.search import in_order, search_ids

ProviderAccess = enum_from_choices(
    models.ProviderAccess,
    "LearningProviderAccess",
    "How learners get access to a provider's offers.",
)


OfferingFormat = enum_from_choices(
    models.OfferingFormat, "LearningOfferingFormat", "How an offer is given."
)


class Provider(graphene.ObjectType):
    class Meta:
        name = "LearningProvider"

    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    website = graphene.String()
    description = graphene.String(required=True)
    logo = graphene.Field(Image)
    access = graphene.Field(ProviderAccess, required=True)
    access_note = graphene.String(required=True)
    is_member_institution = graphene.Boolean(
        required=True, description="One of the institutions the site is run for."
    )
    is_borg_institution = graphene.Boolean(
        required=True, deprecation_reason="Use isMemberInstitution."
    )

    def resolve_is_borg_institution(provider, info):
        return provider.is_member_institution

    def resolve_website(provider, info):
        return provider.website or None

    def resolve_logo(provider, info):
        return Loaders.of(info).get("image", provider.logo_id)


class Chapter(graphene.ObjectType):
    class Meta:
        name = "LearningChapter"

    title = graphene.String(required=True)
    description = graphene.String(required=True)
    url = graphene.String(description="Link to this chapter at the provider, if it has one.")

    def resolve_url(chapter, info):
        return chapter.url or None


class Offering(graphene.ObjectType):
    """An external training offer: a description and a link, never the course itself."""

    class Meta:
        name = "LearningOffering"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    provider = graphene.Field(Provider, required=True)
    summary = graphene.String(required=True)
    url = graphene.String(required=True, description="Link to the offer at its provider.")
    chapters = graphene.List(
        graphene.NonNull(Chapter), required=True, description="The table of contents, in order."
    )
    themes = graphene.List(graphene.NonNull(Theme), required=True)
    target_groups = graphene.List(graphene.NonNull(Choice), required=True)
    audience_roles = graphene.List(graphene.NonNull(Choice), required=True)
    format = graphene.Field(OfferingFormat, required=True)
    duration_minutes = graphene.Int()
    cost = graphene.Float(description="EUR per participant excl. VAT; 0 is free; null unknown.")
    accreditation_points = graphene.Float()
    accreditation_register = graphene.String(required=True)
    language = graphene.String(required=True)
    last_checked = graphene.Date()

    def resolve_chapters(offering, info):
        return offering.chapters.all()

    def resolve_provider(offering, info):
        return Loaders.of(info).visibility.translated([offering.provider])[0]

    def resolve_themes(offering, info):
        return Loaders.of(info).visibility.translated(offering.themes.all())

    def resolve_target_groups(offering, info):
        return learning_settings.labelled("TARGET_GROUPS", offering.target_groups)

    def resolve_audience_roles(offering, info):
        return learning_settings.labelled("AUDIENCE_ROLES", offering.audience_roles)


OfferingList = paged_list(
    "LearningOfferingList", Offering, "One page of catalogue offers and how many match in all."
)


def offerings_queryset(info):
    """The offers the request may see in its locale, with everything a catalogue page
    shows, in a fixed number of queries."""
    visibility = Loaders.of(info).visibility
    return (
        visibility.in_locale(visibility.offerings(models.Offering.objects.all()))
        .select_related("provider")
        .prefetch_related("chapters", "themes")
        .order_by("title", "pk")
    )


def providers_of(offers, locale_id):
    """The providers of ``offers`` as a request in the locale ``locale_id`` reads them:
    their translations there, or the one an offer refers to when it has none."""
    referred = models.Provider.objects.filter(pk__in=offers.values("provider_id"))
    if locale_id is None:
        return referred
    translation = models.Provider.objects.filter(
        locale_id=locale_id, translation_key=OuterRef("translation_key")
    )
    return models.Provider.objects.filter(
        Q(locale_id=locale_id, translation_key__in=referred.values("translation_key"))
        | Q(pk__in=referred.values("pk")) & ~Exists(translation)
    )


class CatalogueQuery:
    catalogue = graphene.Field(
        OfferingList,
        required=True,
        provider=graphene.ID(),
        theme=graphene.String(description="A theme slug."),
        target_group=graphene.String(description="A target group slug."),
        format=OfferingFormat(),
        free=graphene.Boolean(description="Only offers that cost 0."),
        max_cost=graphene.Float(description="Only offers up to this price (EUR)."),
        search=graphene.String(description="Words to look for in titles and summaries."),
        limit=graphene.Int(),
        offset=graphene.Int(),
        locale=locale_argument(),
        description="Active catalogue offers, filtered and paginated.",
    )
    offering = graphene.Field(Offering, id=graphene.ID(required=True), locale=locale_argument())
    providers = graphene.List(
        graphene.NonNull(Provider),
        required=True,
        limit=graphene.Int(),
        offset=graphene.Int(),
        locale=locale_argument(),
        description="The providers with at least one active offer, for the catalogue's "
        "filter, by name: a page of them (`limit`, `offset`); fewer than `limit` means the "
        "last page.",
    )

    def resolve_catalogue(
        root,
        info,
        provider=None,
        theme=None,
        target_group=None,
        format=None,
        free=None,
        max_cost=None,
        search=None,
        limit=None,
        offset=None,
        locale=None,
    ):
        read_in(info)
        offset, limit = page_window(limit, offset)
        queryset = offerings_queryset(info)
        if provider is not None:
            # The provider or its translation: an offer may refer to either.
            keys = models.Provider.objects.filter(pk=database_id(provider))
            queryset = queryset.filter(provider__translation_key__in=keys.values("translation_key"))
        if theme:
            queryset = queryset.filter(themes__slug=theme)
        if target_group:
            queryset = queryset.filter(target_groups__icontains=f'"{target_group}"')
        if format is not None:
            queryset = queryset.filter(format=getattr(format, "value", format))
        if free is not None:
            queryset = queryset.filter(cost=0) if free else queryset.exclude(cost=0)
        if max_cost is not None:
            queryset = queryset.filter(cost__lte=max_cost)
        if search and search.strip():
            queryset = in_order(
                queryset, search_ids(models.Offering.objects.filter(active=True), search)
            )
        queryset = queryset.distinct()
        items = list(queryset[offset : offset + limit])
        loaders = Loaders.of(info)
        for provider in loaders.visibility.translated(item.provider for item in items):
            loaders.want("image", provider.logo_id)
        return OfferingList(total_count=queryset.count(), items=items)

    def resolve_offering(root, info, id, locale=None):
        read_in(info)
        offering = offerings_queryset(info).filter(pk=database_id(id)).first()
        if offering:
            loaders = Loaders.of(info)
            loaders.want("image", loaders.visibility.translated([offering.provider])[0].logo_id)
        return offering

    def resolve_providers(root, info, limit=None, offset=None, locale=None):
        read_in(info)
        offset, limit = page_window(limit, offset)
        visibility = Loaders.of(info).visibility
        offers = visibility.in_locale(visibility.offerings(models.Offering.objects.all()))
        providers = list(
            providers_of(offers, visibility.locale_id).order_by("name", "pk")[
                offset : offset + limit
            ]
        )
        loaders = Loaders.of(info)
        for provider in providers:
            loaders.want("image", provider.logo_id)
        return providers
