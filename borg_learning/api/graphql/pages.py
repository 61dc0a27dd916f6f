"""The page types of the learning environment, as the screens of the frontend need them."""

from collections import defaultdict

import graphene
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Window, prefetch_related_objects

from borg_learning import models
from borg_learning.api.graphql.blocks import ModuleBlock, resolve_body
from borg_learning.api.graphql.catalogue import Choice, choices
from borg_learning.api.graphql.evaluation import Questionnaire, module_questionnaire
from borg_learning.api.graphql.media import Image
from borg_learning.api.graphql.objects import RequestObjects
from borg_learning.api.graphql.richtext import expand_rich_text
from borg_learning.api.graphql.themes import Colour, Icon, Theme, colour, icon


class LearningPage(graphene.Interface):
    """Any page of the learning environment."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    path = graphene.String(required=True,
                           description="Path on the site, e.g. /leeromgeving/sgg/.")
    url = graphene.String(required=True, description="Absolute URL on the site.")
    seo_title = graphene.String(required=True)
    search_description = graphene.String(required=True)
    last_published_at = graphene.DateTime()
    is_preview = graphene.Boolean(required=True,
                                  description="True when this is a draft shown by a preview token.")

    @classmethod
    def resolve_type(cls, instance, info):
        return PAGE_TYPES[type(instance)]

    def resolve_id(page, info):
        # A page being added has no id until it is saved; its preview is "new".
        return page.pk if page.pk is not None else "new"

    def resolve_path(page, info):
        return RequestObjects.of(info).page_location(page)[0]

    def resolve_url(page, info):
        return RequestObjects.of(info).page_url(page)

    def resolve_is_preview(page, info):
        return bool(getattr(page, "_borg_learning_preview", False))


class DevelopmentGroupMember(graphene.ObjectType):
    name = graphene.String(required=True)
    role = graphene.String(required=True)


class DevelopmentGroup(graphene.ObjectType):
    """The expert group that wrote a module, credited on it."""

    name = graphene.String(required=True)
    description = graphene.String(required=True)
    members = graphene.List(graphene.NonNull(DevelopmentGroupMember), required=True)

    def resolve_members(group, info):
        return group.members.all()


class ModuleKind(graphene.Enum):
    BASIC = "basic"
    SPECIALIST = "specialist"


class Module(graphene.Interface):
    """What every module says about itself."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    kind = graphene.Field(ModuleKind, required=True)
    summary = graphene.String(required=True)
    image = graphene.Field(Image)
    themes = graphene.List(graphene.NonNull(Theme), required=True)
    learning_objectives = graphene.List(graphene.NonNull(graphene.String), required=True)
    audience_roles = graphene.List(graphene.NonNull(Choice), required=True)
    target_duration = graphene.Int(required=True, description="Minutes the module may take.")
    estimated_duration = graphene.Int(required=True,
                                      description="Estimated minutes, rounded up.")
    estimated_duration_seconds = graphene.Int(required=True)
    development_group = graphene.Field(DevelopmentGroup)
    copyright_holder = graphene.String(required=True)
    last_reviewed = graphene.Date()
    review_due = graphene.Date(description="When the module is due for review.")
    questionnaire = graphene.Field(
        Questionnaire, description="The evaluation asked at the end of the module: its own "
                                   "or the site's default; null when there is none. A module "
                                   "part's evaluation is its module's.")

    @classmethod
    def resolve_type(cls, instance, info):
        return PAGE_TYPES[type(instance)]

    def resolve_kind(page, info):
        return "specialist" if isinstance(page, models.SpecialistModulePage) else "basic"

    def resolve_image(page, info):
        return RequestObjects.of(info).get("image", page.image_id)

    def resolve_themes(page, info):
        return page.themes.all()

    def resolve_learning_objectives(page, info):
        return [block.get("value") for block in page.learning_objectives.raw_data
                if block.get("value")]

    def resolve_audience_roles(page, info):
        return choices("AUDIENCE_ROLES", page.audience_roles)

    def resolve_estimated_duration(page, info):
        return page.estimated_duration_minutes

    def resolve_review_due(page, info):
        return page.review_due_date

    def resolve_questionnaire(page, info):
        return module_questionnaire(page, info)


