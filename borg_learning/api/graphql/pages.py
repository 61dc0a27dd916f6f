"""The page types of the learning environment, as the screens of the frontend need them."""

import graphene
from django.core.signing import BadSignature, SignatureExpired
from graphql import GraphQLError
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from borg_learning import models
from borg_learning.api.graphql.blocks import ModuleBlock, resolve_body
from borg_learning.api.graphql.choices import Colour, Icon, colour, icon
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import LearningPage, Module, ModuleKind
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.module_lists import (
    children_count,
    module_parts,
    paged_children,
    part_module,
    prepare_pages,
    specific_window,
    visible_modules,
)
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.registry import is_learning_page, register_page_type
from borg_learning.api.graphql.response_cache import never_cache
from borg_learning.api.graphql.richtext import expand_rich_text
from borg_learning.api.graphql.themes import Theme


class DevelopmentGroupMember(graphene.ObjectType):
    class Meta:
        name = "LearningDevelopmentGroupMember"

    name = graphene.String(required=True)
    role = graphene.String(required=True)


class DevelopmentGroup(graphene.ObjectType):
    """The expert group that wrote a module, credited on it."""

    class Meta:
        name = "LearningDevelopmentGroup"

    name = graphene.String(required=True)
    description = graphene.String(required=True)
    members = graphene.List(graphene.NonNull(DevelopmentGroupMember), required=True)

    def resolve_members(group, info):
        return group.members.all()


class FeedbackLink(graphene.ObjectType):
    class Meta:
        name = "LearningFeedbackLink"

    label = graphene.String(required=True)
    url = graphene.String(required=True, description="A web address or a mailto: link.")


StartButtonTarget = enum_from_choices(
    models.StartButton.Target, "LearningStartButtonTarget", "Where a start button leads."
)


class StartButton(graphene.ObjectType):
    """A coloured button on the start page."""

    class Meta:
        name = "LearningStartButton"

    label = graphene.String(required=True)
    target_type = graphene.Field(StartButtonTarget, required=True)
    url = graphene.String(
        description="Absolute URL of the target page or website; null for a "
        "theme or a target the learner may not see."
    )
    page = graphene.Field(LearningPage, description="The target page, when it is one of ours.")
    theme = graphene.Field(Theme)
    colour = graphene.Field(Colour)
    icon = graphene.Field(Icon)

    def resolve_url(button, info):
        return Loaders.of(info).link_url(page=button.target_page_id, url=button.target_url)

    def resolve_page(button, info):
        page = Loaders.of(info).get("page", button.target_page_id)
        return page if is_learning_page(page) else None

    def resolve_theme(button, info):
        return button.target_theme

    def resolve_colour(button, info):
        return colour(button.resolved_colour)

    def resolve_icon(button, info):
        return icon(button.resolved_icon)


def paged_children_field(item, what, count_field):
    """A list of a page's children, one window at a time (``page_window``)."""
    return graphene.List(
        graphene.NonNull(item),
        required=True,
        limit=graphene.Int(),
        offset=graphene.Int(),
        description=f"{what}, in tree order: a page of them (`limit`, `offset`); "
        f"`{count_field}` says how many there are in all.",
    )


@register_page_type(models.LearningEnvironmentPage)
class LearningEnvironmentPage(graphene.ObjectType):
    """The start page: intro, feedback link and the frame of buttons."""

    class Meta:
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)
    feedback_link = graphene.Field(FeedbackLink)
    buttons = graphene.List(graphene.NonNull(StartButton), required=True)
    children = paged_children_field(
        LearningPage, "Sections, modules and catalogues directly below", "childCount"
    )
    child_count = graphene.Int(required=True, description="How many `children` there are.")

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)

    def resolve_feedback_link(page, info):
        href = page.feedback_href
        return FeedbackLink(label=page.feedback_label or href, url=href) if href else None

    def resolve_buttons(page, info):
        buttons = list(page.buttons.all().select_related("target_theme"))
        objects = Loaders.of(info)
        for button in buttons:
            objects.want("page", button.target_page_id)
        return buttons

    def resolve_children(page, info, limit=None, offset=None):
        return paged_children(page, info, *page_window(limit, offset))

    def resolve_child_count(page, info):
        return children_count(page, info)


@register_page_type(models.SectionPage)
class SectionPage(graphene.ObjectType):
    class Meta:
        name = "LearningSectionPage"
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)
    modules = paged_children_field(Module, "The modules directly below", "moduleCount")
    module_count = graphene.Int(required=True, description="How many `modules` there are.")
    children = paged_children_field(LearningPage, "The learning pages directly below", "childCount")
    child_count = graphene.Int(required=True, description="How many `children` there are.")

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)

    def resolve_modules(page, info, limit=None, offset=None):
        return paged_children(page, info, *page_window(limit, offset), model=models.ModulePage)

    def resolve_module_count(page, info):
        return children_count(page, info, model=models.ModulePage)

    def resolve_children(page, info, limit=None, offset=None):
        return paged_children(page, info, *page_window(limit, offset))

    def resolve_child_count(page, info):
        return children_count(page, info)


