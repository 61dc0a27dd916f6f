"""The report "Offers with broken links" in the Reports menu, next to the core's reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from borg_learning.reports.permissions import register_report_permission

#: Opens the report; marking a link "checked by hand" takes the change permission.
REPORT_PERMISSION = register_report_permission("borg_learning_linkcheck.view_checkedlink")
register_report_permission("borg_learning_linkcheck.change_checkedlink")


@hooks.register("register_admin_urls")
def register_link_report_urls():
    from borg_learning.linkcheck.report import BrokenLinksReportView
    from borg_learning.linkcheck.views import hand_check
    from borg_learning.wagtail_hooks import report_urls

    urls = [
        path("catalogue-links/", include(report_urls("report", BrokenLinksReportView))),
        path("catalogue-links/<int:pk>/checked-by-hand/", hand_check, name="hand_check"),
    ]
    return [
        path(
            "reports/",
            include((urls, "borg_learning_linkcheck"), namespace="borg_learning_linkcheck"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_link_report_menu_item():
    from borg_learning.wagtail_hooks import PermissionMenuItem

    return PermissionMenuItem(
        _("Offers with broken links"),
        reverse("borg_learning_linkcheck:report"),
        icon_name="warning",
        name="catalogue-links",
        order=1190,
        permission=REPORT_PERMISSION,
    )
