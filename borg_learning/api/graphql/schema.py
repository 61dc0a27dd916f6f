"""The learning environment's queries and mutations. Mix ``Query`` and ``Mutation`` into a
site's own schema, or use ``schema``."""


import graphene
from django.core.signing import BadSignature, SignatureExpired
from django.db.models import Case, IntegerField, When
from graphql import GraphQLError
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from borg_learning import __version__, models
from borg_learning.api.graphql.catalogue import (
    Choice,
    Offering,
    OfferingFormat,
    OfferingList,
    Provider,
    choices,
    offerings_queryset,
)
from borg_learning.api.graphql.evaluation import FollowUp, RecordVisit, SubmitEvaluation, follow_up
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.objects import RequestObjects, database_id
from borg_learning.api.graphql.pages import (
    PAGE_TYPES,
    BasicModulePage,
    LearningEnvironmentPage,
    LearningPage,
    Module,
    ModuleKind,
    ModulePartPage,
    SpecialistModulePage,
    prepare_pages,
    specific_window,
    visible_modules,
)
from borg_learning.api.graphql.themes import Colour, Icon, Theme, colour, icon
from borg_learning.conf import learning_settings

PREVIEW_MAX_AGE = 60 * 60 * 24
SEARCH_LIMIT = 200


class ModuleList(graphene.ObjectType):
    total_count = graphene.Int(required=True)
    items = graphene.List(graphene.NonNull(Module), required=True)


class SearchResult(graphene.Union):
    """A module, a module part or a catalogue offer that matches a search."""

    class Meta:
        types = (BasicModulePage, SpecialistModulePage, ModulePartPage, Offering)

    @classmethod
    def resolve_type(cls, instance, info):
        if isinstance(instance, models.Offering):
            return Offering
        return PAGE_TYPES[type(instance)]


class SearchResults(graphene.ObjectType):
    total_count = graphene.Int(required=True)
    items = graphene.List(graphene.NonNull(SearchResult), required=True)


def site_root(info):
    site = Site.find_for_request(info.context)
    return site.root_page if site else None


def search_ids(queryset, text):
    """Ids of a model's best search matches, best first (Wagtail's search backend).

    The words are searched as plain text; double quotes are dropped, as SQLite's full text
    search fails on an unbalanced one.
    """
    text = text.replace('"', " ")
    if not text.strip():
        return []
    return [hit.pk for hit in get_search_backend().search(text, queryset)[:SEARCH_LIMIT]]


def in_order(queryset, ids):
    ordering = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)],
                    output_field=IntegerField())
    return queryset.filter(pk__in=ids).order_by(ordering)


def page_from_preview_token(token):
    try:
        HeadlessPreviewMixin.get_preview_signer().unsign(token, max_age=PREVIEW_MAX_AGE)
    except SignatureExpired:
        raise GraphQLError("The preview token has expired; open the preview again.") from None
    except BadSignature:
        raise GraphQLError("The preview token is not valid.") from None
    preview = PagePreview.objects.filter(token=token).first()
    if preview is None:
        return None
    page = preview.as_page()
    if type(page) not in PAGE_TYPES:
        return None
    page._borg_learning_preview = True
    return page


