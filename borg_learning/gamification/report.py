"""The admin report "Points, badges and review": what the gamification gives, per week.

Built from the core's report blocks (``FigureReportView``, its period filter, charts and
Dutch CSV/XLSX exports), as the report "Progress" is. A row per week of the period, after
a row for the whole period; a column per figure, the badges' and challenges' columns
only when their apps are installed (``report_figures``). The screen and both exports
show the same rows and columns. Aggregates only: no learner is named. Readable with the
view permission of points awards, which the Borgbureau group has.
"""

import datetime

from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from borg_learning.gamification.models import PointsAward, Rule
from borg_learning.gamification.report_figures import retention, weekly_figures
from borg_learning.reports import charts
from borg_learning.reports.figure_report import FigureColumn, FigureReportView
from borg_learning.reports.report_filters import PeriodFilterSet

#: The weeks the report shows when the editor chose no start date.
DEFAULT_WEEKS = 12


class WeeklyFilterSet(PeriodFilterSet):
    """The period only (default: the last 12 weeks), counted per week."""

    theme = None
    module = None
    default_interval = "week"

    def scope(self, today=None):
        scope = super().scope(today)
        if self.form.cleaned_data.get("date_from"):
            return scope
        monday = scope.end - datetime.timedelta(days=scope.end.weekday())
        start = monday - datetime.timedelta(weeks=DEFAULT_WEEKS - 1)
        return type(scope)(start, scope.end, interval=scope.interval)


def week_label(monday):
    return _("Week %(number)d, from %(monday)s") % {
        "number": monday.isocalendar().week,
        "monday": date_format(monday, "SHORT_DATE_FORMAT"),
    }


def headings(figures):
    """``{column: heading}`` in the order of the table and the exports."""
    found = {
        "week": _("Week"),
        "points": _("Points"),
        "earners": _("Learners who earned points"),
    }
    for rule in Rule:
        found[f"rule_{rule.value}"] = _("Points: %(rule)s") % {"rule": rule.label}
    if figures.badges is not None:
        found["badges"] = _("Badges awarded")
        for badge in figures.badges:
            found[f"badge_{badge.pk}"] = _("Badge: %(name)s") % {"name": badge.name}
    if figures.challenges is not None:
        found["challenges"] = _("Challenges completed")
        for challenge in figures.challenges:
            found[f"challenge_{challenge.pk}"] = _("Challenge: %(title)s") % {
                "title": challenge.name
            }
    if figures.reviews is not None:
        found["reviews"] = _("Daily review answers")
        found["recalled"] = _("Recalled")
        found["retention"] = _("Recalled (%)")
    return found


def row(figures, label, index=None):
    """The figures of week ``index`` (of the whole period when None) as a row."""

    def of(series):
        return sum(series) if index is None else series[index]

    found = {
        "week": label,
        "points": of(figures.points_series),
        "earners": figures.earners_in_period if index is None else figures.earners[index],
    }
    for rule, series in figures.points.items():
        found[f"rule_{rule.value}"] = of(series)
    for section, prefix in ((figures.badges, "badge"), (figures.challenges, "challenge")):
        if section is not None:
            found[f"{prefix}s"] = sum(of(subject.series) for subject in section)
            for subject in section:
                found[f"{prefix}_{subject.pk}"] = of(subject.series)
    if figures.reviews is not None:
        found["reviews"] = of(figures.reviews)
        found["recalled"] = of(figures.recalled)
        found["retention"] = retention(found["reviews"], found["recalled"])
    return found


class GamificationReportView(FigureReportView):
    """Points (in total and per rule), the learners who earned them, badges and
    challenges per badge and challenge, and the daily review's retention, per week; a
    chart of the retention and one of the points per week."""

    page_title = _("Points, badges and review")
    header_icon = "pick"
    index_url_name = "borg_learning_gamification_reports:gamification"
    index_results_url_name = "borg_learning_gamification_reports:gamification_results"
    filterset_class = WeeklyFilterSet
    model = PointsAward
    table_notes = [
        _(
            "A week runs from Monday to Sunday; the first and last week count only their "
            "days in the period. Learners who earned points: each learner once, so the "
            "whole period may count fewer than its weeks added up. Daily review answers: "
            "the answers in the daily review, not the first answer to an exercise; "
            "recalled (%) is the share answered right. No learner is named."
        )
    ]

    @property
    def no_results_message(self):
        return _("No points, badges or reviews in this period.")

    @cached_property
    def figures(self):
        return weekly_figures(self.scope) if self.scope else None

    @cached_property
    def headings(self):
        return headings(self.figures) if self.figures else {"week": _("Week")}

    @property
    def columns(self):
        week, *figures = self.headings.items()
        return [
            Column(week[0], label=week[1], classname="borg-nowrap"),
            *(
                (FigureColumn if name == "retention" else Column)(name, label=label)
                for name, label in figures
            ),
        ]

    @property
    def export_headings(self):
        return self.headings

    @property
    def list_export(self):
        return list(self.headings)

    def get_rows(self, scope):
        figures = self.figures
        if not figures.has_figures():
            return []
        weeks = [
            row(figures, week_label(monday), index) for index, monday in enumerate(figures.weeks)
        ]
        return [row(figures, str(_("Whole period"))), *weeks]

    def get_charts(self, rows):
        figures = self.figures
        labels = [self.scope.label(monday) for monday in figures.weeks]
        pictures = []
        if figures.reviews is not None:
            pictures.append(
                charts.line_chart(
                    _("Daily review: recalled per week (%)"),
                    labels,
                    [(str(_("Recalled (%)")), [week["retention"] for week in rows[1:]])],
                    max_value=100,
                )
            )
        pictures.append(
            charts.column_chart(
                _("Points per week"), labels, [(str(_("Points")), figures.points_series)]
            )
        )
        if figures.badges:
            pictures.append(
                charts.bar_chart(
                    _("Badges awarded in the period, per badge"),
                    [(badge.name, sum(badge.series)) for badge in figures.badges],
                )
            )
        return pictures
