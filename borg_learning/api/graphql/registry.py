"""Which GraphQL type serves which page model, and which kinds of object the request
loaders can fetch in bulk.

A leaf module: it imports no type module, so interfaces and every area can use it
without import cycles. The core registers its page types and kinds when their modules
are imported (``schema.py`` imports them all); a sub-app registers its own the same way
from the module its GraphQL mixin lives in.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet

PAGE_TYPES: dict[type[Model], type] = {}
LOADABLE_KINDS: dict[str, Callable[[Any], QuerySet]] = {}


def register_page_type(model: type[Model]) -> Callable[[type], type]:
    """Class decorator: the decorated GraphQL type serves pages of ``model``."""

    def register(graphql_type):
        PAGE_TYPES[model] = graphql_type
        return graphql_type

    return register


def graphql_type_for(instance: Model) -> type | None:
    """The GraphQL type of a page (or a subclass of a registered model), or None."""
    for model in type(instance).__mro__:
        if model in PAGE_TYPES:
            return PAGE_TYPES[model]
    return None


def is_learning_page(instance: Model | None) -> bool:
    return instance is not None and type(instance) in PAGE_TYPES


def register_loadable(kind: str, queryset: Callable[[Any], QuerySet]) -> None:
    """Let the request loaders fetch objects of ``kind`` in bulk, next to the pages,
    images, documents and media files that ``api/references.py`` loads for both APIs.

    ``queryset(loaders)`` returns the queryset to load from; it may narrow it with the
    request's visibility policy (``loaders.visibility``).
    """
    LOADABLE_KINDS[kind] = queryset
