"""The interfaces every learning page, module and block type implements.

A leaf of the schema: it imports no module of object types. The types its fields
return are named by import path, so a type module (or a sub-app) can implement these
interfaces and point back at them without an import cycle.
"""

from collections import defaultdict

import graphene
from wagtail.models import Locale, Page

from borg_learning import models
from borg_learning.api.graphql.batches import TRANSLATIONS, batched
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.registry import graphql_type_for
from borg_learning.conf import learning_settings

TYPES = "borg_learning.api.graphql."


class LearningPage(graphene.Interface):
    """Any page of the learning environment."""

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    slug = graphene.String(required=True)
    path = graphene.String(required=True, description="Path on the site, e.g. /leeromgeving/sgg/.")
    url = graphene.String(required=True, description="Absolute URL on the site.")
    seo_title = graphene.String(required=True)
    search_description = graphene.String(required=True)
    last_published_at = graphene.DateTime()
    locale = graphene.String(
        required=True, description="The language code of the page's locale, e.g. 'nl'."
    )
    is_preview = graphene.Boolean(
        required=True, description="True when this is a draft shown by a preview token."
    )
    translations = graphene.List(
        graphene.NonNull(lambda: PageTranslation),
        required=True,
        description="The page in the site's other languages that the request may see, for "
        "a language switcher: read one with the `locale` argument and its path.",
    )

    @classmethod
    def resolve_type(cls, instance, info):
        return graphql_type_for(instance)

    def resolve_id(page, info):
        # A page being added has no id until it is saved; its preview is "new".
        return page.pk if page.pk is not None else "new"

    def resolve_path(page, info):
        return Loaders.of(info).page_location(page)[0]

    def resolve_url(page, info):
        return Loaders.of(info).page_url(page)

    def resolve_locale(page, info):
        codes = Loaders.of(info).memo(
            "locale_codes", lambda: dict(Locale.objects.values_list("pk", "language_code"))
        )
        return codes[page.locale_id]

    def resolve_is_preview(page, info):
        return bool(getattr(page, "_borg_learning_preview", False))

    def resolve_translations(page, info):
        return page_translations(page, info)


class PageTranslation(graphene.ObjectType):
    """A page in another language: enough to link to it."""

    class Meta:
        name = "LearningPageTranslation"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    locale = graphene.String(required=True, description="Its language code, e.g. 'fr'.")
    path = graphene.String(
        required=True, description="Its path, relative to its own language's root page."
    )
    url = graphene.String(required=True, description="Its absolute URL on the site.")

    # Worked out as for any learning page.
    resolve_locale = LearningPage.resolve_locale
    resolve_path = LearningPage.resolve_path
    resolve_url = LearningPage.resolve_url


def page_translations(page, info):
    """The visible translations of ``page`` in the other locales, by language code; the
    translations of every page the answer lists come in one query."""
    if page.pk is None:  # a new page in preview
        return []

    def load(keys):
        found = defaultdict(list)
        translations = Loaders.of(info).visibility.pages(
            Page.objects.filter(translation_key__in=keys), every_locale=True
        )
        for translation in translations.order_by("locale__language_code"):
            found[translation.translation_key].append(translation)
        return found

    pages = batched(info, TRANSLATIONS, page.translation_key, load, default=[])
    return [translation for translation in pages if translation.pk != page.pk]


ModuleKind = enum_from_choices(
    models.ModuleKind,
    "LearningModuleKind",
    "Basic (one page) or specialist (a start page with parts).",
)


class Module(graphene.Interface):
    """What every module says about itself."""

    class Meta:
        name = "LearningModule"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    kind = graphene.Field(ModuleKind, required=True)
    summary = graphene.String(required=True)
    image = graphene.Field(f"{TYPES}media.Image")
    themes = graphene.List(graphene.NonNull(f"{TYPES}themes.Theme"), required=True)
    learning_objectives = graphene.List(graphene.NonNull(graphene.String), required=True)
    audience_roles = graphene.List(graphene.NonNull(f"{TYPES}choices.Choice"), required=True)
    target_duration = graphene.Int(required=True, description="Minutes the module may take.")
    estimated_duration = graphene.Int(required=True, description="Estimated minutes, rounded up.")
    estimated_duration_seconds = graphene.Int(required=True)
    development_group = graphene.Field(f"{TYPES}pages.DevelopmentGroup")
    copyright_holder = graphene.String(required=True)
    last_reviewed = graphene.Date()
    review_due = graphene.Date(description="When the module is due for review.")
    questionnaire = graphene.Field(
        f"{TYPES}evaluation.Questionnaire",
        description="The evaluation asked at the end of the module: its own or the site's "
        "default; null when there is none. A module part's evaluation is its "
        "module's.",
    )

    @classmethod
    def resolve_type(cls, instance, info):
        return graphql_type_for(instance)

    def resolve_kind(page, info):
        return page.kind

    def resolve_image(page, info):
        return Loaders.of(info).get("image", page.image_id)

    def resolve_themes(page, info):
        return Loaders.of(info).visibility.translated(page.themes.all())

    def resolve_learning_objectives(page, info):
        return [
            block.get("value") for block in page.learning_objectives.raw_data if block.get("value")
        ]

    def resolve_audience_roles(page, info):
        return learning_settings.labelled("AUDIENCE_ROLES", page.audience_roles)

    def resolve_estimated_duration(page, info):
        return page.estimated_duration_minutes

    def resolve_review_due(page, info):
        return page.review_due_date

    def resolve_questionnaire(page, info):
        # From the request's batch: a list of modules costs the same few queries as one.
        loaders = Loaders.of(info)
        if page.questionnaire_id:
            questionnaire = loaders.get("questionnaire", page.questionnaire_id)
            if questionnaire is not None and questionnaire.locale_id != page.locale_id:
                # The original's questionnaire on a translated page: ask its translation.
                questionnaire = loaders.memo(
                    f"questionnaire_{questionnaire.pk}_in_{page.locale_id}",
                    lambda: page.get_questionnaire(),
                )
        else:
            questionnaire = loaders.memo(
                f"default_questionnaire_{page.locale_id}",
                lambda: models.Questionnaire.default(page.locale_id),
            )
        # As this module asks it: the questions for every module and for its themes.
        return questionnaire.for_module(page) if questionnaire is not None else None


class StreamBlock(graphene.Interface):
    """What every block of a module body has."""

    class Meta:
        name = "LearningStreamBlock"

    id = graphene.ID(required=True, description="Stable id of the block within its page.")
