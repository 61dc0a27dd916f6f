"""The one shape of a paged list: a window of items (``limit``, ``offset``; see
``limits.page_window``) and how many match in all."""

import graphene


def paged_list(name: str, item, description: str | None = None) -> type[graphene.ObjectType]:
    """The GraphQL type ``name`` of a page of ``item``s: ``totalCount`` and ``items``."""
    meta = type("Meta", (), {"name": name, "description": description})
    return type(
        name,
        (graphene.ObjectType,),
        {
            "Meta": meta,
            "total_count": graphene.Int(required=True),
            "items": graphene.List(graphene.NonNull(item), required=True),
        },
    )
