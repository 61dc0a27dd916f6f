"""The admin report "Offers with broken links" ("Aanbod met gebroken links").

Lists the links of active offers that the check found broken or redirected, and those
not checked (automatically or by hand) for ``LINKCHECK_STALE_DAYS`` days; a filter
narrows it to one kind, a provider or a theme. Built as the core's reports are
(Wagtail's ``ReportView``, the Dutch CSV and XLSX downloads of ``reports.exports``);
readable with the view permission of checked links. An editor with the change
permission marks a link "checked by hand" from the table.
"""

import datetime

import django_filters
from django.db.models import F, Q
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from borg_learning.conf import learning_settings
from borg_learning.linkcheck.models import CheckedLink, LinkState
from borg_learning.models import Provider, Theme
from borg_learning.reports.exports import FormulaSafeCsvMixin
from borg_learning.reports.permissions import ModelPermissionRequired


def stale_since(now=None):
    """Links last checked before this moment are due."""
    return (now or timezone.now()) - datetime.timedelta(days=learning_settings.LINKCHECK_STALE_DAYS)


def not_checked_since(moment):
    """Neither the check nor an editor looked at the link after ``moment``."""
    return (Q(checked_at__isnull=True) | Q(checked_at__lt=moment)) & (
        Q(hand_checked_at__isnull=True) | Q(hand_checked_at__lt=moment)
    )


class Kind:
    """The kinds of link the report lists, each a condition on ``CheckedLink``."""

    PROBLEMS, BROKEN, REDIRECTED, STALE, WITHOUT_TLS, BY_HAND, ALL = (
        "",
        "broken",
        "redirected",
        "stale",
        "http",
        "by-hand",
        "all",
    )

    @staticmethod
    def choices():
        return [
            (Kind.BROKEN, _("Broken")),
            (Kind.REDIRECTED, _("Redirected")),
            (
                Kind.STALE,
                _("Not checked in the last %(days)d days")
                % {"days": learning_settings.LINKCHECK_STALE_DAYS},
            ),
            (Kind.WITHOUT_TLS, _("Without HTTPS")),
            (Kind.BY_HAND, _("Checked by hand")),
            (Kind.ALL, _("All links")),
        ]

    @staticmethod
    def condition(kind, now=None):
        unmarked = Q(hand_checked_at__isnull=True)
        broken = Q(state=LinkState.BROKEN) & unmarked
        redirected = Q(state=LinkState.REDIRECTED) & unmarked
        stale = not_checked_since(stale_since(now))
        return {
            Kind.PROBLEMS: broken | redirected | stale,
            Kind.BROKEN: broken,
            Kind.REDIRECTED: redirected,
            Kind.STALE: stale,
            Kind.WITHOUT_TLS: Q(final_url__startswith="http://"),
            Kind.BY_HAND: ~unmarked,
            Kind.ALL: Q(),
        }[kind]


class LinkReportFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=Kind.choices,
        empty_label=_("Broken, redirected or not checked"),
        method="filter_kind",
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Provider"),
        queryset=Provider.objects.all(),
        empty_label=_("All providers"),
        field_name="offering__provider",
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        empty_label=_("All themes"),
        method="filter_theme",
    )

    class Meta:
        model = CheckedLink
        fields = ["kind", "provider", "theme"]

    def filter_queryset(self, queryset):
        # The default ("Broken, redirected or not checked") applies without a value too.
        if not self.form.cleaned_data.get("kind"):
            queryset = queryset.filter(Kind.condition(Kind.PROBLEMS))
        return super().filter_queryset(queryset)

    def filter_kind(self, queryset, name, value):
        return queryset.filter(Kind.condition(value))

    def filter_theme(self, queryset, name, value):
        # A subquery, not a join: an offer with two themes stays one row.
        return queryset.filter(offering__in=value.offerings.values("pk")) if value else queryset


def offering_edit_url(link):
    return reverse(link.offering.snippet_viewset.get_url_name("edit"), args=[link.offering_id])


def moment_label(value):
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""


class ExternalLinkColumn(Column):
    """An address as a link that opens in a new tab."""

    def get_value(self, instance):
        url = super().get_value(instance)
        if not url:
            return "–"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener noreferrer">{}</a>', url, url
        )


