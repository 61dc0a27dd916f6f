"""Completing pages and modules, and announcing it once, after the commit.

Besides the modules and their parts, other features' page types are completed on their
own, without a module: a microlesson. A feature names them with the Wagtail hook
``register_completable_page_type`` (a function returning a ``StandalonePage``); their
blocks follow the same rules (``rules``), and their completion is announced with the
feature's own signal.

Called inside the transaction that holds the learner's row locked (``identity.lock``),
so two requests of one learner never complete the same page twice; the unique
constraints would refuse it anyway. The rules are in ``rules``.
"""

from dataclasses import dataclass

from django.db.models.functions import Length, Substr
from django.dispatch import Signal
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from borg_learning import signals
from borg_learning.api.references import References
from borg_learning.learners import rules
from borg_learning.learners.models import BlockProgress, Completion, Learner
from borg_learning.models import BasicModulePage, ModulePartPage, SpecialistModulePage
from borg_learning.signals import send_after_commit

TRACKED_PAGE_TYPES = (BasicModulePage, ModulePartPage, SpecialistModulePage)


@dataclass(frozen=True)
class StandalonePage:
    """A page type a learner completes on its own, outside any module."""

    model: type[Page]
    #: Sent once per learner and page, after the commit, with ``learner`` and ``page_id``.
    completed: Signal


def standalone_page_types() -> dict[type[Page], Signal]:
    """The page types the hook ``register_completable_page_type`` names, and their signal."""
    found = [hook() for hook in hooks.get_hooks("register_completable_page_type")]
    return {standalone.model: standalone.completed for standalone in found}


def tracked_page_types() -> tuple[type[Page], ...]:
    """The page types a learner completes: modules, their parts and standalone pages."""
    return (*TRACKED_PAGE_TYPES, *standalone_page_types())


def is_standalone(page) -> bool:
    return isinstance(page, tuple(standalone_page_types()))


def module_id_of(page) -> int | None:
    """The module a tracked page belongs to: itself, or a part's specialist module; None
    for a standalone page."""
    if is_standalone(page):
        return None
    if isinstance(page, ModulePartPage):
        parent_path = page.path[: -page.steplen]
        return (
            SpecialistModulePage.objects.filter(path=parent_path)
            .values_list("pk", flat=True)
            .first()
        )
    return page.pk


def parent_path_expression():
    return Substr("path", 1, Length("path") - Page.steplen)


def visible_part_ids(modules, references: References) -> dict[str, list[int]]:
    """The live parts the request may see of each specialist module, by the module's tree
    path, in tree order: one query for all of them."""
    paths = [module.path for module in modules]
    if not paths:
        return {}
    rows = (
        references.visibility.pages(ModulePartPage.objects.all())
        .annotate(parent_path=parent_path_expression())
        .filter(parent_path__in=paths)
        .order_by("path")
        .values_list("pk", "parent_path")
    )
    grouped = {path: [] for path in paths}
    for pk, parent_path in rows:
        grouped[parent_path].append(pk)
    return grouped


def announce(signal, **kwargs):
    """Send a domain signal once the transaction that stored the fact commits."""
    send_after_commit(signal, sender=Learner, **kwargs)


def evaluate(learner: Learner, page, module_id: int | None, references: References) -> list[int]:
    """Complete ``page`` (a live, visible tracked page) and its module for ``learner`` if
    the rules say so and they are not complete yet; the ids of the pages completed now."""
    completed = set(
        Completion.objects.filter(
            learner=learner, page_id__in={page.pk, module_id} - {None}
        ).values_list("page_id", flat=True)
    )
    if module_id in completed:
        return []
    now = timezone.now()
    newly = []
    if module_id is None:  # a standalone page
        if page.pk not in completed and _page_is_complete(learner, page, references):
            newly.append(_complete(learner, page.pk, None, now, page))
        return newly
    if isinstance(page, SpecialistModulePage):
        if _module_is_complete(learner, page, references, page_seen=True):
            newly.append(_complete(learner, page.pk, page.pk, now))
        return newly
    if page.pk not in completed and _page_is_complete(learner, page, references):
        newly.append(_complete(learner, page.pk, module_id, now))
        completed.add(page.pk)
    if isinstance(page, ModulePartPage) and page.pk in completed:
        module = references.visibility.pages(
            SpecialistModulePage.objects.filter(pk=module_id)
        ).first()
        if module is not None and _module_is_complete(learner, module, references):
            newly.append(_complete(learner, module_id, module_id, now))
    return newly


def _page_is_complete(learner, page, references) -> bool:
    done = set(
        BlockProgress.objects.filter(
            learner=learner, page_id=page.pk, completed_at__isnull=False
        ).values_list("block_id", flat=True)
    )
    required = rules.required_block_ids(page, references)
    if required:
        return required <= done
    return "" in done  # nothing to do: complete once the page is seen


def _module_is_complete(learner, module, references, page_seen=False) -> bool:
    parts = visible_part_ids([module], references)[module.path]
    if not parts:
        return (
            page_seen
            and BlockProgress.objects.filter(
                learner=learner, page_id=module.pk, block_id=""
            ).exists()
        )
    done = Completion.objects.filter(learner=learner, page_id__in=parts).count()
    return done == len(parts)


def _complete(learner, page_id, module_id, now, page=None) -> int:
    Completion.objects.create(
        learner=learner, page_id=page_id, module_id=module_id, completed_at=now
    )
    if module_id is None:
        announce(standalone_page_types()[type(page)], learner=learner, page_id=page_id)
    elif page_id == module_id:
        announce(signals.module_completed, learner=learner, module_id=module_id)
    else:
        announce(signals.part_completed, learner=learner, module_id=module_id, page_id=page_id)
    return page_id
