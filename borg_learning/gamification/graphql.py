"""Points and the learning streak over GraphQL: ``me { points streak }``,
``planStreakFreeze`` and ``cancelStreakFreeze``.

Nothing here names a learner to anyone else: a learner sees their own points and streak.
"""

from functools import cached_property

import graphene
from django.apps import apps

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.gamification import points, streaks
from borg_learning.gamification.models import PointsAward, Rule
from borg_learning.learners import identity
from borg_learning.learners.graphql import learner_error_type
from borg_learning.learners.progress import LearnerError

RECENT_AWARDS = 10

PointsRule = enum_from_choices(Rule, "LearningPointsRule", "What paid points.")

StreakError, StreakErrorCode = learner_error_type(
    "LearningStreakError",
    streaks.Code,
    "One problem with planning or cancelling freeze days; nothing of it was stored.",
    "Why freeze days were refused.",
    "dates, learnerToken",
    {
        "INVALID_DATE": "No dates, or a date further ahead than STREAK_FREEZE_DAYS_AHEAD.",
        "DATE_IN_PAST": "A date before today (the server's local date).",
        "TOO_MANY_FREEZES": "A calendar month would have more than STREAK_FREEZES_PER_MONTH "
        "freeze days.",
    },
)


class Level(graphene.ObjectType):
    """A level of the points scale (GAMIFICATION_LEVELS)."""

    class Meta:
        name = "LearningLevel"

    number = graphene.Int(required=True, description="1 for the first level.")
    name = graphene.String(required=True)
    points_from = graphene.Int(required=True, description="The points the level starts at.")
    points_to = graphene.Int(
        description="The points the next level starts at; null at the top level."
    )


class Award(graphene.ObjectType):
    """Points paid once for one thing the learner did."""

    class Meta:
        name = "LearningPointsAward"

    rule = graphene.Field(PointsRule, required=True)
    points = graphene.Int(required=True, description="As the rule paid them then.")
    awarded_at = graphene.DateTime(required=True)
    subject = graphene.String(
        required=True,
        description='What was paid for: "page:<id>" (a part, module or microlesson), '
        '"route:<id>", "exercise:<page id>/<block id>:<date>" (a review recalled) or '
        '"streak:<days>".',
    )
    title = graphene.String(
        description="The page's or route's title, while the learner may see it; else null."
    )

    def resolve_rule(award, info):
        return Rule(award.rule)

    def resolve_title(award, info):
        reference = points.subject_reference(award.subject)
        if reference is None:
            return None
        kind, pk = reference
        if kind == "page":
            page = Loaders.of(info).get("page", pk)
            return page.title if page else None
        return award.route_titles.get(pk)


class Points(graphene.ObjectType):
    """The learner's points: the total of the ledger and the level it reaches."""

    class Meta:
        name = "LearningPoints"

    total = graphene.Int(required=True, description="The sum of every award.")
    level = graphene.Field(Level, required=True)
    recent = graphene.List(
        graphene.NonNull(Award),
        required=True,
        limit=graphene.Int(description=f"At most this many; default {RECENT_AWARDS}."),
        description="The latest awards, the newest first.",
    )

    def resolve_total(ledger, info):
        return ledger.total

    def resolve_level(ledger, info):
        return points.level_of(ledger.total)

    def resolve_recent(ledger, info, limit=None):
        _offset, limit = page_window(RECENT_AWARDS if limit is None else limit, 0)
        return ledger.recent(Loaders.of(info), limit)


class Ledger:
    """One learner's points for one request."""

    def __init__(self, learner):
        self.learner = learner

    @cached_property
    def total(self):
        return points.total(self.learner)

    def recent(self, loaders, limit):
        if self.learner is None:
            return []
        awards = list(
            PointsAward.objects.filter(learner=self.learner).order_by("-awarded_at", "-pk")[:limit]
        )
        references = [points.subject_reference(award.subject) for award in awards]
        for kind, pk in filter(None, references):
            if kind == "page":
                loaders.want("page", pk)
        route_ids = {pk for kind, pk in filter(None, references) if kind == "route"}
        titles = route_titles(route_ids)
        for award in awards:
            award.route_titles = titles
        return awards


def route_titles(ids) -> dict[int, str]:
    """The titles of the live routes among ``ids``."""
    if not ids or not apps.is_installed("borg_learning.routes"):
        return {}
    from borg_learning.routes.models import Route

    return dict(Route.objects.filter(pk__in=ids, live=True).values_list("pk", "title"))