class FeedbackLink(graphene.ObjectType):
    label = graphene.String(required=True)
    url = graphene.String(required=True, description="A web address or a mailto: link.")


class StartButtonTarget(graphene.Enum):
    PAGE = "page"
    THEME = "theme"
    URL = "url"


class StartButton(graphene.ObjectType):
    """A coloured button on the start page."""

    label = graphene.String(required=True)
    target_type = graphene.Field(StartButtonTarget, required=True)
    url = graphene.String(description="Absolute URL of the target page or website; null for a "
                                      "theme or a target the learner may not see.")
    page = graphene.Field(LearningPage, description="The target page, when it is one of ours.")
    theme = graphene.Field(Theme)
    colour = graphene.Field(Colour)
    icon = graphene.Field(Icon)

    def resolve_url(button, info):
        objects = RequestObjects.of(info)
        if button.target_page_id:
            page = objects.get("page", button.target_page_id)
            return objects.page_url(page) if page else None
        return button.target_url or None

    def resolve_page(button, info):
        page = RequestObjects.of(info).get("page", button.target_page_id)
        return page if type(page) in PAGE_TYPES else None

    def resolve_theme(button, info):
        return button.target_theme

    def resolve_colour(button, info):
        return colour(button.resolved_colour)

    def resolve_icon(button, info):
        return icon(button.resolved_icon)


def visible_children(page, info):
    """The live, public children of ``page`` that are learning pages, ready for a list."""
    children = RequestObjects.of(info).visible(page.get_children()).specific()
    return prepare_pages([child for child in children if type(child) in PAGE_TYPES], info)


class LearningEnvironmentPage(graphene.ObjectType):
    """The start page: intro, feedback link and the frame of buttons."""

    class Meta:
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)
    feedback_link = graphene.Field(FeedbackLink)
    buttons = graphene.List(graphene.NonNull(StartButton), required=True)
    children = graphene.List(graphene.NonNull(LearningPage), required=True,
                             description="Sections, modules and catalogues directly below.")

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)

    def resolve_feedback_link(page, info):
        href = page.feedback_href
        return FeedbackLink(label=page.feedback_label or href, url=href) if href else None

    def resolve_buttons(page, info):
        buttons = list(page.buttons.all().select_related("target_theme"))
        objects = RequestObjects.of(info)
        for button in buttons:
            objects.want("page", button.target_page_id)
        return buttons

    def resolve_children(page, info):
        return visible_children(page, info)


class SectionPage(graphene.ObjectType):
    class Meta:
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)
    modules = graphene.List(graphene.NonNull(Module), required=True)
    children = graphene.List(graphene.NonNull(LearningPage), required=True)

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)

    def resolve_modules(page, info):
        return [child for child in visible_children(page, info)
                if isinstance(child, models.ModulePage)]

    def resolve_children(page, info):
        return visible_children(page, info)


class BasicModulePage(graphene.ObjectType):
    """A basic module: one page of blocks."""

    class Meta:
        interfaces = (LearningPage, Module)

    body = graphene.List(graphene.NonNull(ModuleBlock), required=True)

    def resolve_body(page, info):
        return resolve_body(page.body, info)


class ModulePartPage(graphene.ObjectType):
    """One part of a specialist module."""

    class Meta:
        interfaces = (LearningPage,)

    icon = graphene.Field(Icon)
    summary = graphene.String(required=True)
    target_duration = graphene.Int(required=True)
    estimated_duration = graphene.Int(required=True)
    estimated_duration_seconds = graphene.Int(required=True)
    body = graphene.List(graphene.NonNull(ModuleBlock), required=True)
    module = graphene.Field(lambda: SpecialistModulePage,
                            description="The specialist module this part belongs to.")

    def resolve_icon(page, info):
        return icon(page.icon)

    def resolve_estimated_duration(page, info):
        return page.estimated_duration_minutes

    def resolve_body(page, info):
        return resolve_body(page.body, info)

    def resolve_module(page, info):
        return specialist_modules_by_path(info).get(page.path[: -page.steplen])


