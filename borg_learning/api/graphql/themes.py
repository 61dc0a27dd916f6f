"""Themes such as SGG, each with its modules: the theme map.

A sub-app adds fields to ``LearningTheme`` with the Wagtail hook
``register_learning_theme_fields`` (a function returning a list of classes of graphene
fields and their resolvers, which get the ``borg_learning.models.Theme``), as the podcasts
add ``podcastUrl``; a name the core or another sub-app has already is refused. The type
is made when this module is imported, which is when the core app is ready: a hook
function imports its classes inside itself, from a module that does not import this one.
"""

import graphene
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from borg_learning import models
from borg_learning.api.graphql.choices import Colour, Icon, colour, icon
from borg_learning.api.graphql.interfaces import Module
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.module_lists import announce_themes, theme_modules


class ThemeFields:
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

    def resolve_colour(theme, info):
        return colour(theme.colour)

    def resolve_icon(theme, info):
        return icon(theme.icon)

    def resolve_modules(theme, info):
        return theme_modules(theme, info)


def extra_theme_fields():
    """The classes sub-apps add to ``LearningTheme`` (hook ``register_learning_theme_fields``)."""
    return without_clashes(
        tuple(item for hook in hooks.get_hooks("register_learning_theme_fields") for item in hook())
    )


def without_clashes(classes):
    """``classes``, once it is sure none names a field or resolver that the core or an
    earlier class has: in the type, the first class would silently replace the other's."""
    taken = dict.fromkeys(_names(ThemeFields), "the core")
    for cls in classes:
        where = f"{cls.__module__}.{cls.__qualname__}"
        for name in _names(cls):
            if name in taken:
                raise ImproperlyConfigured(
                    f"{where} adds {name!r} to LearningTheme, which {taken[name]} has already."
                )
            taken[name] = where
    return classes


def _names(cls):
    """The fields ``cls`` declares or resolves."""
    return {name.removeprefix("resolve_") for name in vars(cls) if not name.startswith("_")}


class Theme(*extra_theme_fields(), ThemeFields, graphene.ObjectType):
    class Meta:
        name = "LearningTheme"
        description = "A theme such as SGG; it tags modules and offers."


class ThemesQuery:
    themes = graphene.List(
        graphene.NonNull(Theme),
        required=True,
        locale=locale_argument(),
        description="All themes with their modules: the theme overview map.",
    )
    theme = graphene.Field(Theme, slug=graphene.String(required=True), locale=locale_argument())

    def resolve_themes(root, info, locale=None):
        read_in(info)
        themes = Loaders.of(info).visibility.in_locale(models.Theme.objects.all())
        return announce_themes(list(themes), info)

    def resolve_theme(root, info, slug, locale=None):
        read_in(info)
        themes = Loaders.of(info).visibility.in_locale(models.Theme.objects.filter(slug=slug))
        return themes.first()