class Query(graphene.ObjectType):
    borg_learning_version = graphene.String(
        required=True, description="The version of borg_learning serving this API.")

    learning_environment = graphene.Field(
        LearningEnvironmentPage, id=graphene.ID(),
        description="The start page: by id, or else the first one of the requested site.")
    page = graphene.Field(
        LearningPage, id=graphene.ID(), path=graphene.String(),
        preview_token=graphene.String(),
        description="Any learning page by id, by path on the site (e.g. /leeromgeving/sgg/) or "
                    "by a preview token from the Wagtail admin (shows the draft). Give one.")
    themes = graphene.List(graphene.NonNull(Theme), required=True,
                           description="All themes with their modules: the theme overview map.")
    theme = graphene.Field(Theme, slug=graphene.String(required=True))
    modules = graphene.Field(
        ModuleList, required=True, theme=graphene.String(description="A theme slug."),
        role=graphene.String(description="An audience role slug."), kind=ModuleKind(),
        limit=graphene.Int(), offset=graphene.Int(),
        description="Live modules in tree order, filtered by theme, role and kind.")
    catalogue = graphene.Field(
        OfferingList, required=True, provider=graphene.ID(),
        theme=graphene.String(description="A theme slug."),
        target_group=graphene.String(description="A target group slug."),
        format=OfferingFormat(), free=graphene.Boolean(description="Only offers that cost 0."),
        max_cost=graphene.Float(description="Only offers up to this price (EUR)."),
        search=graphene.String(description="Words to look for in titles and summaries."),
        limit=graphene.Int(), offset=graphene.Int(),
        description="Active catalogue offers, filtered and paginated.")
    offering = graphene.Field(Offering, id=graphene.ID(required=True))
    providers = graphene.List(graphene.NonNull(Provider), required=True)
    search = graphene.Field(
        SearchResults, required=True, query=graphene.String(required=True),
        limit=graphene.Int(), offset=graphene.Int(),
        description="Modules, module parts and offers matching the words, best first.")
    audience_roles = graphene.List(graphene.NonNull(Choice), required=True)
    target_groups = graphene.List(graphene.NonNull(Choice), required=True)
    colours = graphene.List(graphene.NonNull(Colour), required=True)
    icons = graphene.List(graphene.NonNull(Icon), required=True)
    follow_up = graphene.Field(
        FollowUp, code=graphene.UUID(required=True),
        description="The follow-up questions of an evaluation, by the code its first "
                    "submission returned; null for an unknown code.")

    def resolve_borg_learning_version(root, info):
        return __version__

    def resolve_learning_environment(root, info, id=None):
        objects = RequestObjects.of(info)
        queryset = objects.visible(models.LearningEnvironmentPage.objects.all())
        if id is not None:
            page = queryset.filter(pk=database_id(id)).first()
        else:
            root_page = site_root(info)
            page = (root_page and queryset.descendant_of(root_page, inclusive=True)
                    .order_by("path").first()) or queryset.order_by("path").first()
        return objects.want_pages([page])[0] if page else None

    def resolve_page(root, info, id=None, path=None, preview_token=None):
        given = [name for name, value in
                 (("id", id), ("path", path), ("previewToken", preview_token)) if value]
        if len(given) != 1:
            raise GraphQLError("Give exactly one of id, path or previewToken.")
        objects = RequestObjects.of(info)
        if preview_token:
            page = page_from_preview_token(preview_token)
        else:
            queryset = objects.visible(Page.objects.all())
            if id:
                queryset = queryset.filter(pk=database_id(id))
            else:
                root_page = site_root(info)
                if root_page is None:
                    return None
                relative = "/".join(part for part in path.split("/") if part)
                url_path = root_page.url_path + (relative + "/" if relative else "")
                queryset = queryset.filter(url_path=url_path)
            page = queryset.specific().first()
        if page is None or type(page) not in PAGE_TYPES:
            return None
        return objects.want_pages([page])[0]

    def resolve_themes(root, info):
        return list(models.Theme.objects.all())

    def resolve_theme(root, info, slug):
        return models.Theme.objects.filter(slug=slug).first()

    def resolve_modules(root, info, theme=None, role=None, kind=None, limit=None, offset=None):
        offset, limit = page_window(limit, offset)
        queryset = visible_modules(info)
        if theme is not None:
            queryset = queryset.filter(themes__slug=theme)
        if role is not None:
            queryset = queryset.filter(audience_roles__icontains=f'"{role}"')
        kind = getattr(kind, "value", kind)
        if kind is not None:
            queryset = queryset.type(models.SpecialistModulePage if kind == "specialist"
                                     else models.BasicModulePage)
        items, total = specific_window(queryset, offset, limit)
        return ModuleList(total_count=total, items=prepare_pages(items, info))

    def resolve_catalogue(root, info, provider=None, theme=None, target_group=None, format=None,
                          free=None, max_cost=None, search=None, limit=None, offset=None):
        offset, limit = page_window(limit, offset)
        queryset = offerings_queryset()
        if provider is not None:
            queryset = queryset.filter(provider_id=database_id(provider))
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
            ids = search_ids(models.Offering.objects.filter(active=True), search)
            queryset = in_order(queryset, ids)
        queryset = queryset.distinct()
        items = list(queryset[offset:offset + limit])
        objects = RequestObjects.of(info)
        for item in items:
            objects.want("image", item.provider.logo_id)
        return OfferingList(total_count=queryset.count(), items=items)

    def resolve_offering(root, info, id):
        offering = offerings_queryset().filter(pk=database_id(id)).first()
        if offering:
            RequestObjects.of(info).want("image", offering.provider.logo_id)
        return offering

    def resolve_providers(root, info):
        providers = list(models.Provider.objects.all())
        objects = RequestObjects.of(info)
        for provider in providers:
            objects.want("image", provider.logo_id)
        return providers

    def resolve_search(root, info, query, limit=None, offset=None):
        offset, limit = page_window(limit, offset)
        if not query.strip():
            return SearchResults(total_count=0, items=[])
        objects = RequestObjects.of(info)
        results = []
        for model in (models.ModulePage, models.ModulePartPage):
            ids = search_ids(model.objects.live(), query)
            results += list(in_order(objects.visible(model.objects.all()), ids).specific())
        ids = search_ids(models.Offering.objects.filter(active=True), query)
        offerings = list(in_order(offerings_queryset(), ids))
        hits = results + offerings
        page = hits[offset:offset + limit]
        prepare_pages([hit for hit in page if not isinstance(hit, models.Offering)], info)
        return SearchResults(total_count=len(hits), items=page)

    def resolve_audience_roles(root, info):
        return choices("AUDIENCE_ROLES", [slug for slug, _label in
                                          learning_settings.choices("AUDIENCE_ROLES")])

    def resolve_target_groups(root, info):
        return choices("TARGET_GROUPS", [slug for slug, _label in
                                         learning_settings.choices("TARGET_GROUPS")])

    def resolve_colours(root, info):
        return [colour(slug) for slug, _label, _hex in learning_settings.COLOURS]

    def resolve_icons(root, info):
        return [icon(slug) for slug, _label in learning_settings.ICONS]

    def resolve_follow_up(root, info, code):
        return follow_up(code)


class Mutation(graphene.ObjectType):
    submit_evaluation = SubmitEvaluation.Field(
        description="Store the answers to a module's evaluation questionnaire (or, with a "
                    "follow-up code, to its follow-up questions). Problems with the answers "
                    "come back in errors, and nothing is stored.")
    record_visit = RecordVisit.Field(
        description="Count a visit to a learning page (or use POST /api/visits/ with "
                    "navigator.sendBeacon).")


schema = graphene.Schema(query=Query, mutation=Mutation, types=list(PAGE_TYPES.values()))
