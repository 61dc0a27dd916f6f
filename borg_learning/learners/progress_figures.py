"""The figures of the progress report: who started and who completed, per module, part
and theme, per month or quarter.

Who counts is a cohort: the learners who started a module in the period, that is whose
first recorded progress on it falls in the period. A part counts those of them who
reached it (any progress on the part) and who completed it; the module counts those who
completed it. Only completions within the period count, so everyone who completed a
module is among its starters and a completion rate never passes 100 %. A module's
figures fall in the month its learners started (started) and completed (completed).

The database counts, grouped by module or page and period, in a fixed number of queries
(three for the counts, four for the modules, parts and themes), however many learners,
modules and parts there are. A theme adds up its modules (a module with two themes
counts for both) and the first row adds up all modules in the selection.

Other features add rows of their own (a learning route's starters and finishers) with
the Wagtail hook ``register_progress_report_rows``: a function that takes the report's
``Scope`` and returns ``ProgressRow`` objects with series of ``len(scope.buckets())``;
they follow the modules, are not part of the first row, and cost their own queries. A
feature's row may list its own rows (a route's steps) in ``parts``, and the bars of its
funnel chart in ``funnel``.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.analytics.figures import bucketed, rounded
from borg_learning.learners.completion import parent_path_expression
from borg_learning.learners.models import BlockProgress, Completion
from borg_learning.models import ModulePage, ModulePartPage, SpecialistModulePage, Theme

ROWS_HOOK = "register_progress_report_rows"

KIND_LABELS = {
    "total": _("Total"),
    "theme": _("Theme"),
    "basic": _("Basic module"),
    "specialist": _("Specialist module"),
}


@dataclass
class ProgressRow:
    """Learners who started and who completed something, per period of the report."""

    kind: str  # "total", "theme", "basic", "specialist", "part", or a feature's own
    name: str
    started_series: list
    completed_series: list
    kind_label: str = ""
    #: For a part: its module's title, and its place among the module's parts (for a
    #: feature's row of ``parts``, such as a route's step: likewise of its route).
    module_title: str = ""
    number: int | None = None
    page_id: int | None = None
    parts: list = field(default_factory=list, repr=False)
    #: A feature's funnel chart: ``(label, learners)`` bars from starting to completing.
    funnel: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        if not self.kind_label and self.kind in KIND_LABELS:
            self.kind_label = str(KIND_LABELS[self.kind])
        if not self.kind_label and self.kind == "part":
            self.kind_label = str(_("Part %(number)d") % {"number": self.number})

    @property
    def started(self):
        return sum(self.started_series)

    @property
    def completed(self):
        return sum(self.completed_series)

    @property
    def rate(self):
        """The share of the starters who completed, in per cent to one decimal."""
        return rounded(100 * self.completed / self.started) if self.started else None

    def add(self, other):
        self.started_series = [
            a + b for a, b in zip(self.started_series, other.started_series, strict=True)
        ]
        self.completed_series = [
            a + b for a, b in zip(self.completed_series, other.completed_series, strict=True)
        ]

    def __getitem__(self, key):
        """``started_3`` and ``completed_3``: the fourth period's figures, for the exports."""
        if isinstance(key, str):
            name, _sep, index = key.rpartition("_")
            if name in ("started", "completed") and index.isdigit():
                return getattr(self, f"{name}_series")[int(index)]
        raise KeyError(key)


def started_in_period(scope, learner="learner", module="module"):
    """True for a learner whose first progress on a module is in the period (the
    learner and module are columns of the outer query)."""
    start, end = scope.moments
    own = {"learner": OuterRef(learner), "module": OuterRef(module)}
    return Exists(
        BlockProgress.objects.filter(**own, updated_at__gte=start, updated_at__lt=end)
    ) & ~Exists(BlockProgress.objects.filter(**own, updated_at__lt=start))


def first_rows(scope, group):
    """Progress rows in the period with no earlier row of the same learner on the same
    ``group`` ("module" or "page"): each learner's first on it."""
    start, end = scope.moments
    earlier = BlockProgress.objects.filter(
        learner=OuterRef("learner"),
        **{group: OuterRef(group)},
        updated_at__lt=OuterRef("updated_at"),
    )
    return BlockProgress.objects.filter(updated_at__gte=start, updated_at__lt=end).exclude(
        Exists(earlier)
    )


def modules_in_scope(scope):
    modules = ModulePage.objects.all()
    if scope.module is not None:
        modules = modules.filter(pk=scope.module.pk)
    if scope.theme is not None:
        modules = modules.filter(themes=scope.theme)
    return modules


