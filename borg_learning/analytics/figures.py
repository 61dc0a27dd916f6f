"""The figures of the evaluation and visit reports, counted by the database.

Every function takes a ``Scope`` (period, theme, module, questionnaire part) and
returns plain rows. The database counts, sums and averages, grouped by question,
level, page or period; Python only folds those grouped rows together, and there are
as many of them as questions, pages or periods, never as many as responses or visits.
So a report costs the same few queries for five responses as for five thousand.

Scores: a likert answer (1–5) and a scale answer (1–10) are put on one scale of
0–100 (the lowest answer is 0, the highest 100) before they are averaged, so a level
mixes both kinds fairly. Level 4 is the plain mean of the level 1, 2 and 3 scores
that have answers.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Avg, Case, Count, DateField, FloatField, Max, Min, Q, Sum, When
from django.db.models.functions import Cast, Trunc
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from borg_learning.analytics import visits as visit_counts
from borg_learning.models import Answer, ModulePage, Question, Response, Theme
from borg_learning.models.evaluation import CHOICE_KINDS, NUMBER_RANGES, Level, QuestionKind

LEVELS = list(Level)

#: An answer's number on the common 0–100 scale; NULL for answers without a number.
SCORE = Case(
    *(
        When(kind=kind, then=(Cast("number", FloatField()) - low) * 100.0 / (high - low))
        for kind, (low, high) in NUMBER_RANGES.items()
    ),
    default=None,
    output_field=FloatField(),
)


def rounded(value, digits=1):
    """Figures are shown, exported and compared to one decimal."""
    return None if value is None else round(value, digits)


def level_4(scores):
    """The level 4 score: the mean of the level 1–3 scores that are there."""
    present = [score for score in scores if score is not None]
    return sum(present) / len(present) if present else None


# --- the scope of a report ---------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """What a report counts: a period of whole days and, optionally, a theme, a module
    and a questionnaire part; ``interval`` groups a series by day, week (from Monday),
    month or quarter."""

    start: datetime.date
    end: datetime.date
    theme: object = None
    module: object = None
    part: str = ""
    interval: str = "month"

    @cached_property
    def scoped_questions(self):
        """``[(question id, theme slugs)]`` of the questions limited to themes; read once
        per report (a ``Scope`` is made once per request)."""
        return [
            (pk, slugs) for pk, slugs in Question.objects.values_list("pk", "scope_themes") if slugs
        ]

    @classmethod
    def last_months(cls, months=12, today=None, **kwargs):
        """From the first of the month ``months - 1`` months ago up to today."""
        today = today or timezone.localdate()
        first = today.replace(day=1)
        for _step in range(months - 1):
            first = (first - datetime.timedelta(days=1)).replace(day=1)
        return cls(first, today, **kwargs)

    @classmethod
    def last_days(cls, days=30, today=None, **kwargs):
        today = today or timezone.localdate()
        return cls(today - datetime.timedelta(days=days - 1), today, **kwargs)

    @property
    def moments(self):
        """The period as aware datetimes: from the first moment to before the next day."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.start, datetime.time.min, tzinfo=zone)
        end = datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
        )
        return start, end

    def buckets(self):
        """The start date of every day, week, month or quarter in the period, in order."""
        first = bucket_of(self.start, self.interval)
        days = []
        while first <= self.end:
            days.append(first)
            first = next_bucket(first, self.interval)
        return days

    def label(self, bucket):
        return bucket_label(bucket, self.interval)


def bucket_of(day, interval):
    if interval == "day":
        return day
    if interval == "week":
        return day - datetime.timedelta(days=day.weekday())
    if interval == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(day=1)


def next_bucket(day, interval):
    if interval == "day":
        return day + datetime.timedelta(days=1)
    if interval == "week":
        return day + datetime.timedelta(days=7)
    months = 3 if interval == "quarter" else 1
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def bucket_label(day, interval):
    if interval in ("day", "week"):  # a week by its Monday
        return date_format(day, "SHORT_DATE_FORMAT")
    if interval == "quarter":
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    return date_format(day, "YEAR_MONTH_FORMAT")


