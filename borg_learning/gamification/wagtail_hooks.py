"""The gamification's part of the GraphQL schema, of a learner's export and of the admin
(the report "Points, badges and review")."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.reports.permissions import register_report_permission

#: Opens the report; a site administrator can give it to any group.
REPORT_PERMISSION = register_report_permission("borg_learning_gamification.view_pointsaward")


@hooks.register("register_learning_graphql_mutation")
def gamification_mutations():
    from borg_learning.gamification.graphql import GamificationMutation

    return [GamificationMutation]


@hooks.register("register_learner_graphql_fields")
def gamification_me_fields():
    from borg_learning.gamification.graphql import MeGamificationFields

    return [MeGamificationFields]


@hooks.register("register_learner_export")
def gamification_export(learner, references):
    from borg_learning.gamification.privacy import exported

    return exported(learner)


@hooks.register("register_learner_export_graphql_fields")
def gamification_export_fields():
    from borg_learning.gamification.graphql import MyDataGamificationFields

    return [MyDataGamificationFields]


# The report "Points, badges and review", in the Reports menu after "Progress".


@hooks.register("register_admin_urls")
def register_gamification_report_urls():
    from borg_learning.gamification.report import GamificationReportView
    from borg_learning.wagtail_hooks import report_urls

    urls = [path("gamification/", include(report_urls("gamification", GamificationReportView)))]
    return [
        path(
            "reports/",
            include(
                (urls, "borg_learning_gamification_reports"),
                namespace="borg_learning_gamification_reports",
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_gamification_report_menu_item():
    from borg_learning.wagtail_hooks import PermissionMenuItem

    return PermissionMenuItem(
        _("Points, badges and review"),
        reverse("borg_learning_gamification_reports:gamification"),
        icon_name="pick",
        name="gamification",
        order=1176,
        permission=REPORT_PERMISSION,
    )
