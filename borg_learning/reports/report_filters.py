"""The filters of the evaluation and visit reports: a period, a theme, a module.

The filters narrow no listing themselves; the report reads their cleaned values as a
``Scope`` and counts within it. Wrong input (a date that is not a date, an unknown
theme, an end before the start) comes back on the form with a message in the
editor's language, and the report shows no figures until it is fixed.
"""

import datetime

import django_filters
from django import forms
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

from borg_learning.analytics.figures import Scope
from borg_learning.models import Answer, ModulePage, Response, Theme
from borg_learning.models.evaluation import Part, QuestionKind

#: The longest period a report counts, and the longest one it shows per day.
MAX_PERIOD_DAYS = 10 * 366
MAX_DAILY_DAYS = 93
FIRST_DATE, LAST_DATE = datetime.date(2000, 1, 1), datetime.date(2999, 12, 31)


class PeriodForm(forms.Form):
    def clean(self):
        data = super().clean()
        for name in ("date_from", "date_to"):
            if data.get(name) and not FIRST_DATE <= data[name] <= LAST_DATE:
                self.add_error(name, _("Choose a date between the years 2000 and 2999."))
        start, end = data.get("date_from"), data.get("date_to")
        if self.errors:
            return data
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        elif start and end and (end - start).days > MAX_PERIOD_DAYS:
            self.add_error("date_from", _("Choose a period of at most ten years."))
        elif (
            data.get("interval") == "day" and start and end and (end - start).days >= MAX_DAILY_DAYS
        ):
            self.add_error(
                "interval", _("Per day works for periods of up to three months; choose per month.")
            )
        return data


class ModuleChoiceFilter(django_filters.ModelChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Module"),
            empty_label=_("All modules"),
            method="keep",
            queryset=lambda request: ModulePage.objects.order_by("title"),
            **kwargs,
        )


class PeriodFilterSet(WagtailFilterSet):
    """Period (default: the last 12 months), theme and module."""

    date_from = django_filters.DateFilter(label=_("From"), method="keep", widget=AdminDateInput)
    date_to = django_filters.DateFilter(label=_("To"), method="keep", widget=AdminDateInput)
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=Theme.objects.all(), empty_label=_("All themes"), method="keep"
    )
    module = ModuleChoiceFilter()

    default_interval = "month"

    class Meta:
        model = Response
        fields = []
        form = PeriodForm

    def keep(self, queryset, name, value):
        return queryset

    def scope(self, today=None):
        """The cleaned values as a ``Scope``; only for a valid form."""
        data = self.form.cleaned_data
        start, end = data.get("date_from"), data.get("date_to")
        default = Scope.last_months(today=end or today)
        start = start or default.start
        end = end or default.end
        if start > end:  # only a start after today's date: count that one day on
            end = start
        return Scope(
            start,
            min(end, start + datetime.timedelta(days=MAX_PERIOD_DAYS)),
            theme=data.get("theme"),
            module=data.get("module"),
            part=data.get("part") or "",
            interval=data.get("interval") or self.default_interval,
        )


class EvaluationFilterSet(PeriodFilterSet):
    part = django_filters.ChoiceFilter(
        label=_("Asked"),
        choices=Part.choices,
        empty_label=_("After the module and follow-up"),
        method="keep",
    )


def open_question_choices():
    """The open questions that have written answers, by their latest wording: (id, text).
    Two queries, when the filter form is built."""
    latest = (
        Answer.objects.filter(kind=QuestionKind.OPEN)
        .exclude(text="")
        .values("question_id")
        .annotate(latest=Max("id"))
        .values("latest")
    )
    texts = Answer.objects.filter(pk__in=latest).values_list("question_id", "question_text")
    return sorted(((str(pk), text) for pk, text in texts), key=lambda choice: choice[1].lower())


class OpenAnswerFilterSet(EvaluationFilterSet):
    question = django_filters.ChoiceFilter(
        label=_("Question"),
        choices=open_question_choices,
        empty_label=_("All open questions"),
        method="keep",
    )


class LevelFourFilterSet(PeriodFilterSet):
    interval = django_filters.ChoiceFilter(
        label=_("Per"),
        choices=[("month", _("month")), ("quarter", _("quarter"))],
        empty_label=None,
        method="keep",
    )


class VisitFilterSet(PeriodFilterSet):
    interval = django_filters.ChoiceFilter(
        label=_("Per"),
        choices=[("month", _("month")), ("day", _("day"))],
        empty_label=None,
        method="keep",
    )
