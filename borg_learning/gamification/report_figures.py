"""The figures of the report "Points, badges and review", per week of the period.

Aggregates only: sums and counts over all learners, never a learner's name, pseudonym or
id. What each week holds:

* the points awarded, in total and per rule, and the learners who earned any;
* with the badges app: the badges awarded, per badge (every active badge, and an inactive
  one while it has awards in the period);
* with the challenges app: the challenges completed, per challenge (those whose dates
  touch the period, or that were completed in it);
* with the reviews app: the answers given in the daily review ("Dagelijkse herhaling";
  not the first answer to an exercise) and how many were recalled, the retention being
  their share.

A week runs from Monday (the site's time zone); the period's first and last week count
only their days within the period. The database counts, grouped by week: one query for
the points, two for the learners (per week, and once for the whole period, as a learner
who earned points in two weeks is one learner of the period), two per optional app for
its badges or challenges and their counts, one for the reviews. So the report costs the
same for 2 weeks as for 200, and for 2 badges as for 20.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q, Sum

from borg_learning.analytics.figures import bucketed, rounded
from borg_learning.gamification.models import PointsAward, Rule


@dataclass
class Subject:
    """A badge or challenge with its counts per week."""

    pk: int
    name: str
    series: list


@dataclass
class WeeklyFigures:
    """Everything the report shows; ``None`` for the figures of an app not installed."""

    weeks: list
    points: dict  # {rule: [points per week]}
    earners: list
    earners_in_period: int
    badges: list | None = None
    challenges: list | None = None
    reviews: list | None = None
    recalled: list | None = None

    @property
    def points_series(self):
        return [sum(week) for week in zip(*self.points.values(), strict=True)]

    def has_figures(self):
        """Whether anything happened in the period: else the report says so."""
        counted = [self.points_series, self.reviews or []]
        counted += [subject.series for subject in (self.badges or []) + (self.challenges or [])]
        return any(any(series) for series in counted)


def weekly(queryset, moment, scope, group=None, **aggregates):
    """``{group's value: {aggregate: [figure per week]}}`` of ``queryset`` within the
    period, by the week of ``moment`` (``None`` is the key without ``group``); one query."""
    start, end = scope.moments
    weeks = scope.buckets()
    position = {week: index for index, week in enumerate(weeks)}
    rows = (
        queryset.filter(**{f"{moment}__gte": start, f"{moment}__lt": end})
        .order_by()
        .values(*([group] if group else []), week=bucketed(moment, scope))
        .annotate(**aggregates)
    )
    grouped = {}
    for row in rows:
        index = position.get(row["week"])
        if index is None:
            continue
        key = row[group] if group else None
        series = grouped.setdefault(key, {name: [0] * len(weeks) for name in aggregates})
        for name in aggregates:
            series[name][index] += row[name] or 0
    return grouped


def nothing(scope):
    return [0] * len(scope.buckets())


def points_figures(scope):
    """``({rule: [points per week]}, [learners per week], learners in the period)``;
    three queries."""
    per_rule = weekly(PointsAward.objects.all(), "awarded_at", scope, "rule", points=Sum("points"))
    points = {
        rule: per_rule[rule]["points"] if rule in per_rule else nothing(scope) for rule in Rule
    }
    earners = weekly(
        PointsAward.objects.all(),
        "awarded_at",
        scope,
        learners=Count("learner", distinct=True),
    )
    start, end = scope.moments
    in_period = (
        PointsAward.objects.filter(awarded_at__gte=start, awarded_at__lt=end)
        .values("learner")
        .distinct()
        .count()
    )
    return points, earners[None]["learners"] if earners else nothing(scope), in_period


def subjects(model, shown, awards, moment, scope, key, name):
    """A ``Subject`` per row of ``model`` that is ``shown`` or counted in the period, by
    ``name``, with its rows of ``awards`` (grouped by ``key``) per week; two queries."""
    counts = weekly(awards, moment, scope, key, count=Count("pk"))
    listed = (
        model.objects.filter(shown | Q(pk__in=list(counts)))
        .order_by(name, "pk")
        .values_list("pk", name)
    )
    return [
        Subject(pk, title, counts[pk]["count"] if pk in counts else nothing(scope))
        for pk, title in listed
    ]


def badge_figures(scope):
    from borg_learning.badges.models import Badge, BadgeAward

    return subjects(
        Badge, Q(active=True), BadgeAward.objects.all(), "awarded_at", scope, "badge", "name"
    )


def challenge_figures(scope):
    from borg_learning.challenges.models import Challenge, ChallengeCompletion

    overlapping = Q(starts_on__lte=scope.end, ends_on__gte=scope.start)
    return subjects(
        Challenge,
        overlapping,
        ChallengeCompletion.objects.all(),
        "completed_at",
        scope,
        "challenge",
        "title",
    )


def review_figures(scope):
    """``([daily-review answers per week], [of them recalled per week])``; one query."""
    from borg_learning.reviews.models import ReviewLog, ReviewSource

    counts = weekly(
        ReviewLog.objects.filter(source=ReviewSource.REVIEW),
        "reviewed_at",
        scope,
        reviews=Count("pk"),
        recalled=Count("pk", filter=Q(correct=True)),
    ).get(None)
    if counts is None:
        return nothing(scope), nothing(scope)
    return counts["reviews"], counts["recalled"]


def retention(reviews, recalled):
    """The share of the reviews recalled, in per cent to one decimal; None without reviews."""
    return rounded(100 * recalled / reviews) if reviews else None


def weekly_figures(scope):
    """The report's figures for ``scope`` (its ``interval`` is ``"week"``), with the
    sections of the installed apps only."""
    points, earners, earners_in_period = points_figures(scope)
    figures = WeeklyFigures(scope.buckets(), points, earners, earners_in_period)
    if apps.is_installed("borg_learning.badges"):
        figures.badges = badge_figures(scope)
    if apps.is_installed("borg_learning.challenges"):
        figures.challenges = challenge_figures(scope)
    if apps.is_installed("borg_learning.reviews"):
        figures.reviews, figures.recalled = review_figures(scope)
    return figures
