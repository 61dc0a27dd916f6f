"""Lists of learning pages as the screens show them: only the rows the answer shows,
loaded in bulk, a fixed number of queries however long the list or large the site.

Not a module of types: the page, theme and search types all list pages through it.
Lists below other objects (a theme's modules, a specialist module's parts, a part's
module) are batches: the objects an answer lists are announced as they are resolved,
and the first list asked loads the lists of all of them with one query per table.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Window, prefetch_related_objects
from wagtail.models import Page

from borg_learning import models
from borg_learning.api.graphql.batches import TRANSLATIONS, announce, batched
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.registry import PAGE_TYPES

PARTS = "parts_by_module_path"
MODULES_OF_PARTS = "specialist_modules_by_path"
MODULES_BY_THEME = "modules_by_theme"


def prepare_pages(pages, info):
    """Prefetch what lists of modules show and announce what all the pages refer to, in
    bulk: a list costs the same queries whatever its length. A specialist module's
    parts and a part's module are announced too, to be loaded with the others'."""
    modules = [page for page in pages if isinstance(page, models.ModulePage)]
    prefetch_related_objects(modules, "themes", "development_group__members")
    for page in pages:
        announce(info, TRANSLATIONS, page.translation_key)
        if isinstance(page, models.SpecialistModulePage):
            announce(info, PARTS, page.path)
        elif isinstance(page, models.ModulePartPage):
            announce(info, MODULES_OF_PARTS, parent_path(page))
    return Loaders.of(info).want_pages(pages)


def parent_path(page):
    return page.path[: -page.steplen]


def visible_modules(info):
    """The live modules the request may see, in tree order: a queryset of the one module
    table, to filter and slice before loading."""
    return Loaders.of(info).visible(models.ModulePage.objects.all()).order_by("path")


def visible_children(page, info, model=Page):
    """The live children of ``page`` (of ``model``) the request may see that are
    learning pages, in tree order: a queryset to page before loading."""
    learning_types = ContentType.objects.get_for_models(*PAGE_TYPES, for_concrete_models=False)
    return (
        Loaders.of(info)
        .visible(model.objects.child_of(page))
        .filter(content_type__in=learning_types.values())
        .order_by("path")
    )


def specific(rows):
    """The specific pages of ``(pk, content_type_id)`` rows, in their order: one query
    per page type."""
    pks_by_type = defaultdict(list)
    for pk, content_type_id in rows:
        pks_by_type[content_type_id].append(pk)
    loaded = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            loaded.update(model.objects.in_bulk(pks))
    return [loaded[pk] for pk, _type in rows if pk in loaded]


def specific_window(queryset, offset, limit):
    """``(pages, total)``: the specific pages of one window of a page queryset, and how
    many the whole queryset holds.

    The total comes with the window's rows (a window function), and each page type in
    the window costs one query: only the rows the answer shows are loaded.
    """
    rows = list(
        queryset.annotate(total=Window(Count("pk"))).values_list("pk", "content_type_id", "total")[
            offset : offset + limit
        ]
    )
    if not rows:
        return [], queryset.count() if offset else 0
    return specific([(pk, content_type_id) for pk, content_type_id, _total in rows]), rows[0][2]


def paged_children(page, info, offset, limit, model=Page):
    """One window of ``page``'s visible learning children (of ``model``), ready for a
    list; their total is remembered for ``children_count``."""
    pages, total = specific_window(visible_children(page, info, model), offset, limit)
    Loaders.of(info).cache[("children_count", model, page.pk)] = total
    return prepare_pages(pages, info)


def children_count(page, info, model=Page):
    """How many visible learning children (of ``model``) ``page`` has: known from the
    window when the list was asked, else counted."""
    return Loaders.of(info).memo(
        ("children_count", model, page.pk), lambda: visible_children(page, info, model).count()
    )


def children_of(paths):
    """Pages directly below the pages at these tree paths."""
    steplen = Page.steplen
    return reduce(or_, (Q(path__startswith=path, depth=len(path) // steplen + 1) for path in paths))


def module_parts(page, info):
    """The visible parts of a specialist module, in tree order; loaded with the parts of
    every specialist module the answer lists."""

    def load(paths):
        objects = Loaders.of(info)
        parts = list(
            objects.visible(models.ModulePartPage.objects.filter(children_of(paths))).order_by(
                "path"
            )
        )
        grouped = defaultdict(list)
        for part in prepare_pages(parts, info):
            grouped[parent_path(part)].append(part)
        return grouped

    return batched(info, PARTS, page.path, load, default=[])


def part_module(part, info):
    """The visible specialist module a part belongs to; loaded with the modules of every
    part the answer lists."""

    def load(paths):
        objects = Loaders.of(info)
        modules = objects.visible(models.SpecialistModulePage.objects.filter(path__in=paths))
        return {module.path: module for module in prepare_pages(list(modules), info)}

    return batched(info, MODULES_OF_PARTS, parent_path(part), load)


def announce_themes(themes, info):
    """Say that the answer lists the modules of these themes."""
    for theme in themes:
        announce(info, MODULES_BY_THEME, theme.translation_key)
    return themes


def theme_modules(theme, info):
    """The visible modules of a theme, in tree order; loaded with the modules of every
    theme the answer lists, in one query per module table. A theme and its translations
    are one theme: a translated module may still refer to the original's."""

    def load(theme_keys):
        rows = list(
            dict.fromkeys(  # once, if it has both a theme and its translation
                visible_modules(info)
                .filter(themes__translation_key__in=theme_keys)
                .values_list("themes__translation_key", "pk", "content_type_id")
            )
        )
        modules = {
            module.pk: module
            for module in prepare_pages(
                specific(list(dict.fromkeys((pk, type_id) for _theme, pk, type_id in rows))),
                info,
            )
        }
        grouped = defaultdict(list)
        for theme_key, pk, _type in rows:
            if pk in modules:
                grouped[theme_key].append(modules[pk])
        return grouped

    return batched(info, MODULES_BY_THEME, theme.translation_key, load, default=[])
