"""The admin report "Progress": where learners start, and where they stop.

Built from the core's report blocks (``FigureReportView``, its period filters, charts
and Dutch CSV/XLSX exports), so it looks and exports like the other reports; the
figures are counted in ``progress_figures``. Readable with the view permission of
completions.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from borg_learning.learners.models import Completion
from borg_learning.learners.progress_figures import KIND_LABELS, module_figures
from borg_learning.reports import charts
from borg_learning.reports.figure_report import FigureColumn, FigureReportView
from borg_learning.reports.report_filters import LevelFourFilterSet

PROGRESS_LABELS = {
    "kind_label": _("Of"),
    "name": _("Name"),
    "module_title": _("Part of"),
    "started": _("Started"),
    "completed": _("Completed"),
    "rate": _("Completed (%)"),
}


class ProgressReportView(FigureReportView):
    """Learners who started and completed each module and part in the period, the
    themes and all modules added up, per month or quarter in the exports and the chart;
    a funnel per specialist module shows at which part learners stop. Other features'
    rows (learning routes) follow, with a chart of their completion rates and their own
    funnels."""

    page_title = _("Progress")
    header_icon = "tasks"
    index_url_name = "borg_learning_learners_reports:progress"
    index_results_url_name = "borg_learning_learners_reports:progress_results"
    #: Period (default: the last 12 months), theme, module, per month or quarter.
    filterset_class = LevelFourFilterSet
    model = Completion
    export_headings = PROGRESS_LABELS
    columns = [
        *(Column(name, label=label) for name, label in PROGRESS_LABELS.items() if name != "rate"),
        FigureColumn("rate", label=PROGRESS_LABELS["rate"]),
    ]
    table_notes = [
        _(
            "Started: the learners whose first progress on the module falls in the period; "
            "on a part, those of them who opened the part. Completed: those of them who "
            "completed the module or part within the period. A theme adds up its modules, "
            "so a learner who started two of them counts twice."
        )
    ]

    @property
    def no_results_message(self):
        return _("No learner started a module in this period.")

    @property
    def buckets(self):
        return self.scope.buckets() if self.scope else []

    @property
    def list_export(self):
        periods = range(len(self.buckets))
        return [
            *PROGRESS_LABELS,
            *(f"{name}_{index}" for index in periods for name in ("started", "completed")),
        ]

    def get_heading(self, queryset, field):
        name, _sep, index = field.rpartition("_")
        if name in ("started", "completed") and index.isdigit():
            return f"{PROGRESS_LABELS[name]} {self.scope.label(self.buckets[int(index)])}"
        return super().get_heading(queryset, field)

    def get_rows(self, scope):
        return module_figures(scope)

    def get_charts(self, rows):
        total = rows[0]
        labels = [self.scope.label(bucket) for bucket in self.buckets]
        started, completed = str(PROGRESS_LABELS["started"]), str(PROGRESS_LABELS["completed"])
        pictures = [
            charts.line_chart(
                _("Learners who started and completed a module, per period"),
                labels,
                [(started, total.started_series), (completed, total.completed_series)],
            )
        ]
        modules = [row for row in rows if row.kind in ("basic", "specialist")]
        pictures.append(
            charts.bar_chart(
                _("Completed per module (% of the learners who started)"),
                [(row.name, row.rate) for row in modules],
                max_value=100,
            )
        )
        themes = [row for row in rows if row.kind == "theme"]
        if themes:
            pictures.append(
                charts.column_chart(
                    _("Started and completed per theme"),
                    [row.name for row in themes],
                    [
                        (started, [row.started for row in themes]),
                        (completed, [row.completed for row in themes]),
                    ],
                )
            )
        for module in modules:
            if module.parts:
                pictures.append(funnel(module))
        return pictures + feature_charts(rows)


def feature_charts(rows):
    """Per kind of feature row (a learning route): the completion rate of each, then each
    one's funnel as the feature gave it."""
    nested = {id(part) for row in rows for part in row.parts}
    features = [
        row
        for row in rows
        if row.kind not in KIND_LABELS and row.kind != "part" and id(row) not in nested
    ]
    pictures = []
    for kind_label in dict.fromkeys(row.kind_label for row in features):
        pictures.append(
            charts.bar_chart(
                _("%(kind)s: completed (%% of the learners who started)") % {"kind": kind_label},
                [(row.name, row.rate) for row in features if row.kind_label == kind_label],
                max_value=100,
            )
        )
    pictures += [
        charts.bar_chart(_("Where learners stop: %(module)s") % {"module": row.name}, row.funnel)
        for row in features
        if row.funnel
    ]
    return pictures


def funnel(module):
    """How many learners started a specialist module, reached each part and completed
    it: the bars get shorter where learners stop."""
    bars = [(_("Started the module"), module.started)]
    bars += [
        (
            _("Reached part %(number)d: %(title)s") % {"number": part.number, "title": part.name},
            part.started,
        )
        for part in module.parts
    ]
    bars.append((_("Completed the module"), module.completed))
    return charts.bar_chart(
        _("Where learners stop: %(module)s") % {"module": module.name},
        [(str(label), value) for label, value in bars],
    )
