"""Searching modules, module parts and catalogue offers at once."""

import graphene

from borg_learning import models
from borg_learning.api.graphql.catalogue import Offering, offerings_queryset
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.module_lists import prepare_pages
from borg_learning.api.graphql.pages import BasicModulePage, ModulePartPage, SpecialistModulePage
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.registry import graphql_type_for
from borg_learning.search import in_order, search_ids


class SearchResult(graphene.Union):
    """A module, a module part or a catalogue offer that matches a search."""

    class Meta:
        name = "LearningSearchResult"
        types = (BasicModulePage, SpecialistModulePage, ModulePartPage, Offering)

    @classmethod
    def resolve_type(cls, instance, info):
        if isinstance(instance, models.Offering):
            return Offering
        return graphql_type_for(instance)


SearchResults = paged_list("LearningSearchResults", SearchResult)


class SearchQuery:
    search = graphene.Field(
        SearchResults,
        required=True,
        query=graphene.String(required=True),
        limit=graphene.Int(),
        offset=graphene.Int(),
        description="Modules, module parts and offers matching the words, best first.",
    )

    def resolve_search(root, info, query, limit=None, offset=None):
        offset, limit = page_window(limit, offset)
        if not query.strip():
            return SearchResults(total_count=0, items=[])
        loaders = Loaders.of(info)
        results = []
        # The search backend takes only its own filters (live, active); the visibility
        # policy narrows the hits afterwards.
        for model in (models.ModulePage, models.ModulePartPage):
            ids = search_ids(model.objects.live(), query)
            results += list(in_order(loaders.visible(model.objects.all()), ids).specific())
        ids = search_ids(models.Offering.objects.filter(active=True), query)
        offerings = list(in_order(offerings_queryset(info), ids))
        hits = results + offerings
        page = hits[offset : offset + limit]
        prepare_pages([hit for hit in page if not isinstance(hit, models.Offering)], info)
        return SearchResults(total_count=len(hits), items=page)
