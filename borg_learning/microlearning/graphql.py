"""Microlessons over GraphQL: ``microlessons(theme, format)`` and ``microlesson(id, slug)``.

Only live microlessons the request may see (the visibility policy, through the request's
``Loaders``): drafts come only through a preview token (``page(previewToken)``), private
ones only to whom they are shared with. A list costs the same queries for 3 as for 30:
the page rows with their themes in one query, what their bodies refer to in one per kind.
"""

import graphene
from django.db.models import Count, Window
from graphql import GraphQLError

from borg_learning.api.graphql.blocks import ModuleBlock, resolve_body
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import LearningPage
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.registry import register_page_type
from borg_learning.api.graphql.themes import Theme
from borg_learning.microlearning import models
from borg_learning.microlearning.formats import MicrolessonFormat

FormatEnum = enum_from_choices(
    MicrolessonFormat,
    "LearningMicrolessonFormat",
    "The one format of a microlesson.",
    values={
        "VIDEO": "A short video: a video block.",
        "INFOGRAPHIC": "An infographic: an image block and a text block with its long description.",
        "QUIZ": "A quiz: one or more exercise blocks.",
        "PODCAST": "A podcast: an audio block with its transcript.",
        "TEXT": "A text summary: a text block.",
    },
)


@register_page_type(models.MicrolessonPage)
class MicrolessonPage(graphene.ObjectType):
    """A microlesson: one unit of a fixed length in one format."""

    class Meta:
        name = "LearningMicrolessonPage"
        interfaces = (LearningPage,)

    summary = graphene.String(required=True)
    format = graphene.Field(FormatEnum, required=True)
    length = graphene.Int(
        required=True, description="The unit's length in seconds (30, 60, 90, 120): its budget."
    )
    estimated_duration_seconds = graphene.Int(
        required=True, description="Estimated seconds of the published content; at most length."
    )
    theme = graphene.Field(Theme, description="Null when its theme was deleted.")
    body = graphene.List(graphene.NonNull(ModuleBlock), required=True)

    def resolve_format(page, info):
        return MicrolessonFormat(page.format)

    def resolve_theme(page, info):
        if page.theme is None:
            return None
        return Loaders.of(info).visibility.translated([page.theme])[0]

    def resolve_body(page, info):
        return resolve_body(page.body, info)


MicrolessonList = paged_list("LearningMicrolessonList", MicrolessonPage)


def visible_microlessons(info):
    """The live microlessons the request may see, in tree order, with their themes."""
    return (
        Loaders.of(info)
        .visible(models.MicrolessonPage.objects.all())
        .select_related("theme")
        .order_by("path")
    )


class MicrolessonQuery:
    microlessons = graphene.Field(
        MicrolessonList,
        required=True,
        theme=graphene.String(description="A theme slug."),
        format=FormatEnum(),
        limit=graphene.Int(),
        offset=graphene.Int(),
        locale=locale_argument(),
        description="Live microlessons in tree order, filtered by theme and format.",
    )
    microlesson = graphene.Field(
        MicrolessonPage,
        id=graphene.ID(),
        slug=graphene.String(),
        locale=locale_argument(),
        description="A live microlesson by id or by slug (the first in tree order). Give one.",
    )

    def resolve_microlessons(
        root, info, theme=None, format=None, limit=None, offset=None, locale=None
    ):
        read_in(info)
        offset, limit = page_window(limit, offset)
        queryset = visible_microlessons(info)
        if theme is not None:
            queryset = queryset.filter(theme__slug=theme)
        format = getattr(format, "value", format)
        if format is not None:
            queryset = queryset.filter(format=format)
        # The total comes with the window's rows, as the module lists do.
        items = list(queryset.annotate(total=Window(Count("pk")))[offset : offset + limit])
        total = items[0].total if items else (queryset.count() if offset else 0)
        return MicrolessonList(total_count=total, items=Loaders.of(info).want_pages(items))

    def resolve_microlesson(root, info, id=None, slug=None, locale=None):
        read_in(info)
        if (id is None) == (slug is None):
            raise GraphQLError("Give exactly one of id or slug.")
        queryset = visible_microlessons(info)
        if id is not None:
            queryset = queryset.filter(pk=database_id(id))
        else:
            queryset = queryset.filter(slug=str(slug)[:255])
        page = queryset.first()
        return Loaders.of(info).want_pages([page])[0] if page else None
