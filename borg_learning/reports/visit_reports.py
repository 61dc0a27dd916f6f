"""Admin report of visits: in total, per theme and per page, per day or month.

A theme's visits are those of its modules and their parts; a module with two themes
counts for both, so the themes may add up to more than the total.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from borg_learning.analytics import figures
from borg_learning.models import PageVisitDay
from borg_learning.reports import charts
from borg_learning.reports.figure_report import FigureReportView
from borg_learning.reports.report_filters import VisitFilterSet

VISIT_LABELS = {"kind_label": _("Of"), "name": _("Name"), "total": _("Visits")}


class VisitReportView(FigureReportView):
    """Visits in the period: one row for the total, one per theme, one per visited page,
    with the visits per period in the exports and in the chart."""

    page_title = _("Visits")
    header_icon = "view"
    index_url_name = "borg_learning_reports:visits"
    index_results_url_name = "borg_learning_reports:visits_results"
    filterset_class = VisitFilterSet
    model = PageVisitDay
    export_headings = VISIT_LABELS
    columns = [Column(name, label=label) for name, label in VISIT_LABELS.items()]

    @property
    def no_results_message(self):
        return _("No visits in this period.")

    @property
    def list_export(self):
        return [*VISIT_LABELS, *(f"period_{index}" for index, _bucket in enumerate(self.buckets))]

    @property
    def buckets(self):
        return self.scope.buckets() if self.scope else []

    def get_heading(self, queryset, field):
        if field.startswith("period_"):
            return self.scope.label(self.buckets[int(field.removeprefix("period_"))])
        return super().get_heading(queryset, field)

    def get_rows(self, scope):
        rows = figures.visit_series(scope)
        return rows if rows[0].total else []

    def get_charts(self, rows):
        labels = [self.scope.label(bucket) for bucket in self.buckets]
        series = [(row.name, row.series) for row in rows if row.kind in ("total", "theme")]
        themes = [(row.name, row.total) for row in rows if row.kind == "theme"]
        pictures = [charts.line_chart(_("Visits per period"), labels, series)]
        if themes:
            pictures.append(charts.bar_chart(_("Visits per theme"), themes))
        return pictures
