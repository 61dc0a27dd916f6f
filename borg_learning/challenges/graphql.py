"""Challenges over GraphQL: ``challenges(active)``, ``me { challenges }`` and the
learner's completed challenges in ``exportMyData``.

A challenge shows no page, file or offer, only its own fields and theme, so it needs no
visibility policy; the learner's progress is their own (``me``). Both lists cost the same
number of SQL queries for 1 challenge as for 20 (``progress``).
"""

import graphene

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.themes import Theme
from borg_learning.challenges import progress
from borg_learning.challenges.models import Challenge, Goal
from borg_learning.learners.reading import LearnerView

GoalEnum = enum_from_choices(
    Goal,
    "LearningChallengeGoal",
    "What a challenge counts, of what the learner did between its dates.",
    values={
        "MICROLESSONS": "Microlessons completed (of the theme, when it has one).",
        "PARTS": "Parts of specialist modules completed (of the module's theme).",
        "MODULES": "Modules completed, basic or specialist (of the theme).",
        "REVIEWS": "Cards answered in the daily review.",
        "RECALLED": "Cards answered right in the daily review.",
        "LEARNING_DAYS": "Days on which the learner did something: progress, a completion, "
        "a review.",
    },
)

ACTIVE_DESCRIPTION = (
    "true (default): running today; false: ended or not started yet; null: all of them."
)


def challenges(active=True):
    """The challenges by their end date, the soonest first; the theme in the same query."""
    found = Challenge.objects.select_related("theme")
    if active is True:
        found = found.active()
    elif active is False:
        found = found.inactive()
    return list(found.order_by("ends_on", "starts_on", "title", "pk"))


class ChallengeType(graphene.ObjectType):
    """A time-boxed goal set by the editors, e.g. "Deze maand: 5 microlessen"."""

    class Meta:
        name = "LearningChallenge"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    description = graphene.String(required=True, description="Plain text; may be empty.")
    goal = graphene.Field(GoalEnum, required=True)
    target = graphene.Int(required=True, description="How many count as reaching the goal.")
    theme = graphene.Field(
        Theme, description="Only this theme's microlessons, parts or modules count."
    )
    starts_on = graphene.Date(required=True, description="The first day that counts.")
    ends_on = graphene.Date(required=True, description="The last day that counts.")
    days_left = graphene.Int(
        required=True,
        description="Days that still count, today included: 0 once it ended; every day "
        "of it before it starts. In the site's time zone.",
    )
    active = graphene.Boolean(required=True, description="Running today.")

    def resolve_days_left(challenge, info):
        return challenge.days_left()

    def resolve_active(challenge, info):
        return challenge.is_active()


class ChallengeQuery:
    challenges = graphene.List(
        graphene.NonNull(ChallengeType),
        required=True,
        active=graphene.Boolean(default_value=True, description=ACTIVE_DESCRIPTION),
        description="The challenges, the soonest ending first.",
    )

    def resolve_challenges(root, info, active=True):
        return challenges(active)


class ChallengeProgressType(graphene.ObjectType):
    """The learner's progress on a challenge, counted inside its dates."""

    class Meta:
        name = "LearningChallengeProgress"

    challenge = graphene.Field(ChallengeType, required=True)
    done = graphene.Int(
        required=True,
        description="How many of the goal the learner did between its dates (may pass the target).",
    )
    target = graphene.Int(required=True)
    completed = graphene.Boolean(required=True, description="The target was reached.")
    completed_at = graphene.DateTime(
        description="When the learner reached the target; kept when the challenge is edited later."
    )


class MeChallengeFields:
    """The challenges' field of ``me`` (``register_learner_graphql_fields``)."""

    challenges = graphene.List(
        graphene.NonNull(ChallengeProgressType),
        required=True,
        active=graphene.Boolean(default_value=True, description=ACTIVE_DESCRIPTION),
        description="The learner's progress on the challenges, the soonest ending first.",
    )

    def resolve_challenges(view: LearnerView, info, active=True):
        return progress.progress(view.learner, challenges(active))


# --- exportMyData { data { challengeCompletions } } -----------------------------------------


class MyDataChallengeCompletion(graphene.ObjectType):
    """A challenge the learner completed."""

    class Meta:
        name = "LearningMyDataChallengeCompletion"

    challenge = graphene.ID(required=True)
    title = graphene.String(required=True)
    goal = graphene.Field(GoalEnum, required=True)
    target = graphene.Int(required=True)
    completed_at = graphene.DateTime(required=True)


class MyDataChallengeFields:
    """The challenges' key of the export (``privacy.exported``), typed."""

    challenge_completions = graphene.List(
        graphene.NonNull(MyDataChallengeCompletion), required=True
    )
