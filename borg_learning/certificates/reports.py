"""The admin screen "Certificates": every certificate issued, read-only.

A Wagtail ``ReportView`` like the core's reports: the newest first, found by code or
name, narrowed to a kind of subject and the period it was issued in, exported to CSV and
XLSX with the columns of the table (a name as the learner typed it cannot start a
formula in the CSV). Readable with the view permission of certificates, which the
Borgbureau group has (migration 0002); nobody changes a certificate in the admin.
"""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from borg_learning.certificates.models import Certificate
from borg_learning.certificates.subjects import subjects
from borg_learning.certificates.verification import normalized
from borg_learning.reports.exports import FormulaSafeCsvMixin
from borg_learning.reports.permissions import ModelPermissionRequired

LABELS = {
    "shown_code": _("Verification code"),
    "title": _("Title"),
    "subject_kind": _("Kind"),
    "name": _("Name on the certificate"),
    "issued_at": _("Issued at"),
}


def kind_choices():
    return [(subject.kind, subject.label) for subject in subjects().values()]


def kind_label(kind: str) -> str:
    """The registered subject's name for ``kind`` (the stored kind when none is)."""
    return str(dict(kind_choices()).get(kind, kind))


def subject_kind_label(certificate) -> str:
    return kind_label(certificate.subject_kind)


def issued_moment(certificate) -> str:
    return date_format(timezone.localtime(certificate.issued_at), "DATETIME_FORMAT")


class CertificateFilterSet(WagtailFilterSet):
    q = django_filters.CharFilter(label=_("Code or name"), method="search")
    subject_kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=kind_choices, empty_label=_("All kinds")
    )
    issued_at = django_filters.DateFromToRangeFilter(
        label=_("Issued between"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Certificate
        fields = []

    def search(self, queryset, name, value):
        """A part of the name, or of the code as printed (with or without hyphens)."""
        value = value.strip()
        condition = Q(name__icontains=value)
        if code := normalized(value):
            condition |= Q(code__contains=code)
        return queryset.filter(condition)


class CertificateReportView(ModelPermissionRequired, FormulaSafeCsvMixin, ReportView):
    """The certificates issued, the newest first, 50 to a page."""

    page_title = _("Certificates")
    header_icon = "doc-full"
    index_url_name = "borg_learning_certificates_reports:certificates"
    index_results_url_name = "borg_learning_certificates_reports:certificates_results"
    model = Certificate
    permission_required = "view"
    filterset_class = CertificateFilterSet
    list_export = list(LABELS)
    export_headings = LABELS
    columns = [
        Column("shown_code", label=LABELS["shown_code"]),
        Column("title", label=LABELS["title"]),
        Column("subject_kind", label=LABELS["subject_kind"], accessor=subject_kind_label),
        Column("name", label=LABELS["name"]),
        Column("issued_at", label=LABELS["issued_at"], accessor=issued_moment),
    ]

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.custom_field_preprocess = {
            **self.custom_field_preprocess,
            "subject_kind": {self.FORMAT_CSV: kind_label, self.FORMAT_XLSX: kind_label},
        }

    @property
    def no_results_message(self):
        return _("No certificate matches.")

    def get_queryset(self):
        return Certificate.objects.order_by("-issued_at", "-pk")

    def get_filename(self):
        return f"{self.export_name()}-{timezone.localdate():%Y-%m-%d}"
