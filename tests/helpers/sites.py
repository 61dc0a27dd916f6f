"""Large sites built fast: hundreds of live modules inserted in a few statements.

Adding a page the way the admin does (``add_child``, a revision, publishing, indexing)
takes tens of milliseconds; a site of 1,000 modules built that way takes a minute.
``bulk_modules`` writes the rows of the page tree, the module tables and the theme links
directly, as a published page has them, and indexes the modules for search in one batch
when asked to. What it builds is what the APIs read: live pages in tree order below
``parent``, with their themes.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from borg_learning.models import BasicModulePage, ModulePage, ModulePartPage, SpecialistModulePage


def analyze_tables():
    """PostgreSQL's statistics of the tables, as autovacuum keeps them on a live site: rows
    made in a test's transaction, or just before a benchmark measures, are not in them,
    and without statistics the planner takes a site of 1,000 modules for an empty one (a
    search's count then runs for minutes)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def insert_rows(model, instances):
    """Insert the rows of ``model``'s own table for ``instances`` (a multi-table child
    model, which ``bulk_create`` refuses), in batches."""
    fields = list(model._meta.local_concrete_fields)
    model._base_manager.all()._batched_insert(instances, fields, batch_size=None)


def bulk_pages(parent, model, count, title="Module {number}", index=False, **fields):
    """``count`` live pages of ``model`` (a module or module part type) below ``parent``,
    after its existing children, titled ``title`` with ``{number}`` from 0; ``fields``
    for every page. Returns them, in tree order."""
    parent = Page.objects.get(pk=parent.pk)
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages = []
    for number in range(count):
        page_title = title.format(number=number)
        slug = f"{model._meta.model_name}-{first_step + number}"
        pages.append(
            model(
                title=page_title,
                draft_title=page_title,
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, first_step + number),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                **fields,
            )
        )
    created = Page.objects.bulk_create([Page(**_page_fields(page)) for page in pages])
    for page, row in zip(pages, created, strict=True):
        page.pk = page.page_ptr_id = row.pk
    for table in reversed(model._meta.get_parent_list()):
        if table is not Page:
            insert_rows(table, pages)
    for page in pages:
        for link in model._meta.parents.values():
            if link is not None:
                setattr(page, link.attname, page.pk)
    insert_rows(model, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    if index:
        get_search_backend().add_bulk(model, pages)
    return pages


def _page_fields(page):
    return {field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}


def bulk_modules(parent, count, themes=(), title="Module {number}", index=False, **fields):
    """``count`` live basic modules below ``parent`` (a section), with ``themes``."""
    fields.setdefault("summary", "Een korte module.")
    fields.setdefault("target_duration", 10)
    modules = bulk_pages(parent, BasicModulePage, count, title, index, **fields)
    link_themes(modules, themes)
    return modules


def bulk_specialist_modules(
    parent,
    count,
    parts=2,
    themes=(),
    title="Specialistisch {number}",
    index=False,
    part_title="Onderdeel {number}",
    part_summary="Een onderdeel.",
):
    """``count`` live specialist modules below ``parent``, each with ``parts`` parts."""
    modules = bulk_pages(
        parent, SpecialistModulePage, count, title, index, summary="In delen.", target_duration=30
    )
    link_themes(modules, themes)
    for module in modules:
        bulk_pages(
            module,
            ModulePartPage,
            parts,
            part_title,
            index,
            summary=part_summary,
            target_duration=10,
            icon="book",
        )
    return modules


def link_themes(modules, themes):
    through = ModulePage.themes.through
    through.objects.bulk_create(
        [
            through(modulepage_id=module.pk, theme_id=theme.pk)
            for module in modules
            for theme in themes
        ]
    )
