"""A learner's progress as the API shows it: a fixed number of queries, whatever its size.

``LearnerView`` loads the learner's own rows once (their completions, and one row per
module they worked on), and pages only through the request's batch (``References``,
GraphQL's ``Loaders``) and visibility policy: a page the request may not see is never
shown, nor counted, nor its id listed. Nothing here loads lists of the whole site.

``completed_page_ids()`` and ``is_completed()`` answer "has this learner completed this
page" for other features (learning routes, certificates).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, OuterRef, Subquery, prefetch_related_objects
from django.utils.functional import cached_property
from wagtail.models import Page

from borg_learning.api.references import References
from borg_learning.learners import completion, rules
from borg_learning.learners.models import BlockProgress, Completion, Learner
from borg_learning.models import ModulePage, SpecialistModulePage
from borg_learning.visibility import Visibility


def completed_page_ids(learner: Learner, visibility: Visibility | None = None) -> set[int]:
    """Ids of the pages (module parts, basic and specialist modules) ``learner`` completed;
    with ``visibility``, only those it lets the request see."""
    ids = Completion.objects.filter(learner=learner).values_list("page_id", flat=True)
    if visibility is None:
        return set(ids)
    return set(visibility.pages(Page.objects.filter(pk__in=ids)).values_list("pk", flat=True))


def is_completed(learner: Learner | None, page: Page | int) -> bool:
    """Whether ``learner`` completed the page (a part, or a module as a whole)."""
    if learner is None:
        return False
    page_id = page if isinstance(page, int) else page.pk
    return Completion.objects.filter(learner=learner, page_id=page_id).exists()


class Completable:
    """``completed`` and ``completed_at`` of a progress with the ``completion`` row of its
    page (None while it is not complete)."""

    completion: Completion | None

    @property
    def completed(self):
        return self.completion is not None

    @property
    def completed_at(self):
        return self.completion.completed_at if self.completion else None


@dataclass
class ModuleProgress(Completable):
    module: ModulePage
    completion: Completion | None
    parts_total: int
    completed_part_ids: list[int]
    last_activity_at: datetime.datetime | None

    @property
    def started(self):
        return self.last_activity_at is not None

    @property
    def parts_done(self):
        return len(self.completed_part_ids)


@dataclass
class PageProgress(Completable):
    page: Page
    module_id: int | None
    completion: Completion | None
    seen: bool
    blocks: list[BlockProgress]
    required: set[str] = field(default_factory=set)

    @property
    def blocks_total(self):
        return len(self.required)

    @property
    def blocks_done(self):
        return len(self.required & {row.block_id for row in self.blocks if row.completed_at})


@dataclass
class Resume:
    page: Page
    module: ModulePage | None
    at: datetime.datetime
    module_completed: bool


class LearnerView:
    """One learner's progress for one request; ``learner`` None for a signed-in user
    who has no progress yet."""

    def __init__(
        self,
        learner: Learner | None,
        references: References,
        *,
        signed_in: bool = False,
        token_retired: bool = False,
    ) -> None:
        self.learner = learner
        self.references = references
        self.visibility = references.visibility
        self.signed_in = signed_in
        self.token_retired = token_retired

    @property
    def created_at(self):
        return self.learner.created_at if self.learner else None

    # The learner's own rows, each loaded once --------------------------------------------

    @cached_property
    def completions(self) -> dict[int, Completion]:
        if self.learner is None:
            return {}
        return {done.page_id: done for done in Completion.objects.filter(learner=self.learner)}

    @cached_property
    def activity(self) -> dict[int, datetime.datetime]:
        """The time of the latest change of progress, per module worked on."""
        if self.learner is None:
            return {}
        last = dict(
            BlockProgress.objects.filter(learner=self.learner)
            .values("module_id")
            .annotate(last=Max("updated_at"))
            .values_list("module_id", "last")
        )
        for done in self.completions.values():
            if done.module_id not in last or last[done.module_id] < done.completed_at:
                last[done.module_id] = done.completed_at
        return last

    @cached_property
    def completed_page_ids(self) -> list[int]:
        """The completed pages the request may see, in the order they were completed."""
        if not self.completions:
            return []
        visible = set(
            self.visibility.pages(Page.objects.filter(pk__in=list(self.completions))).values_list(
                "pk", flat=True
            )
        )
        ordered = sorted(self.completions.values(), key=lambda done: (done.completed_at, done.pk))
        return [done.page_id for done in ordered if done.page_id in visible]

    # Modules -------------------------------------------------------------------------------

    def modules(self, ids=None, offset=0, limit=None) -> list[ModuleProgress]:
        """Progress per module: of the modules ``ids`` (in that order, started or not), or
        else of every module the learner worked on, the latest first; a window of them."""
        if ids is None:
            worked_on = sorted(self.activity, key=lambda pk: self.activity[pk], reverse=True)
            visible = set(
                self.visibility.pages(ModulePage.objects.filter(pk__in=worked_on)).values_list(
                    "pk", flat=True
                )
            )
            ids = [pk for pk in worked_on if pk in visible]
        else:
            ids = list(dict.fromkeys(ids))
        window = ids[offset:] if limit is None else ids[offset : offset + limit]
        for pk in window:
            self.references.want("page", pk)
        modules = [
            module
            for module in (self.references.get("page", pk) for pk in window)
            if isinstance(module, ModulePage)
        ]
        # What module tiles show (images, themes, credits), in bulk, as the core's lists do.
        prefetch_related_objects(modules, "themes", "development_group__members")
        self.references.want_pages(modules)
        parts = completion.visible_part_ids(
            [module for module in modules if isinstance(module, SpecialistModulePage)],
            self.references,
        )
        return [self._module_progress(module, parts.get(module.path)) for module in modules]

    def module(self, pk) -> ModuleProgress | None:
        found = self.modules(ids=[pk])
        return found[0] if found else None

    def _module_progress(self, module, part_ids) -> ModuleProgress:
        if part_ids is None:  # a basic module counts as one part: itself
            part_ids = [module.pk]
        return ModuleProgress(
            module=module,
            completion=self.completions.get(module.pk),
            parts_total=len(part_ids),
            completed_part_ids=[pk for pk in part_ids if pk in self.completions],
            last_activity_at=self.activity.get(module.pk),
        )

    # One page ---------------------------------------------------------------------------------

    def page(self, pk) -> PageProgress | None:
        """The learner's progress on one page (a module part or module) the request may
        see: what to restore when the page is shown again."""
        page = self.references.get("page", pk)
        if not isinstance(page, completion.tracked_page_types()):
            return None
        rows = (
            list(BlockProgress.objects.filter(learner=self.learner, page_id=page.pk))
            if self.learner
            else []
        )
        blocks = rules.body_blocks(page)
        live = {block.id for block in blocks}
        order = {block.id: index for index, block in enumerate(blocks)}
        module_id = next((row.module_id for row in rows), None)
        if module_id is None:
            module_id = completion.module_id_of(page)
        return PageProgress(
            page=page,
            module_id=module_id,
            completion=self.completions.get(page.pk),
            seen=any(row.block_id == "" for row in rows),
            blocks=sorted(
                (row for row in rows if row.block_id in live), key=lambda row: order[row.block_id]
            ),
            required=rules.required_block_ids(page, self.references),
        )

    # Where to go on ---------------------------------------------------------------------------

    @cached_property
    def resume(self) -> Resume | None:
        """The page the learner last made progress on, if the request may still see it."""
        if self.learner is None:
            return None
        own = BlockProgress.objects.filter(learner=self.learner)
        latest = own.filter(page_id=OuterRef("pk")).order_by("-updated_at")
        found = (
            self.visibility.pages(Page.objects.filter(pk__in=own.values("page_id")))
            .annotate(
                last=Subquery(latest.values("updated_at")[:1]),
                module_id=Subquery(latest.values("module_id")[:1]),
            )
            .order_by("-last", "-pk")
            .values_list("pk", "module_id", "last")
            .first()
        )
        if found is None:
            return None
        page_id, module_id, at = found
        self.references.want("page", page_id)
        self.references.want("page", module_id)
        page = self.references.get("page", page_id)
        if page is None:
            return None
        module = self.references.get("page", module_id)
        self.references.want_pages([page] if module is None else [page, module])
        return Resume(
            page=page,
            module=module if isinstance(module, ModulePage) else None,
            at=at,
            module_completed=module_id in self.completions,
        )
