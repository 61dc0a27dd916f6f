"""Admin reports of the questionnaires: figures per question and level, open answers.

Answers keep their question as it was asked, so the report groups them by the
question's id at the time and shows its latest wording; it never reads the live
questionnaire. How likert and scale answers become one score of 0–100, and how
level 4 is composed, is in ``views.figures``.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column

from borg_learning.analytics import figures
from borg_learning.models.evaluation import QuestionKind
from borg_learning.reports import charts
from borg_learning.reports.figure_report import FigureColumn, FigureReportView
from borg_learning.reports.report_filters import (
    EvaluationFilterSet,
    LevelFourFilterSet,
    OpenAnswerFilterSet,
)

EVALUATION_LABELS = {
    "level_label": _("Level"),
    "text": _("Question"),
    "kind_label": _("Type"),
    "responses": _("Responses"),
    "average": _("Average (1–5 or 1–10)"),
    "score": _("Score (0–100)"),
    "distribution_text": _("Distribution"),
    "written": _("Open answers"),
}


class DistributionColumn(Column):
    """How the answers to a question are spread: a stacked bar and the counts."""

    def get_value(self, instance):
        if not instance.distribution:
            return ""
        return charts.distribution_bars(
            _("Distribution of the answers to: %(question)s") % {"question": instance.text},
            instance.distribution,
        )


class OpenAnswersLinkColumn(Column):
    """The number of written answers, linking to them."""

    def __init__(self, name, get_url, **kwargs):
        super().__init__(name, **kwargs)
        self.get_url = get_url

    def get_value(self, instance):
        if instance.kind != QuestionKind.OPEN or not instance.written:
            return instance.written or ""
        return format_html('<a href="{}">{}</a>', self.get_url(instance), instance.written)


class EvaluationReportView(FigureReportView):
    """Responses, averages and distributions per question, grouped by level.

    Under the questions of each level a row gives the level's score; the last row is
    level 4. The chart shows the four scores.
    """

    page_title = _("Evaluation per question")
    header_icon = "form"
    index_url_name = "borg_learning_reports:evaluation"
    index_results_url_name = "borg_learning_reports:evaluation_results"
    filterset_class = EvaluationFilterSet
    list_export = list(EVALUATION_LABELS)
    export_headings = EVALUATION_LABELS

    @property
    def columns(self):
        return [
            Column("level_label", label=EVALUATION_LABELS["level_label"]),
            Column("text", label=EVALUATION_LABELS["text"]),
            Column("kind_label", label=EVALUATION_LABELS["kind_label"]),
            Column("responses", label=EVALUATION_LABELS["responses"]),
            FigureColumn("average", label=EVALUATION_LABELS["average"]),
            FigureColumn("score", label=EVALUATION_LABELS["score"]),
            DistributionColumn("distribution", label=EVALUATION_LABELS["distribution_text"]),
            OpenAnswersLinkColumn(
                "written", label=EVALUATION_LABELS["written"], get_url=self.open_answers_url
            ),
        ]

    @property
    def no_results_message(self):
        return _("No answers in this period.")

    #: Why the level rows count different numbers of responses.
    table_notes = [
        _(
            "Responses: on a question, the questionnaires that answered it; on a level, "
            "those with any answer on that level; on level 4, every questionnaire filled "
            "in. A follow-up only asks level 3 questions, so level 4 counts more "
            "questionnaires than level 1."
        )
    ]

    def open_answers_url(self, row):
        params = {
            name: value
            for name, value in self.request.GET.items()
            if name in ("date_from", "date_to", "theme", "module", "part") and value
        }
        params["question"] = row.question_id
        return reverse("borg_learning_reports:open_answers") + "?" + urlencode(params)

    def get_rows(self, scope):
        questions = figures.question_figures(scope)
        if not questions:
            return []
        self.levels = figures.level_figures(scope)
        rows = []
        for level in self.levels:
            rows += [row for row in questions if row.level == level.level]
            rows.append(level)
        return rows

    def get_charts(self, rows):
        return [
            charts.bar_chart(
                _("Score per level (0–100)"),
                [(level.level_label, level.score) for level in self.levels],
                max_value=100,
            )
        ]


def submitted_on(answer):
    return date_format(localtime(answer.response.submitted_at), "SHORT_DATE_FORMAT")


OPEN_ANSWER_LABELS = {
    "response.submitted_at": _("Submitted at"),
    "response.module_title": _("Module"),
    "question_text": _("Question"),
    "text": _("Answer"),
}


class OpenAnswersView(FigureReportView):
    """What learners wrote in answer to the open questions, the newest first."""

    page_title = _("Open answers")
    header_icon = "comment"
    index_url_name = "borg_learning_reports:open_answers"
    index_results_url_name = "borg_learning_reports:open_answers_results"
    filterset_class = OpenAnswerFilterSet
    paginate_by = 50
    list_export = list(OPEN_ANSWER_LABELS)
    export_headings = OPEN_ANSWER_LABELS
    columns = [
        Column(
            "submitted_at", label=OPEN_ANSWER_LABELS["response.submitted_at"], accessor=submitted_on
        ),
        Column(
            "module_title",
            label=OPEN_ANSWER_LABELS["response.module_title"],
            accessor="response.module_title",
        ),
        Column("question_text", label=OPEN_ANSWER_LABELS["question_text"]),
        Column("text", label=OPEN_ANSWER_LABELS["text"]),
    ]

    @property
    def no_results_message(self):
        return _("No open answers in this period.")

    def get_rows(self, scope):
        written = (
            figures.answers(scope)
            .filter(kind=QuestionKind.OPEN)
            .exclude(text="")
            .select_related("response")
            .order_by("-response__submitted_at", "-pk")
        )
        question = self.filters.form.cleaned_data.get("question")
        return written.filter(question_id=int(question)) if question else written

    def get_charts(self, rows):
        return [
            charts.bar_chart(_("Open answers per question"), figures.open_answer_counts(self.scope))
        ]


LEVEL_4_LABELS = {
    "name": _("Theme"),
    "period": _("Period"),
    "visits": _("Visits"),
    "responses": _("Responses"),
    "level_1": _("Level 1 (0–100)"),
    "level_2": _("Level 2 (0–100)"),
    "level_3": _("Level 3 (0–100)"),
    "level_4": _("Level 4 (0–100)"),
}


class LevelFourReportView(FigureReportView):
    """Per theme and per month or quarter: visits, responses and the scores of levels
    1–3 side by side, and level 4 (their mean), the whole selection first."""

    page_title = _("Level 4 per theme")
    header_icon = "crosshairs"
    index_url_name = "borg_learning_reports:level_4"
    index_results_url_name = "borg_learning_reports:level_4_results"
    filterset_class = LevelFourFilterSet
    list_export = list(LEVEL_4_LABELS)
    export_headings = LEVEL_4_LABELS
    columns = [
        Column("name", label=LEVEL_4_LABELS["name"]),
        Column("period", label=LEVEL_4_LABELS["period"]),
        Column("visits", label=LEVEL_4_LABELS["visits"]),
        Column("responses", label=LEVEL_4_LABELS["responses"]),
        *(
            FigureColumn(f"level_{level}", label=LEVEL_4_LABELS[f"level_{level}"])
            for level in (1, 2, 3, 4)
        ),
    ]

    def get_rows(self, scope):
        self.table = figures.theme_periods(scope)
        return [row for rows in self.table.values() for row in rows]

    def get_charts(self, rows):
        labels = [row.period for row in next(iter(self.table.values()))]
        pictures = [
            charts.line_chart(
                _("Level 4 per theme (0–100)"),
                labels,
                [(name, [row.level_4 for row in rows]) for name, rows in self.table.items()],
                max_value=100,
            )
        ]
        for name, rows in self.table.items():
            pictures.append(
                charts.column_chart(
                    _("%(theme)s: levels 1, 2 and 3 (0–100)") % {"theme": name},
                    labels,
                    [
                        (
                            str(_("Level %(level)d") % {"level": level}),
                            [getattr(row, f"level_{level}") for row in rows],
                        )
                        for level in (1, 2, 3)
                    ],
                    max_value=100,
                )
            )
        return pictures