def bucketed(field_name, scope):
    """A date or time field truncated, in the current time zone, to the date its day,
    week, month or quarter starts on."""
    return Trunc(field_name, scope.interval, output_field=DateField())


# --- which pages and responses are in scope ------------------------------------------------
# Which pages belong to a theme, and the visit counts, come from ``borg_learning.analytics.visits``.


def pages_in_scope(scope):
    """None for every page, else the pages the theme and module filters leave."""
    return visit_counts.pages_of(scope.theme, scope.module)


def response_condition(scope, prefix=""):
    start, end = scope.moments
    condition = Q(**{f"{prefix}submitted_at__gte": start, f"{prefix}submitted_at__lt": end})
    pages = pages_in_scope(scope)
    if pages is not None:
        condition &= Q(**{f"{prefix}module__in": pages.values("pk")})
    if scope.part:
        condition &= Q(**{f"{prefix}part": scope.part})
    return condition


def responses(scope):
    return Response.objects.filter(response_condition(scope))


def question_scope_condition(scope):
    """Leaves out answers to a question limited to some themes that were given after a
    module of none of them (answered before the question was limited, say): a question
    counts only over the modules in its scope. One query for the scoped questions."""
    condition = Q()
    for question_id, slugs in scope.scoped_questions:
        if slugs:
            in_scope = ModulePage.objects.filter(themes__slug__in=slugs).values("pk")
            condition &= ~Q(question_id=question_id) | Q(response__module__in=in_scope)
    return condition


def answers(scope):
    return Answer.objects.filter(response_condition(scope, prefix="response__")).filter(
        question_scope_condition(scope)
    )


def visit_days(scope):
    return visit_counts.visit_days(scope.start, scope.end, scope.theme, scope.module)


# --- evaluation: per question and per level ------------------------------------------------


@dataclass
class QuestionFigures:
    """The answers to one question as it was asked (grouped by its id when asked)."""

    question_id: int
    level: int
    kind: str
    text: str
    responses: int
    average: float | None
    score: float | None
    written: int
    distribution: list = field(default_factory=list)  # [(label, count)]

    @property
    def level_label(self):
        return Level(self.level).label

    @property
    def kind_label(self):
        return QuestionKind(self.kind).label

    @property
    def distribution_text(self):
        return "; ".join(f"{label}: {count}" for label, count in self.distribution)


@dataclass
class LevelFigures:
    """The answers on one level, or level 4: a row under the questions of the report."""

    level: int
    responses: int
    scored: int
    score: float | None
    # What a level row has in place of a question's figures.
    question_id = None
    kind = ""
    kind_label = ""
    average = None
    written = 0
    distribution = ()
    distribution_text = ""

    @property
    def level_label(self):
        return Level(self.level).label if self.level in Level.values else _("4 – Results")

    @property
    def text(self):
        if self.level in Level.values:
            return _("All questions of this level")
        return _("Mean of the scores of levels 1, 2 and 3")


def question_figures(scope):
    """One ``QuestionFigures`` per question answered in scope, by level and order.

    Three queries: the sums per question, the question as last asked (text, kind,
    options), and the counts per answer value.
    """
    scoped = answers(scope).order_by()
    totals = list(
        scoped.values("question_id").annotate(
            responses=Count("id"),
            average=Avg("number"),
            score=Avg(SCORE),
            written=Count("id", filter=~Q(text="")),
            latest=Max("id"),
            order=Min("sort_order"),
        )
    )
    if not totals:
        return []
    latest = {
        row["question_id"]: row
        for row in Answer.objects.filter(pk__in=[row["latest"] for row in totals]).values(
            "question_id", "question_text", "level", "kind", "response__questions"
        )
    }
    counts = defaultdict(list)
    for row in (
        scoped.exclude(kind=QuestionKind.OPEN)
        .values("question_id", "number", "choices")
        .annotate(count=Count("id"))
    ):
        counts[row["question_id"]].append(row)
    figures = []
    for row in sorted(
        totals,
        key=lambda row: (latest[row["question_id"]]["level"], row["order"], row["question_id"]),
    ):
        asked = latest[row["question_id"]]
        figures.append(
            QuestionFigures(
                question_id=row["question_id"],
                level=asked["level"],
                kind=asked["kind"],
                text=asked["question_text"],
                responses=row["responses"],
                average=rounded(row["average"]),
                score=rounded(row["score"]),
                written=row["written"],
                distribution=distribution(asked, counts[row["question_id"]]),
            )
        )
    return figures