@register_page_type(models.BasicModulePage)
class BasicModulePage(graphene.ObjectType):
    """A basic module: one page of blocks."""

    class Meta:
        name = "LearningBasicModulePage"
        interfaces = (LearningPage, Module)

    body = graphene.List(graphene.NonNull(ModuleBlock), required=True)

    def resolve_body(page, info):
        return resolve_body(page.body, info)


@register_page_type(models.ModulePartPage)
class ModulePartPage(graphene.ObjectType):
    """One part of a specialist module."""

    class Meta:
        name = "LearningModulePartPage"
        interfaces = (LearningPage,)

    icon = graphene.Field(Icon)
    summary = graphene.String(required=True)
    target_duration = graphene.Int(required=True)
    estimated_duration = graphene.Int(required=True)
    estimated_duration_seconds = graphene.Int(required=True)
    body = graphene.List(graphene.NonNull(ModuleBlock), required=True)
    module = graphene.Field(
        lambda: SpecialistModulePage, description="The specialist module this part belongs to."
    )

    def resolve_icon(page, info):
        return icon(page.icon)

    def resolve_estimated_duration(page, info):
        return page.estimated_duration_minutes

    def resolve_body(page, info):
        return resolve_body(page.body, info)

    def resolve_module(page, info):
        return part_module(page, info)


@register_page_type(models.SpecialistModulePage)
class SpecialistModulePage(graphene.ObjectType):
    """The start page of a specialist module, with its parts as tiles."""

    class Meta:
        name = "LearningSpecialistModulePage"
        interfaces = (LearningPage, Module)

    icon = graphene.Field(Icon)
    explanation = graphene.String(required=True)
    parts = graphene.List(
        graphene.NonNull(ModulePartPage), required=True, description="Live parts in tree order."
    )

    def resolve_icon(page, info):
        return icon(page.icon)

    def resolve_explanation(page, info):
        return expand_rich_text(page.explanation, info)

    def resolve_parts(page, info):
        return module_parts(page, info)


@register_page_type(models.CataloguePage)
class CataloguePage(graphene.ObjectType):
    """The catalogue screen; its offers come from the ``catalogue`` query."""

    class Meta:
        name = "LearningCataloguePage"
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)


ModuleList = paged_list("LearningModuleList", Module)


PREVIEW_MAX_AGE = 60 * 60 * 24


def site_root(info):
    """The root page of the request's site in the locale it reads in (see visibility)."""
    return Loaders.of(info).visibility.site_root


def page_from_preview_token(token):
    """The draft a preview token from the admin shows; drafts are seen no other way."""
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
    if not is_learning_page(page):
        return None
    page._borg_learning_preview = True
    return page


class PagesQuery:
    learning_environment = graphene.Field(
        LearningEnvironmentPage,
        id=graphene.ID(),
        locale=locale_argument(),
        description="The start page: by id, or else the first one of the requested site.",
    )
    page = graphene.Field(
        LearningPage,
        id=graphene.ID(),
        path=graphene.String(),
        preview_token=graphene.String(),
        locale=locale_argument(),
        description="Any learning page by id, by path on the site (e.g. /leeromgeving/sgg/) or "
        "by a preview token from the Wagtail admin (shows the draft). Give one.",
    )
    modules = graphene.Field(
        ModuleList,
        required=True,
        theme=graphene.String(description="A theme slug."),
        role=graphene.String(description="An audience role slug."),
        kind=ModuleKind(),
        limit=graphene.Int(),
        offset=graphene.Int(),
        locale=locale_argument(),
        description="Live modules in tree order, filtered by theme, role and kind.",
    )

    def resolve_learning_environment(root, info, id=None, locale=None):
        read_in(info)
        loaders = Loaders.of(info)
        queryset = loaders.visible(models.LearningEnvironmentPage.objects.all())
        if id is not None:
            page = queryset.filter(pk=database_id(id)).first()
        else:
            root_page = site_root(info)
            page = (
                root_page
                and queryset.descendant_of(root_page, inclusive=True).order_by("path").first()
            ) or queryset.order_by("path").first()
        return loaders.want_pages([page])[0] if page else None

    def resolve_page(root, info, id=None, path=None, preview_token=None, locale=None):
        read_in(info)
        given = [
            name
            for name, value in (("id", id), ("path", path), ("previewToken", preview_token))
            if value
        ]
        if len(given) != 1:
            raise GraphQLError("Give exactly one of id, path or previewToken.")
        loaders = Loaders.of(info)
        if preview_token:
            never_cache(info.context)  # a draft, for the editor who previews it
            page = page_from_preview_token(preview_token)
        else:
            queryset = loaders.visible(Page.objects.all())
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
        if not is_learning_page(page):
            return None
        return loaders.want_pages([page])[0]

    def resolve_modules(
        root, info, theme=None, role=None, kind=None, limit=None, offset=None, locale=None
    ):
        read_in(info)
        offset, limit = page_window(limit, offset)
        queryset = visible_modules(info)
        if theme is not None:
            queryset = queryset.filter(themes__slug=theme)
        if role is not None:
            queryset = queryset.filter(audience_roles__icontains=f'"{role}"')
        kind = getattr(kind, "value", kind)
        if kind is not None:
            queryset = queryset.type(
                models.SpecialistModulePage if kind == "specialist" else models.BasicModulePage
            )
        items, total = specific_window(queryset, offset, limit)
        return ModuleList(total_count=total, items=prepare_pages(items, info))