def per_period(rows, key, moment, scope):
    """``{pk: [learners per period]}`` of ``rows`` (a queryset) grouped by ``key`` and
    by the period of ``moment``: one query."""
    buckets = scope.buckets()
    position = {bucket: index for index, bucket in enumerate(buckets)}
    grouped = {}
    counts = (
        rows.order_by()
        .values(key, bucket=bucketed(moment, scope))
        .annotate(learners=Count("learner", distinct=True))
    )
    for row in counts:
        if row["bucket"] in position:
            series = grouped.setdefault(row[key], [0] * len(buckets))
            series[position[row["bucket"]]] += row["learners"]
    return grouped


def counted(scope, module_ids):
    """``(started, completed)``: ``{page id: [learners per period]}`` of the modules (by
    the module's id) and their parts (by the part's id); three queries."""
    start, end = scope.moments
    module_starts = first_rows(scope, "module").filter(module__in=module_ids)
    part_starts = (
        first_rows(scope, "page")
        .filter(module__in=module_ids)
        .exclude(page=F("module"))  # the parts only
        .filter(started_in_period(scope))
    )
    completions = Completion.objects.filter(
        module__in=module_ids, completed_at__gte=start, completed_at__lt=end
    ).filter(started_in_period(scope))
    started = per_period(module_starts, "module", "updated_at", scope)
    started.update(per_period(part_starts, "page", "updated_at", scope))
    return started, per_period(completions, "page", "completed_at", scope)


def module_figures(scope):
    """The first row (all modules), a row per theme, and a row per module followed by
    rows for its parts; then the rows of other features. Empty when nobody started."""

    def series():
        return [0] * len(scope.buckets())

    modules = list(
        modules_in_scope(scope)
        .annotate(
            specialist=Exists(SpecialistModulePage.objects.filter(pk=OuterRef("pk"))),
        )
        .order_by("title", "pk")
        .values("pk", "title", "path", "live", "specialist")
    )
    started, completed = counted(scope, [module["pk"] for module in modules])

    def figures_of(pk):
        return started.get(pk) or series(), completed.get(pk) or series()

    parts = parts_of([module for module in modules if module["specialist"]])
    total = ProgressRow("total", selection_name(scope), series(), series())
    module_rows = []
    for module in modules:
        has_figures = module["pk"] in started or module["pk"] in completed
        if not (module["live"] or has_figures):
            continue
        row = ProgressRow(
            "specialist" if module["specialist"] else "basic",
            module["title"],
            *figures_of(module["pk"]),
            page_id=module["pk"],
        )
        shown = [
            part
            for part in parts.get(module["path"], [])
            if part["live"] or part["pk"] in started or part["pk"] in completed
        ]
        for number, part in enumerate(shown, start=1):
            row.parts.append(
                ProgressRow(
                    "part",
                    part["title"],
                    *figures_of(part["pk"]),
                    module_title=module["title"],
                    number=number,
                    page_id=part["pk"],
                )
            )
        total.add(row)
        module_rows.append(row)
    features = [row for rows_of in hooks.get_hooks(ROWS_HOOK) for row in rows_of(scope)]
    if not total.started and not any(row.started for row in features):
        return []
    rows = [total, *themes_of(scope, module_rows, series)]
    for row in module_rows:
        rows += [row, *row.parts]
    return rows + features


def parts_of(modules):
    """The parts of the specialist ``modules`` by the module's tree path, in tree order:
    one query for all of them."""
    paths = [module["path"] for module in modules]
    if not paths:
        return {}
    grouped = {}
    rows = (
        ModulePartPage.objects.annotate(parent_path=parent_path_expression())
        .filter(parent_path__in=paths)
        .order_by("path")
        .values("pk", "title", "live", "parent_path")
    )
    for part in rows:
        grouped.setdefault(part["parent_path"], []).append(part)
    return grouped


def themes_of(scope, module_rows, series):
    """A row per theme of the listed modules (only the chosen one when the report is
    narrowed to a theme), adding up its modules; two queries."""
    listed = {row.page_id: row for row in module_rows}
    links = ModulePage.themes.through.objects.filter(modulepage_id__in=list(listed)).values_list(
        "theme_id", "modulepage_id"
    )
    by_theme = {}
    for theme_id, module_id in links:
        by_theme.setdefault(theme_id, []).append(listed[module_id])
    themes = [scope.theme] if scope.theme is not None else Theme.objects.filter(pk__in=by_theme)
    rows = []
    for theme in themes:
        row = ProgressRow("theme", theme.name, series(), series())
        for module in by_theme.get(theme.pk, []):
            row.add(module)
        rows.append(row)
    return rows


def selection_name(scope):
    if scope.theme is None and scope.module is None:
        return str(_("All modules"))
    return str(_("Selection"))
