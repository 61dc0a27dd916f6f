"""Lists of learning pages as the screens show them: loaded in bulk, a fixed number of
queries however long the list.

Not a module of types: the page, theme and search types all list pages through it.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Window, prefetch_related_objects

from borg_learning import models
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.registry import is_learning_page


def visible_children(page, info):
    """The live, public children of ``page`` that are learning pages, ready for a list."""
    children = Loaders.of(info).visible(page.get_children()).specific()
    return prepare_pages([child for child in children if is_learning_page(child)], info)


def prepare_pages(pages, info):
    """Prefetch what lists of modules show and announce what all the pages refer to, in
    bulk: a list costs the same queries whatever its length."""
    prefetch_related_objects(
        [page for page in pages if isinstance(page, models.ModulePage)],
        "themes",
        "development_group__members",
    )
    return Loaders.of(info).want_pages(pages)


def visible_modules(info):
    """The live modules the request may see, in tree order: a queryset of the one module
    table, to filter and slice before loading."""
    return Loaders.of(info).visible(models.ModulePage.objects.all()).order_by("path")


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
    pks_by_type = defaultdict(list)
    for pk, content_type_id, _total in rows:
        pks_by_type[content_type_id].append(pk)
    loaded = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            loaded.update(model.objects.in_bulk(pks))
    return [loaded[pk] for pk, _type, _total in rows if pk in loaded], rows[0][2]


def all_visible_modules(info):
    """Every live module, once per request, ready for lists."""
    return Loaders.of(info).memo(
        "modules", lambda: prepare_pages(list(visible_modules(info).specific()), info)
    )


def specialist_modules_by_path(info):
    """Live specialist modules by tree path, once per request: a list of parts (search
    results, say) finds each part's module without a query per part."""
    return Loaders.of(info).memo(
        "specialist_modules_by_path",
        lambda: {
            module.path: module
            for module in all_visible_modules(info)
            if isinstance(module, models.SpecialistModulePage)
        },
    )


def modules_by_theme(info):
    def group():
        grouped = defaultdict(list)
        for module in all_visible_modules(info):
            for theme in module.themes.all():
                grouped[theme.pk].append(module)
        return grouped

    return Loaders.of(info).memo("modules_by_theme", group)


def parts_by_module(info):
    """Live parts of all specialist modules, grouped by the module's tree path."""

    def group():
        objects = Loaders.of(info)
        parts = list(objects.visible(models.ModulePartPage.objects.all()).order_by("path"))
        objects.want_pages(parts)
        grouped = defaultdict(list)
        for part in parts:
            grouped[part.path[: -part.steplen]].append(part)
        return grouped

    return Loaders.of(info).memo("parts_by_module", group)
