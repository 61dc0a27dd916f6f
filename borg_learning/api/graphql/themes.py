import graphene

from borg_learning.conf import learning_settings
from borg_learning.models.themes import colour_hex


class Colour(graphene.ObjectType):
    """A colour of the configured palette."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True, description="The editor's name for it (Dutch).")
    hex = graphene.String(required=True, description="E.g. #5b2a86.")


def colour(slug):
    if not slug:
        return None
    return Colour(slug=slug, name=str(learning_settings.label("COLOURS", slug)),
                  hex=colour_hex(slug) or "#000000")


class Icon(graphene.ObjectType):
    """An icon of the fixed icon set; the frontend draws it by slug."""

    slug = graphene.String(required=True)
    name = graphene.String(required=True)


def icon(slug):
    if not slug:
        return None
    return Icon(slug=slug, name=str(learning_settings.label("ICONS", slug)))


class Theme(graphene.ObjectType):
    id = graphene.ID(required=True)
    name = graphene.String(required=True)
    slug = graphene.String(required=True)
    description = graphene.String(required=True)
    colour = graphene.Field(Colour, required=True)
    icon = graphene.Field(Icon, required=True)
    modules = graphene.List(graphene.NonNull(lambda: module_interface()), required=True,
                            description="Live modules with this theme, in tree order.")

    class Meta:
        description = "A theme such as SGG; it tags modules and offers."

    def resolve_colour(theme, info):
        return colour(theme.colour)

    def resolve_icon(theme, info):
        return icon(theme.icon)

    def resolve_modules(theme, info):
        from borg_learning.api.graphql.pages import modules_by_theme

        return modules_by_theme(info).get(theme.pk, [])


def module_interface():
    from borg_learning.api.graphql.pages import Module

    return Module