class FoundColumn(Column):
    """What the check found: the state, the status and the problem or the redirects."""

    def get_value(self, link):
        if link.state == LinkState.UNCHECKED:
            return link.get_state_display()
        status = f"HTTP {link.status_code}" if link.status_code else ""
        if link.state == LinkState.BROKEN:
            return format_html(
                "<strong>{}</strong>: {} <small>{}</small>",
                link.get_state_display(),
                link.get_problem_display(),
                link.detail,
            )
        if link.state == LinkState.REDIRECTED:
            return format_html(
                "<strong>{}</strong> ({}) {} <a href='{}' target='_blank' rel='noopener "
                "noreferrer'>{}</a>",
                link.get_state_display(),
                link.redirect_summary,
                _("to"),
                link.final_url,
                link.final_url,
            )
        return format_html("{} ({})", link.get_state_display(), status)


class HandCheckColumn(Column):
    """Who checked the link by hand and when, or a button to say one did; the button
    only for editors who may change checked links."""

    cell_template_name = "borg_learning_linkcheck/hand_check_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["can_mark"] = request is not None and request.user.has_perm(
            "borg_learning_linkcheck.change_checkedlink"
        )
        if context["can_mark"]:
            context["csrf_token"] = get_token(request)
            context["action"] = reverse("borg_learning_linkcheck:hand_check", args=[instance.pk])
            context["next"] = request.get_full_path()
        context["when"] = moment_label(instance.hand_checked_at)
        return context


#: The exported fields and their headings.
LABELS = {
    "offering.title": _("Offer"),
    "offering.provider.name": _("Provider"),
    "chapter_title": _("Chapter"),
    "url": _("Link"),
    "get_state_display": _("State"),
    "status_code": _("HTTP status"),
    "final_url": _("Final link"),
    "redirect_summary": _("Redirects"),
    "get_problem_display": _("Problem"),
    "detail": _("Details"),
    "checked_at": _("Checked at"),
    "hand_checked_at": _("Checked by hand at"),
    "hand_checked_by_name": _("Checked by hand by"),
}


class BrokenLinksReportView(ModelPermissionRequired, FormulaSafeCsvMixin, ReportView):
    """See the module's docstring."""

    results_template_name = "wagtailadmin/reports/base_report_results.html"
    page_title = _("Offers with broken links")
    header_icon = "warning"
    index_url_name = "borg_learning_linkcheck:report"
    index_results_url_name = "borg_learning_linkcheck:report_results"
    model = CheckedLink
    permission_required = "view"
    filterset_class = LinkReportFilterSet
    default_ordering = "offering__title"
    list_export = list(LABELS)
    export_headings = LABELS

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "offering",
                label=LABELS["offering.title"],
                accessor="offering.title",
                get_url=offering_edit_url,
                sort_key="offering__title",
            ),
            Column(
                "provider", label=LABELS["offering.provider.name"], accessor="offering.provider"
            ),
            Column("chapter", label=LABELS["chapter_title"], accessor="chapter_title"),
            ExternalLinkColumn("url", label=LABELS["url"]),
            FoundColumn("state", label=_("Found"), sort_key="state"),
            Column(
                "checked_at",
                label=LABELS["checked_at"],
                accessor=lambda link: moment_label(link.checked_at) or "–",
                sort_key="checked_at",
            ),
            HandCheckColumn("hand_checked_by_name", label=_("Checked by hand")),
        ]

    @property
    def no_results_message(self):
        return _("No link of an active offer needs attention.")

    def get_queryset(self):
        self.queryset = CheckedLink.objects.filter(offering__active=True).select_related(
            "offering", "offering__provider", "chapter", "hand_checked_by"
        )
        return super().get_queryset()

    def order_queryset(self, queryset):
        """Never checked counts as the longest ago: first going up, last going down."""
        key = self.ordering.removeprefix("-")
        if self.ordering.startswith("-"):
            first = F(key).desc(nulls_last=True)
        else:
            first = F(key).asc(nulls_first=True)
        return queryset.order_by(first, "offering__title", "chapter__sort_order", "pk")

    def get_filename(self):
        return f"{self.export_name()}-{timezone.localdate():%Y-%m-%d}"
