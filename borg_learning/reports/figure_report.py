"""The base of the reports that count: figures in a table, a chart, CSV and XLSX.

Wagtail's ``ReportView`` lists a queryset; these reports list rows of figures that
``views.figures`` counts within the filter's ``Scope``. The table, the chart and both
exports are made from the same rows, so they always show the same figures; the CSV's text
cannot start a formula (``exports``).
"""

from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from borg_learning.models import Response
from borg_learning.reports.exports import FormulaSafeCsvMixin
from borg_learning.reports.permissions import ModelPermissionRequired


class FigureColumn(Column):
    """A number to one decimal, or a dash when there is none."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return "–" if value is None else value


class FigureReportView(ModelPermissionRequired, FormulaSafeCsvMixin, ReportView):
    """A report of figures within the period, theme and module of its filters; readable
    with the view permission of ``model`` (responses, unless a report says otherwise)."""

    results_template_name = "borg_learning/reports/figures_results.html"
    model = Response
    permission_required = "view"
    paginate_by = None
    #: A ``report_filters.PeriodFilterSet``: its cleaned values are the report's ``Scope``.
    filterset_class = None

    @cached_property
    def scope(self):
        """The filters as a ``Scope``; None while they are wrong."""
        return self.filters.scope() if self.filters.is_valid() else None

    @cached_property
    def filter_errors(self):
        if self.filters.is_valid():
            return []
        return [
            f"{self.filters.form[name].label}: {message}"
            for name, messages in self.filters.form.errors.items()
            if name in self.filters.form.fields
            for message in messages
        ]

    def get_rows(self, scope):
        raise NotImplementedError

    def get_charts(self, rows):
        """``[svg]`` pictures of ``rows``."""
        return []

    def get_filtered_queryset(self):
        return self.get_rows(self.scope) if self.scope else []

    def get(self, request, *args, **kwargs):
        if self.is_export and self.scope is None:
            self.is_export = False  # show the form with its messages instead of a file
        return super().get(request, *args, **kwargs)

    @property
    def period_label(self):
        if self.scope is None:
            return ""
        return _("From %(start)s to %(end)s") % {
            "start": date_format(self.scope.start, "DATE_FORMAT"),
            "end": date_format(self.scope.end, "DATE_FORMAT"),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context["object_list"]
        context["charts"] = self.get_charts(rows) if rows else []
        return context

    def get_filename(self):
        scope = self.scope
        return f"{self.export_name()}-{scope.start:%Y-%m-%d}-{scope.end:%Y-%m-%d}"
