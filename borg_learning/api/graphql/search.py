"""Searching modules, module parts and catalogue offers at once."""

import graphene

from borg_learning import models
from borg_learning.api.graphql.catalogue import Offering, offerings_queryset
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.locales import locale_argument, read_in
from borg_learning.api.graphql.module_lists import prepare_pages, specific_pages
from borg_learning.api.graphql.pages import BasicModulePage, ModulePartPage, SpecialistModulePage
from borg_learning.api.graphql.paging import paged_list
from borg_learning.api.graphql.registry import graphql_type_for
from borg_learning.search import in_order, search_results


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
        hits, total = [], 0
        for source in sources:
            results = search_results(source, query)
            if results is None:
                return SearchResults(total_count=0, items=[])
            window, count = search_window(results, offset - total, offset + limit - total)
            hits += window
            total += count
        pages = specific_pages([hit for hit in hits if not isinstance(hit, models.Offering)])
        offerings = list(
            in_order(
                offerings_queryset(info),
                [hit.pk for hit in hits if isinstance(hit, models.Offering)],
            )
        )
        return SearchResults(total_count=total, items=prepare_pages(pages, info) + offerings)


def search_window(results, start, stop):
    """``(hits, count)``: the hits of one model's search results between ``start`` and
    ``stop`` (positions in that model's results; a window before them is empty), and
    how many results there are: a count, and a query for the window only when it holds
    any hits, so a search costs the same queries for 5 hits as for 1,000."""
    start, count = max(start, 0), results.count()
    return (list(results[start:stop]) if start < min(stop, count) else []), count
