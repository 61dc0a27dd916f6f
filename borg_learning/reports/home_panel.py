"""The admin home page panel: the learning environment over the last 30 days.

Visits, responses and the score per level at a glance, with the most visited modules
and a sparkline of the daily visits; each part only for users who may read the report
it comes from, with a link to that report.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from borg_learning.analytics import figures
from borg_learning.reports import charts

DAYS = 30


class LastDaysPanel(Component):
    name = "borg_learning_last_days"
    template_name = "borg_learning/home/last_days_panel.html"
    order = 110

    def __init__(self, request):
        self.request = request

    @staticmethod
    def is_shown(user):
        return user.has_perm("borg_learning.view_response") or user.has_perm(
            "borg_learning.view_pagevisitday"
        )

    def get_context_data(self, parent_context):
        user = self.request.user
        scope = figures.Scope.last_days(DAYS, interval="day")
        context = {"days": DAYS, "scope": scope}
        if user.has_perm("borg_learning.view_pagevisitday"):
            daily = figures.daily_visits(scope)
            context.update(
                visits=sum(visits for _day, visits in daily),
                sparkline=charts.sparkline(
                    _("Visits per day, the last %(days)d days") % {"days": DAYS},
                    [visits for _day, visits in daily],
                ),
                top_modules=[
                    (title, visits, reverse("wagtailadmin_pages:edit", args=[pk]))
                    for pk, title, visits in figures.top_modules(scope)
                ],
                visits_url=reverse("borg_learning_reports:visits"),
            )
        if user.has_perm("borg_learning.view_response"):
            levels = figures.level_figures(scope)
            context.update(
                responses=levels[-1].responses,
                levels=levels,
                evaluation_url=reverse("borg_learning_reports:evaluation"),
                level_4_url=reverse("borg_learning_reports:level_4"),
            )
        return context
