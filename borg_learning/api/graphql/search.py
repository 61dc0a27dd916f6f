"""Searching modules, module parts and catalogue offers at once."""

import graphene

from borg_learning import models
from borg_learning.api.graphql.catalogue import Offering, offerings_queryset
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.module_lists import prepare_pages, specific
from borg_learning.api.graphql.pages import BasicModulePage, ModulePartPage, SpecialistModulePage
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.registry import graphql_type_for
from borg_learning.search import hit_rows, in_order, search_results


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
        locale=locale_argument(),
        description="Modules, module parts and offers matching the words, best first.",
    )

    def resolve_search(root, info, query, limit=None, offset=None, locale=None):
        read_in(info)
        offset, limit = page_window(limit, offset)
        loaders = Loaders.of(info)
        sources = [
            # The backend takes a subquery of the visible pages, not the policy's own
            # filters, so it counts and pages exactly what the learner may see.
            models.ModulePage.objects.filter(
                pk__in=loaders.visible(models.ModulePage.objects.all()).values("pk")
            ),
            models.ModulePartPage.objects.filter(
                pk__in=loaders.visible(models.ModulePartPage.objects.all()).values("pk")
            ),
            loaders.visibility.in_locale(
                loaders.visibility.offerings(models.Offering.objects.all())
            ),
        ]
        pages, offerings, total = [], [], 0
        for source in sources:
            results = search_results(source, query)
            if results is None:
                return SearchResults(total_count=0, items=[])
            is_page = source.model is not models.Offering
            rows, count = hit_rows(
                results,
                offset - total,
                offset + limit - total,
                ("pk", "content_type_id") if is_page else ("pk",),
            )
            (pages if is_page else offerings).extend(rows)
            total += count
        offerings = list(in_order(offerings_queryset(info), [pk for (pk,) in offerings]))
        return SearchResults(
            total_count=total, items=prepare_pages(specific(pages), info) + offerings
        )
