"""GraphQL enums made from the models' choices, so the two cannot drift apart."""

import graphene
from django.utils import translation


def enum_from_choices(choices, name, description, values=None):
    """A GraphQL enum named ``name`` with a value per member of ``choices`` (Django
    ``TextChoices`` or a ``StrEnum``): the member's name, standing for its stored value.

    Each value is described by ``values[member name]`` or else by the member's English
    label, so the schema reads the same whatever the site's language.
    """
    values = values or {}

    def describe(member):
        if member is None:
            return description
        if member.name in values:
            return values[member.name]
        label = getattr(member, "label", None)
        if label is None:
            return None
        with translation.override("en"):
            return str(label)

    return graphene.Enum.from_enum(choices, name=name, description=describe)