class SpecialistModulePage(graphene.ObjectType):
    """The start page of a specialist module, with its parts as tiles."""

    class Meta:
        interfaces = (LearningPage, Module)

    icon = graphene.Field(Icon)
    explanation = graphene.String(required=True)
    parts = graphene.List(graphene.NonNull(ModulePartPage), required=True,
                          description="Live parts in tree order.")

    def resolve_icon(page, info):
        return icon(page.icon)

    def resolve_explanation(page, info):
        return expand_rich_text(page.explanation, info)

    def resolve_parts(page, info):
        return parts_by_module(info).get(page.path, [])


class CataloguePage(graphene.ObjectType):
    """The catalogue screen; its offers come from the ``catalogue`` query."""

    class Meta:
        interfaces = (LearningPage,)

    intro = graphene.String(required=True)

    def resolve_intro(page, info):
        return expand_rich_text(page.intro, info)


PAGE_TYPES = {
    models.LearningEnvironmentPage: LearningEnvironmentPage,
    models.SectionPage: SectionPage,
    models.BasicModulePage: BasicModulePage,
    models.SpecialistModulePage: SpecialistModulePage,
    models.ModulePartPage: ModulePartPage,
    models.CataloguePage: CataloguePage,
}


def prepare_pages(pages, info):
    """Prefetch what lists of modules show and announce what all the pages refer to, in
    bulk: a list costs the same queries whatever its length."""
    prefetch_related_objects([page for page in pages if isinstance(page, models.ModulePage)],
                             "themes", "development_group__members")
    return RequestObjects.of(info).want_pages(pages)


def visible_modules(info):
    """The live modules the request may see, in tree order: a queryset of the one module
    table, to filter and slice before loading."""
    return RequestObjects.of(info).visible(models.ModulePage.objects.all()).order_by("path")


def specific_window(queryset, offset, limit):
    """``(pages, total)``: the specific pages of one window of a page queryset, and how
    many the whole queryset holds.

    The total comes with the window's rows (a window function), and each page type in
    the window costs one query: only the rows the answer shows are loaded.
    """
    rows = list(queryset.annotate(total=Window(Count("pk")))
                .values_list("pk", "content_type_id", "total")[offset:offset + limit])
    if not rows:
        return [], queryset.count() if offset else 0
    pks_by_type = defaultdict(list)
    for pk, content_type_id, _total in rows:
        pks_by_type[content_type_id].append(pk)
    loaded = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            loaded.update(model.objects.in_bulk(pks))
    return [loaded[pk] for pk, _type, _total in rows if pk in loaded], rows[0][2]


def all_visible_modules(info):
    """Every live module, once per request, ready for lists."""
    return RequestObjects.of(info).memo(
        "modules", lambda: prepare_pages(list(visible_modules(info).specific()), info))


def specialist_modules_by_path(info):
    """Live specialist modules by tree path, once per request: a list of parts (search
    results, say) finds each part's module without a query per part."""
    return RequestObjects.of(info).memo("specialist_modules_by_path", lambda: {
        module.path: module for module in all_visible_modules(info)
        if isinstance(module, models.SpecialistModulePage)})


def modules_by_theme(info):
    def group():
        grouped = defaultdict(list)
        for module in all_visible_modules(info):
            for theme in module.themes.all():
                grouped[theme.pk].append(module)
        return grouped

    return RequestObjects.of(info).memo("modules_by_theme", group)


def parts_by_module(info):
    """Live parts of all specialist modules, grouped by the module's tree path."""
    def group():
        objects = RequestObjects.of(info)
        parts = list(objects.visible(models.ModulePartPage.objects.all()).order_by("path"))
        objects.want_pages(parts)
        grouped = defaultdict(list)
        for part in parts:
            grouped[part.path[: -part.steplen]].append(part)
        return grouped

    return RequestObjects.of(info).memo("parts_by_module", group)
