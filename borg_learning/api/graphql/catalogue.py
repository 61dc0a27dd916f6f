import graphene

from borg_learning.api.graphql.media import Image
from borg_learning.api.graphql.objects import RequestObjects
from borg_learning.api.graphql.themes import Theme
from borg_learning.conf import learning_settings
from borg_learning.models import Offering as OfferingModel


class ProviderAccess(graphene.Enum):
    FREE = "free"
    MEMBERSHIP = "membership"
    PAID = "paid"


class OfferingFormat(graphene.Enum):
    E_LEARNING = "e-learning"
    CLASSROOM = "classroom"
    BLENDED = "blended"
    WEBINAR = "webinar"
    PODCAST = "podcast"


class Choice(graphene.ObjectType):
    """A value from a configured list (roles, target groups), with its label."""

    slug = graphene.String(required=True)
    label = graphene.String(required=True)


def choices(setting, slugs):
    return [Choice(slug=slug, label=str(learning_settings.label(setting, slug)))
            for slug in slugs or []]


class Provider(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    website = graphene.String()
    description = graphene.String(required=True)
    logo = graphene.Field(Image)
    access = graphene.Field(ProviderAccess, required=True)
    access_note = graphene.String(required=True)
    is_borg_institution = graphene.Boolean(required=True)

    def resolve_website(provider, info):
        return provider.website or None

    def resolve_logo(provider, info):
        return RequestObjects.of(info).get("image", provider.logo_id)


class Chapter(graphene.ObjectType):
    title = graphene.String(required=True)
    description = graphene.String(required=True)


class Offering(graphene.ObjectType):
    """An external training offer: a description and a link, never the course itself."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    provider = graphene.Field(Provider, required=True)
    summary = graphene.String(required=True)
    url = graphene.String(required=True, description="Link to the offer at its provider.")
    chapters = graphene.List(graphene.NonNull(Chapter), required=True,
                             description="The table of contents, in order.")
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

    def resolve_themes(offering, info):
        return offering.themes.all()

    def resolve_target_groups(offering, info):
        return choices("TARGET_GROUPS", offering.target_groups)

    def resolve_audience_roles(offering, info):
        return choices("AUDIENCE_ROLES", offering.audience_roles)


class OfferingList(graphene.ObjectType):
    """One page of catalogue offers and how many match in all."""

    total_count = graphene.Int(required=True)
    items = graphene.List(graphene.NonNull(Offering), required=True)


def offerings_queryset():
    """Active offers with everything a catalogue page shows, in a fixed number of queries."""
    return (
        OfferingModel.objects.filter(active=True)
        .select_related("provider")
        .prefetch_related("chapters", "themes")
        .order_by("title", "pk")
    )
