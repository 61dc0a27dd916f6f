"""Themes such as SGG, each with its modules: the theme map."""

import graphene

from borg_learning import models
from borg_learning.api.graphql.choices import Colour, Icon, colour, icon
from borg_learning.api.graphql.interfaces import Module
from borg_learning.api.graphql.module_lists import announce_themes, theme_modules


class Theme(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.String(required=True)
    colour = graphene.Field(Colour, required=True)
    icon = graphene.Field(Icon, required=True)
    modules = graphene.List(
        graphene.NonNull(Module),
        required=True,
        description="Live modules with this theme, in tree order.",
    )

    class Meta:
        name = "LearningTheme"
        description = "A theme such as SGG; it tags modules and offers."

    def resolve_colour(theme, info):
        return colour(theme.colour)

    def resolve_icon(theme, info):
        return icon(theme.icon)

    def resolve_modules(theme, info):
        return theme_modules(theme, info)


class ThemesQuery:
    themes = graphene.List(
        graphene.NonNull(Theme),
        required=True,
        description="All themes with their modules: the theme overview map.",
    )
    theme = graphene.Field(Theme, slug=graphene.String(required=True))

    def resolve_themes(root, info):
        return announce_themes(list(models.Theme.objects.all()), info)

    def resolve_theme(root, info, slug):
        return models.Theme.objects.filter(slug=slug).first()