class Streak(graphene.ObjectType):
    """The daily learning streak: consecutive days of learning, kept alive by planned
    freeze days."""

    class Meta:
        name = "LearningStreak"

    days = graphene.Int(
        required=True,
        description="Learning days in the streak that reaches today or yesterday (freeze "
        "days keep it alive but do not count); 0 when there is none.",
    )
    longest = graphene.Int(required=True, description="The longest streak so far, in days.")
    today = graphene.Date(required=True, description="The server's local date.")
    learned_today = graphene.Boolean(
        required=True, description="Today is a learning day already (the streak is safe)."
    )
    frozen_days = graphene.List(
        graphene.NonNull(graphene.Date),
        required=True,
        upcoming=graphene.Boolean(
            default_value=True, description="Only today and later (default); false: all."
        ),
        description="The freeze days the learner planned, in order.",
    )
    freezes_left_this_month = graphene.Int(
        required=True,
        description="Freeze days the learner may still plan this calendar month "
        "(STREAK_FREEZES_PER_MONTH).",
    )

    def resolve_frozen_days(streak, info, upcoming=True):
        return streak.upcoming_frozen_days() if upcoming else streak.frozen_days


class MeGamificationFields:
    """The gamification's fields of ``me`` (``register_learner_graphql_fields``)."""

    points = graphene.Field(Points, required=True, description="The learner's points and level.")
    streak = graphene.Field(Streak, required=True, description="The daily learning streak.")

    def resolve_points(view, info):
        return Ledger(view.learner)

    def resolve_streak(view, info):
        return streaks.streak_of(view.learner)


# --- Freeze days ----------------------------------------------------------------------------


class StreakFreezeInput(graphene.InputObjectType):
    class Meta:
        name = "LearningStreakFreezeInput"

    dates = graphene.List(
        graphene.NonNull(graphene.Date),
        required=True,
        description="Days (YYYY-MM-DD), today or later.",
    )


class StreakFreezePayload(graphene.ObjectType):
    class Meta:
        name = "LearningStreakFreezePayload"

    ok = graphene.Boolean(required=True, description="True when the change is stored.")
    errors = graphene.List(graphene.NonNull(StreakError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    streak = graphene.Field(Streak, description="The streak after the change; null when refused.")


def changed(info, change, dates):
    """The payload after ``change`` (``streaks.plan_freeze`` or ``cancel_freeze``)."""
    retired = identity.identify(info.context).token_retired
    try:
        learner = change(info.context, dates, references=Loaders.of(info))
    except LearnerError as error:
        return StreakFreezePayload(ok=False, errors=error.problems, token_retired=retired)
    return StreakFreezePayload(
        ok=True, errors=[], token_retired=retired, streak=streaks.streak_of(learner)
    )


class PlanStreakFreeze(graphene.Mutation):
    """Plan freeze days: planned absence keeps the streak alive."""

    class Arguments:
        input = StreakFreezeInput(required=True)

    Output = StreakFreezePayload

    def mutate(root, info, input):
        return changed(info, streaks.plan_freeze, input.dates)


class CancelStreakFreeze(graphene.Mutation):
    """Take planned freeze days back (today or later)."""

    class Arguments:
        input = StreakFreezeInput(required=True)

    Output = StreakFreezePayload

    def mutate(root, info, input):
        return changed(info, streaks.cancel_freeze, input.dates)


class GamificationMutation:
    plan_streak_freeze = PlanStreakFreeze.Field(
        description="Plan freeze days ahead (shift work, a holiday), at most "
        "STREAK_FREEZES_PER_MONTH a calendar month; days planned before count once."
    )
    cancel_streak_freeze = CancelStreakFreeze.Field(
        description="Cancel planned freeze days of today or later; days not planned are left alone."
    )


# --- exportMyData { data { pointsAwards learningDays streakFreezes } } ---------------------


class MyDataPointsAward(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataPointsAward"

    rule = graphene.Field(PointsRule, required=True)
    subject = graphene.String(required=True)
    points = graphene.Int(required=True)
    awarded_at = graphene.DateTime(required=True)

    def resolve_rule(row, info):
        return Rule(row["rule"])


class MyDataGamificationFields:
    """The gamification's keys of the export (``privacy.exported``), typed."""

    points_awards = graphene.List(graphene.NonNull(MyDataPointsAward), required=True)
    learning_days = graphene.List(graphene.NonNull(graphene.Date), required=True)
    streak_freezes = graphene.List(graphene.NonNull(graphene.Date), required=True)
