"""The ``locale`` argument of the root fields that read pages (see ``borg_learning.locales``)."""

import graphene
from graphql import FieldNode, GraphQLError, OperationDefinitionNode, value_from_ast_untyped
from graphql.pyutils import Undefined

from borg_learning.locales import LocaleError, use_locale

DESCRIPTION = (
    "The language to read in: a locale's language code, such as 'fr'. Default: the "
    "locale of the site's root page. One locale per request."
)


def locale_argument():
    return graphene.String(description=DESCRIPTION)


def locale_of(operation: OperationDefinitionNode, variables: dict | None) -> str | None:
    """The locale the operation's root fields ask for, read before any of them runs, so
    every field reads the same tree whatever order they run in; two are refused."""
    codes = {
        value_from_ast_untyped(argument.value, variables)
        for field in operation.selection_set.selections
        if isinstance(field, FieldNode)
        for argument in field.arguments
        if argument.name.value == "locale"
    } - {None, Undefined}
    if len(codes) > 1:
        raise LocaleError(
            "Ask for one locale per request: give every field the same locale argument."
        )
    return codes.pop() if codes else None


def read_in(info, locale):
    """Fix the request's locale before the field reads any page."""
    try:
        use_locale(info.context, locale)
    except LocaleError as error:
        raise GraphQLError(str(error)) from None
