"""Values from the configured lists: roles, target groups, colours and icons."""

import graphene

from borg_learning.conf import learning_settings
from borg_learning.models.themes import colour_hex


class Choice(graphene.ObjectType):
    """A value from a configured list (roles, target groups), with its label."""

    class Meta:
        name = "LearningChoice"

    slug = graphene.String(required=True)
    label = graphene.String(required=True)


class Colour(graphene.ObjectType):
    """A colour of the configured palette."""

    class Meta:
        name = "LearningColour"

    slug = graphene.String(required=True)
    name = graphene.String(required=True, description="The editor's name for it (Dutch).")
    hex = graphene.String(required=True, description="E.g. #5b2a86.")


def colour(slug):
    if not slug:
        return None
    return Colour(
        slug=slug,
        name=str(learning_settings.label("COLOURS", slug)),
        hex=colour_hex(slug) or "#000000",
    )


class Icon(graphene.ObjectType):
    """An icon of the fixed icon set; the frontend draws it by slug."""

    class Meta:
        name = "LearningIcon"

    slug = graphene.String(required=True)
    name = graphene.String(required=True)


def icon(slug):
    if not slug:
        return None
    return Icon(slug=slug, name=str(learning_settings.label("ICONS", slug)))


def all_slugs(setting):
    return [item[0] for item in getattr(learning_settings, setting)]


class ChoicesQuery:
    """The configured lists, for filters and legends."""

    audience_roles = graphene.List(graphene.NonNull(Choice), required=True)
    target_groups = graphene.List(graphene.NonNull(Choice), required=True)
    colours = graphene.List(graphene.NonNull(Colour), required=True)
    icons = graphene.List(graphene.NonNull(Icon), required=True)

    def resolve_audience_roles(root, info):
        return learning_settings.labelled("AUDIENCE_ROLES", all_slugs("AUDIENCE_ROLES"))

    def resolve_target_groups(root, info):
        return learning_settings.labelled("TARGET_GROUPS", all_slugs("TARGET_GROUPS"))

    def resolve_colours(root, info):
        return [colour(slug) for slug in all_slugs("COLOURS")]

    def resolve_icons(root, info):
        return [icon(slug) for slug in all_slugs("ICONS")]
