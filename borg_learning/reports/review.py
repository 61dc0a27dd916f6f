"""Admin reports: the modules whose review is due.

Every module carries the date it was last reviewed and a review interval in months
(``ModulePage``). The report lists the modules of both types, live or not, that
were never reviewed or whose review date has come, the most overdue first. The due
date is computed in SQL, so the database filters, sorts and pages the list and a
page of the report costs the same number of queries however many modules it shows.
"""

import django_filters
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.reports import PageReportView
from wagtail.coreutils import get_content_type_label
from wagtail.models import Page

from borg_learning.models import ModulePage, Theme
from borg_learning.models.modules import review_due_date_sql
from borg_learning.reports.exports import FormulaSafeCsvMixin


def annotate_review(pages):
    """Only the modules among ``pages``, with their review fields as annotations:
    ``last_reviewed``, ``review_interval_months``, ``review_due_date`` and
    ``development_group_name``, joined from the module table."""
    return pages.filter(modulepage__isnull=False).annotate(
        last_reviewed=F("modulepage__last_reviewed"),
        review_interval_months=F("modulepage__review_interval_months"),
        review_due_date=review_due_date_sql("modulepage__"),
        development_group_name=F("modulepage__development_group__name"),
    )


def due_for_review(pages, today=None):
    """The modules among ``pages`` due on or before ``today``: counted from their last
    review, or from their first publication when they were never reviewed."""
    today = today or timezone.localdate()
    return annotate_review(pages).filter(review_due_date__lte=today)


class ReviewReportFilterSet(WagtailFilterSet):
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        empty_label=_("All themes"),
        method="filter_theme",
    )

    class Meta:
        model = Page
        fields = ["theme", "live"]

    def filter_theme(self, queryset, name, value):
        return queryset.filter(modulepage__themes=value) if value else queryset


class CalendarDateColumn(Column):
    """A date written out ("12 januari 2025"), or ``empty_label`` when there is none."""

    def __init__(self, name, empty_label="", **kwargs):
        super().__init__(name, **kwargs)
        self.empty_label = empty_label

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, "DATE_FORMAT") if value else self.empty_label


class LastReviewedColumn(CalendarDateColumn):
    """The last review, or for a module never reviewed when it was first published, the
    date its review interval counts from."""

    def get_value(self, instance):
        if instance.last_reviewed or not instance.first_published_at:
            return super().get_value(instance) or _("Never")
        return _("Never (first published on %(date)s)") % {
            "date": date_format(timezone.localdate(instance.first_published_at), "DATE_FORMAT")
        }


def interval_label(page):
    months = page.review_interval_months
    return ngettext("%(count)d month", "%(count)d months", months) % {"count": months}


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def page_type_label(page):
    return get_content_type_label(page.content_type)


def field_label(name):
    return capfirst(ModulePage._meta.get_field(name).verbose_name)


# The exported fields and their headings; the table shows the same, the title first.
LABELS = {
    "get_admin_display_title": _("Title"),
    "content_type": _("Type"),
    "last_reviewed": field_label("last_reviewed"),
    "review_interval_months": field_label("review_interval_months"),
    "review_due_date": _("Review due on"),
    "development_group_name": field_label("development_group"),
    "status_string": _("Status"),
}


class ModulesDueForReviewView(FormulaSafeCsvMixin, PageReportView):
    """Modules never reviewed or past their review date, the most overdue first.

    Lists the modules the user may edit; only users who may edit pages get in.
    Sortable on title, last review, due date and status; exports to CSV (whose titles
    cannot start a formula) and XLSX.
    """

    results_template_name = "wagtailadmin/reports/base_report_results.html"  # the table
    page_title = _("Modules due for review")
    header_icon = "calendar-alt"
    index_url_name = "borg_learning_reports:review_due"
    index_results_url_name = "borg_learning_reports:review_due_results"
    permission_required = "change"
    filterset_class = ReviewReportFilterSet
    default_ordering = "review_due_date"
    columns = [
        TitleColumn(
            "title",
            label=LABELS["get_admin_display_title"],
            accessor="get_admin_display_title",
            get_url=edit_url,
            sort_key="draft_title",
        ),
        Column("content_type", label=LABELS["content_type"], accessor=page_type_label),
        LastReviewedColumn(
            "last_reviewed",
            label=LABELS["last_reviewed"],
            sort_key="last_reviewed",
        ),
        Column("review_interval_months", label=_("Review interval"), accessor=interval_label),
        CalendarDateColumn(
            "review_due_date",
            label=LABELS["review_due_date"],
            empty_label="–",
            sort_key="review_due_date",
        ),
        Column("development_group_name", label=LABELS["development_group_name"]),
        LiveStatusTagColumn(label=LABELS["status_string"]),
    ]
    list_export = list(LABELS)
    export_headings = LABELS

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "content_type": {
                self.FORMAT_CSV: get_content_type_label,
                self.FORMAT_XLSX: get_content_type_label,
            },
        }

    def get_filename(self):
        return f"{self.export_name()}-{timezone.localdate():%Y-%m-%d}"

    @property
    def no_results_message(self):
        return _("No module is due for review.")

    def get_queryset(self):
        pages = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.queryset = (
            due_for_review(pages)
            .select_related("content_type")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )
        return super().get_queryset()

    def order_queryset(self, queryset):
        """Never reviewed counts as the longest ago: first going up, last going down."""
        key = self.ordering.removeprefix("-")
        if self.ordering.startswith("-"):
            first = F(key).desc(nulls_last=True)
        else:
            first = F(key).asc(nulls_first=True)
        return queryset.order_by(first, "draft_title", "pk")