def distribution(asked, counts):
    """``[(label, count)]`` of a question: every value or option, zero counts too."""
    kind = asked["kind"]
    if kind in NUMBER_RANGES:
        low, high = NUMBER_RANGES[kind]
        tally = defaultdict(int)
        for row in counts:
            tally[row["number"]] += row["count"]
        return [(str(value), tally[value]) for value in range(low, high + 1)]
    if kind in CHOICE_KINDS:
        snapshot = next(
            (
                question
                for question in asked["response__questions"] or []
                if question.get("id") == asked["question_id"]
            ),
            {},
        )
        tally = dict.fromkeys(snapshot.get("options", []), 0)
        for row in counts:
            for option in row["choices"] or []:
                tally[option] = tally.get(option, 0) + row["count"]
        return list(tally.items())
    return []


def level_figures(scope):
    """A ``LevelFigures`` for levels 1–3 and the level 4 roll-up, in one query."""
    rows = {
        row["level"]: row
        for row in answers(scope)
        .order_by()
        .values("level")
        .annotate(
            responses=Count("response", distinct=True),
            scored=Count("id", filter=Q(number__isnull=False)),
            score=Avg(SCORE),
        )
    }
    scores = [rows.get(level, {}).get("score") for level in Level.values]
    levels = [
        LevelFigures(
            level,
            rows.get(level, {}).get("responses", 0),
            rows.get(level, {}).get("scored", 0),
            rounded(score),
        )
        for level, score in zip(Level.values, scores, strict=True)
    ]
    total = responses(scope).count() if rows else 0
    levels.append(
        LevelFigures(4, total, sum(level.scored for level in levels), rounded(level_4(scores)))
    )
    return levels


def open_answer_counts(scope):
    """``[(question text, count)]`` of written answers to open questions."""
    rows = (
        answers(scope)
        .filter(kind=QuestionKind.OPEN)
        .exclude(text="")
        .order_by()
        .values("question_id")
        .annotate(count=Count("id"), text=Max("question_text"))
        .order_by("-count", "question_id")
    )
    return [(row["text"], row["count"]) for row in rows]


# --- level 4: per theme over time ----------------------------------------------------------


@dataclass
class PeriodFigures:
    """One theme (or the whole selection) in one period: visits, responses, scores."""

    name: str
    bucket: datetime.date
    period: str
    visits: int = 0
    responses: int = 0
    sums: list = field(default_factory=lambda: [0.0] * len(LEVELS))
    counts: list = field(default_factory=lambda: [0] * len(LEVELS))

    def score(self, level):
        count = self.counts[level - 1]
        return self.sums[level - 1] / count if count else None

    @property
    def scores(self):
        return [self.score(level) for level in Level.values]

    level_1 = property(lambda self: rounded(self.score(1)))
    level_2 = property(lambda self: rounded(self.score(2)))
    level_3 = property(lambda self: rounded(self.score(3)))

    @property
    def level_4(self):
        return rounded(level_4(self.scores))


def themes_in_scope(scope):
    return [scope.theme] if scope.theme is not None else list(Theme.objects.all())


def selection_name(scope):
    if scope.theme is None and scope.module is None:
        return str(_("Whole environment"))
    return str(_("Selection"))


