"""The learners' part of the GraphQL schema (``me`` and the learner mutations) and of the
admin (the report "Progress")."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.reports.permissions import register_report_permission

#: Opens the report; a site administrator can give it to any group.
REPORT_PERMISSION = register_report_permission("borg_learning_learners.view_completion")


@hooks.register("register_learning_graphql_query")
def learner_queries():
    from borg_learning.learners.graphql import LearnerQuery

    return [LearnerQuery]


@hooks.register("register_learning_graphql_mutation")
def learner_mutations():
    from borg_learning.learners.graphql import LearnerMutation

    return [LearnerMutation]


# The report "Progress", in the Reports menu next to the core's reports.


@hooks.register("register_admin_urls")
def register_progress_report_urls():
    from borg_learning.learners.reports import ProgressReportView
    from borg_learning.wagtail_hooks import report_urls

    urls = [path("progress/", include(report_urls("progress", ProgressReportView)))]
    return [
        path(
            "reports/",
            include(
                (urls, "borg_learning_learners_reports"),
                namespace="borg_learning_learners_reports",
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    from borg_learning.wagtail_hooks import PermissionMenuItem

    return PermissionMenuItem(
        _("Progress"),
        reverse("borg_learning_learners_reports:progress"),
        icon_name="tasks",
        name="progress",
        order=1175,
        permission=REPORT_PERMISSION,
    )
