from django.contrib import messages
from django.db.models import Count
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.models import Page
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from borg_learning.content.estimate_view import DurationEstimateView
from borg_learning.models import DevelopmentGroup, Offering, Provider, Questionnaire, Theme
from borg_learning.models.modules import TimedPage
from borg_learning.reports.evaluation_reports import (
    EvaluationReportView,
    LevelFourReportView,
    OpenAnswersView,
)
from borg_learning.reports.home_panel import LastDaysPanel
from borg_learning.reports.permissions import register_report_permission
from borg_learning.reports.review import ModulesDueForReviewView
from borg_learning.reports.visit_reports import VisitReportView
from borg_learning.snippet_filters import OfferingFilterSet


def field_label(model, name):
    return capfirst(model._meta.get_field(name).verbose_name)


class LearningSnippetViewSet(SnippetViewSet):
    # Search the listed ``search_fields`` with the ORM: a search backend only searches
    # its index columns (SQLite fails on "summary") and refuses the listing's filters.
    search_backend_name = None


class ThemeViewSet(LearningSnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "colour", "icon"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class DevelopmentGroupViewSet(LearningSnippetViewSet):
    model = DevelopmentGroup
    icon = "group"
    list_display = ["name"]
    search_fields = ["name", "description"]


class ProviderViewSet(LearningSnippetViewSet):
    model = Provider
    icon = "site"
    list_display = [
        "name",
        "access",
        BooleanColumn(
            "is_member_institution", label=field_label(Provider, "is_member_institution")
        ),
    ]
    list_filter = ["access", "is_member_institution"]
    search_fields = ["name", "description"]


class OfferingViewSet(LearningSnippetViewSet):
    model = Offering
    icon = "list-ul"
    list_display = [
        "title",
        "provider",
        "format",
        BooleanColumn("active", label=field_label(Offering, "active"), sort_key="active"),
        "last_checked",
    ]
    filterset_class = OfferingFilterSet
    search_fields = ["title", "summary"]


class QuestionnaireViewSet(LearningSnippetViewSet):
    model = Questionnaire
    icon = "form"
    list_display = [
        "title",
        "slug",
        Column("question_count", label=_("Questions"), sort_key="question_count"),
    ]
    search_fields = ["title", "intro"]

    def get_queryset(self, request):
        # The number of questions comes with the listing's one query, not one per row.
        return Questionnaire.objects.annotate(question_count=Count("questions"))


class LearningViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Learning environment")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (
        ThemeViewSet,
        DevelopmentGroupViewSet,
        ProviderViewSet,
        OfferingViewSet,
        QuestionnaireViewSet,
    )


register_snippet(LearningViewSetGroup)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_over_budget(request, action_type, objects, action_class_instance):
    """Publishing from a page listing keeps to the time budget, as the edit view does."""
    if action_type != "publish":
        return None
    pages = [page for page in objects if isinstance(page, Page)]
    form = getattr(action_class_instance, "cleaned_form", None)
    if form is not None and form.cleaned_data.get("include_descendants"):
        pages += [
            descendant for page in list(pages) for descendant in page.get_descendants().not_live()
        ]
    refused = False
    for page in (page.specific for page in pages):
        if isinstance(page, TimedPage):
            for message in page.latest_revision_budget_errors():
                messages.error(request, f"{page.get_admin_display_title()}: {message}")
                refused = True
    return redirect(action_class_instance.next_url) if refused else None


# Reports: modules due for review, evaluation and visits


class PageEditorsMenuItem(MenuItem):
    """Shown to users who may edit pages, as the report they lead to requires."""

    def is_shown(self, request):
        return page_permission_policy.user_has_permission(request.user, "change")


class PermissionMenuItem(MenuItem):
    """Shown to users with ``permission``, the one the report it leads to checks."""

    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def report_urls(name, view):
    return [
        path("", view.as_view(), name=name),
        path("results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = [
        path(
            "modules-due-for-review/", include(report_urls("review_due", ModulesDueForReviewView))
        ),
        path("evaluation/", include(report_urls("evaluation", EvaluationReportView))),
        path("open-answers/", include(report_urls("open_answers", OpenAnswersView))),
        path("level-4/", include(report_urls("level_4", LevelFourReportView))),
        path("visits/", include(report_urls("visits", VisitReportView))),
    ]
    return [
        path(
            "reports/", include((urls, "borg_learning_reports"), namespace="borg_learning_reports")
        ),
        path(
            "learning/duration-estimate/<str:app_label>/<str:model_name>/",
            DurationEstimateView.as_view(),
            name="borg_learning_duration_estimate",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return PageEditorsMenuItem(
        _("Modules due for review"),
        reverse("borg_learning_reports:review_due"),
        name="modules-due-for-review",
        icon_name="calendar-alt",
        order=1150,
    )


#: The figure reports in the Reports menu: label, URL name, icon, order, permission.
FIGURE_REPORTS = [
    (_("Evaluation per question"), "evaluation", "form", 1160, "borg_learning.view_response"),
    (_("Open answers"), "open_answers", "comment", 1161, "borg_learning.view_response"),
    (_("Level 4 per theme"), "level_4", "crosshairs", 1170, "borg_learning.view_response"),
    (_("Visits"), "visits", "view", 1180, "borg_learning.view_pagevisitday"),
]


def figure_report_menu_item(label, url_name, icon, order, permission):
    def menu_item():
        return PermissionMenuItem(
            label,
            reverse(f"borg_learning_reports:{url_name}"),
            icon_name=icon,
            name=url_name.replace("_", "-"),
            order=order,
            permission=permission,
        )

    return menu_item


for report in FIGURE_REPORTS:
    hooks.register("register_reports_menu_item", figure_report_menu_item(*report))
for permission in dict.fromkeys(report[-1] for report in FIGURE_REPORTS):
    register_report_permission(permission)


@hooks.register("insert_editor_js")
def duration_script():
    return format_html('<script src="{}"></script>', static("borg_learning/admin/duration.js"))


@hooks.register("insert_global_admin_css")
def report_styles():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("borg_learning/admin/reports.css")
    )


@hooks.register("construct_homepage_panels")
def add_last_days_panel(request, panels):
    if LastDaysPanel.is_shown(request.user):
        panels.append(LastDaysPanel(request))