def theme_periods(scope):
    """``{name: [PeriodFigures per period]}``: the selection first, then each theme.

    Four queries: the themes, the page tree's modules and parts, and the sums per page,
    module and level per period; the sums are credited to each theme of their module.
    """
    themes = themes_in_scope(scope)
    pages = visit_counts.page_map()
    buckets = scope.buckets()
    names = {None: selection_name(scope), **{theme.pk: theme.name for theme in themes}}
    table = {
        key: {bucket: PeriodFigures(name, bucket, scope.label(bucket)) for bucket in buckets}
        for key, name in names.items()
    }

    def cells(page_id, bucket):
        for key in (None, *pages.themes_of_page(page_id)):
            if key in table and bucket in table[key]:
                yield table[key][bucket]

    visits = (
        visit_days(scope)
        .order_by()
        .values("page_id", bucket=bucketed("date", scope))
        .annotate(visits=Sum("count"))
    )
    for row in visits:
        for cell in cells(row["page_id"], row["bucket"]):
            cell.visits += row["visits"]
    counted = (
        responses(scope)
        .order_by()
        .values("module_id", bucket=bucketed("submitted_at", scope))
        .annotate(count=Count("id"))
    )
    for row in counted:
        for cell in cells(row["module_id"], row["bucket"]):
            cell.responses += row["count"]
    scored = (
        answers(scope)
        .filter(number__isnull=False)
        .order_by()
        .values("response__module_id", "level", bucket=bucketed("response__submitted_at", scope))
        .annotate(total=Sum(SCORE), count=Count("id"))
    )
    for row in scored:
        for cell in cells(row["response__module_id"], row["bucket"]):
            cell.sums[row["level"] - 1] += row["total"]
            cell.counts[row["level"] - 1] += row["count"]
    return {name: list(table[key].values()) for key, name in names.items()}


# --- visits: per page, per theme and in total ----------------------------------------------


@dataclass
class VisitSeries:
    """The visits of the whole selection, a theme or a page, per period and in total."""

    kind: str  # "total", "theme" or "page"
    name: str
    series: list
    page_id: int | None = None

    KIND_LABELS = {"total": _("Total"), "theme": _("Theme"), "page": _("Page")}

    @property
    def kind_label(self):
        return self.KIND_LABELS[self.kind]

    @property
    def total(self):
        return sum(self.series)

    def __getitem__(self, key):
        """``period_3`` is the fourth period's visits, for the export's columns."""
        if isinstance(key, str) and key.startswith("period_"):
            return self.series[int(key.removeprefix("period_"))]
        raise KeyError(key)


def visit_series(scope):
    """The total, each theme and each visited page, most visited first.

    Four queries: the themes, the page tree's modules and parts, the visits per page
    per period, and the titles of the visited pages.
    """
    themes = themes_in_scope(scope)
    pages = visit_counts.page_map()
    buckets = scope.buckets()
    position = {bucket: index for index, bucket in enumerate(buckets)}
    total = VisitSeries("total", selection_name(scope), [0] * len(buckets))
    by_theme = {theme.pk: VisitSeries("theme", theme.name, [0] * len(buckets)) for theme in themes}
    by_page = {}
    rows = (
        visit_days(scope)
        .order_by()
        .values("page_id", bucket=bucketed("date", scope))
        .annotate(visits=Sum("count"))
    )
    for row in rows:
        index = position.get(row["bucket"])
        if index is None:
            continue
        page = by_page.setdefault(
            row["page_id"], VisitSeries("page", "", [0] * len(buckets), page_id=row["page_id"])
        )
        for series in (
            total,
            page,
            *(
                by_theme[theme]
                for theme in pages.themes_of_page(row["page_id"])
                if theme in by_theme
            ),
        ):
            series.series[index] += row["visits"]
    titles = dict(Page.objects.filter(pk__in=list(by_page)).values_list("pk", "title"))
    for page_id, series in by_page.items():
        series.name = titles.get(page_id, str(page_id))
    ranked = sorted(by_page.values(), key=lambda series: (-series.total, series.name))
    return [total, *by_theme.values(), *ranked]


# --- the admin home page -------------------------------------------------------------------


def top_modules(scope, count=5):
    """``[(module id, title, visits)]`` of the most visited modules, parts included."""
    totals = visit_counts.visits_by_module(scope.start, scope.end, scope.theme, scope.module)
    best = sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:count]
    titles = dict(
        Page.objects.filter(pk__in=[pk for pk, _visits in best]).values_list("pk", "title")
    )
    return [(pk, titles.get(pk, ""), total) for pk, total in best]


def daily_visits(scope):
    """``[(date, visits)]`` for every day of the period, zeros included."""
    return visit_counts.daily_visits(scope.start, scope.end, scope.theme, scope.module)
