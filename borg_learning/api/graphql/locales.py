"""The ``locale`` argument of the root fields that read pages (see ``borg_learning.locales``).

The locale is the operation's, not a field's: worked out from all its root fields
(``locale_of``) by the view before any of them runs, and by each such field for a
schema run without the view, so every field reads the same tree in any order.
"""

import graphene
from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    value_from_ast_untyped,
)
from graphql.pyutils import Undefined

from borg_learning.locales import LocaleError, use_locale

DESCRIPTION = (
    "The language to read in: a locale's language code, such as 'fr'. Default: the "
    "locale of the site's root page. One locale per request."
)


def locale_argument():
    return graphene.String(description=DESCRIPTION)


def _root_fields(selection_set, fragments, seen):
    """The root fields, each fragment read once (a fragment spread twice in each of 24
    nested fragments would be 2**24 paths)."""
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            yield selection
        elif isinstance(selection, InlineFragmentNode):
            yield from _root_fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            if name in fragments and name not in seen:
                seen.add(name)
                yield from _root_fields(fragments[name].selection_set, fragments, seen)


def locale_of(
    operation: OperationDefinitionNode, variables: dict | None, fragments: dict
) -> str | None:
    """The locale the operation's root fields ask for (None: none does); two are refused."""
    codes = {
        value_from_ast_untyped(argument.value, variables)
        for field in _root_fields(operation.selection_set, fragments, set())
        for argument in field.arguments
        if argument.name.value == "locale"
    } - {None, Undefined}
    if len(codes) > 1:
        raise LocaleError(
            "Ask for one locale per request: give every field the same locale argument."
        )
    return codes.pop() if codes else None


def read_in(info):
    """Fix the request's locale, the operation's, before the field reads any page."""
    try:
        use_locale(info.context, locale_of(info.operation, info.variable_values, info.fragments))
    except LocaleError as error:
        raise GraphQLError(str(error)) from None
