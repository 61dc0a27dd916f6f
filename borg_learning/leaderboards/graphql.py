"""The leaderboards over GraphQL: ``me { leaderboardMembership leaderboard
organisationTotals }``, ``leaderboardOrganisations`` and the four membership mutations.

A board names members by their pseudonym only, and only a member's own neighbours. No
input takes a pseudonym: it is always drawn by the server.
"""

import graphene
from django.utils import timezone
from graphql import GraphQLError

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.leaderboards import boards, membership
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from borg_learning.learners import identity
from borg_learning.learners.graphql import learner_error_type
from borg_learning.learners.progress import LearnerError

BOARD_TOO_SMALL = "BOARD_TOO_SMALL"

LeaderboardScope = enum_from_choices(
    boards.Scope,
    "LearningLeaderboardScope",
    "Which members a board holds.",
    {
        "OVERALL": "Everyone who joined.",
        "ORGANISATION": "The members of the learner's organisation (none without one).",
    },
)

LeaderboardError, LeaderboardErrorCode = learner_error_type(
    "LearningLeaderboardError",
    membership.Code,
    "One problem with joining, changing or leaving the leaderboards; nothing of it was stored.",
    "Why a leaderboard change was refused.",
    "organisation, learnerToken",
    {
        "UNKNOWN_ORGANISATION": "No organisation has that slug.",
        "ALREADY_JOINED": "The learner joined already.",
        "NOT_JOINED": "The learner has not joined.",
        "TOO_MANY_PSEUDONYMS": "More than LEADERBOARD_PSEUDONYMS_PER_DAY new pseudonyms today.",
    },
)


class LeaderboardOrganisation(graphene.ObjectType):
    """An organisation whose members share a board and a total."""

    class Meta:
        name = "LearningLeaderboardOrganisation"

    name = graphene.String(required=True)
    slug = graphene.String(required=True, description="What joinLeaderboard takes.")


class Membership(graphene.ObjectType):
    """The learner's place on the leaderboards."""

    class Meta:
        name = "LearningLeaderboardMembership"

    pseudonym = graphene.String(
        required=True, description="Drawn from a Dutch word list; the only name on a board."
    )
    organisation = graphene.Field(
        LeaderboardOrganisation, description="Null: the overall board only."
    )
    joined_at = graphene.DateTime(required=True)
    pseudonyms_left_today = graphene.Int(
        required=True, description="New pseudonyms the learner may still draw today."
    )

    def resolve_pseudonyms_left_today(member, info):
        return member.draws_left(timezone.localdate())


class Week(graphene.ObjectType):
    class Meta:
        name = "LearningLeaderboardWeek"

    starts_on = graphene.Date(required=True, description="The Monday.")
    ends_on = graphene.Date(required=True, description="The Sunday.")


class Entry(graphene.ObjectType):
    """A member on the board: a pseudonym and the week's points, nothing else."""

    class Meta:
        name = "LearningLeaderboardEntry"

    rank = graphene.Int(required=True, description="1 for the most points; a tie by pseudonym.")
    pseudonym = graphene.String(required=True)
    points = graphene.Int(required=True, description="Points awarded this week.")
    is_you = graphene.Boolean(required=True)


def too_small(board) -> GraphQLError:
    return GraphQLError(
        f"The board has {board.size} members, fewer than the {board.minimum_size} it needs "
        "to be shown (BORG_LEARNING['LEADERBOARD_MINIMUM_SIZE']).",
        extensions={"code": BOARD_TOO_SMALL},
    )


class Board(graphene.ObjectType):
    """This week's board around the learner."""

    class Meta:
        name = "LearningLeaderboard"

    scope = graphene.Field(LeaderboardScope, required=True)
    week = graphene.Field(Week, required=True)
    size = graphene.Int(required=True, description="Members on the board.")
    minimum_size = graphene.Int(
        required=True, description="Members it needs to be shown (LEADERBOARD_MINIMUM_SIZE)."
    )
    shown = graphene.Boolean(required=True, description="size is at least minimumSize.")
    you = graphene.Field(Entry, description="Null, with the error BOARD_TOO_SMALL, when not shown.")
    neighbours = graphene.List(
        graphene.NonNull(Entry),
        description="The learner and LEADERBOARD_NEIGHBOURS members above and below, by rank; "
        "null, with the error BOARD_TOO_SMALL, when not shown.",
    )

    def resolve_you(board, info):
        if not board.shown:
            raise too_small(board)
        return board.you

    def resolve_neighbours(board, info):
        if not board.shown:
            raise too_small(board)
        return board.neighbours


class OrganisationTotal(graphene.ObjectType):
    """An organisation's week, summed: how its team did, naming nobody."""

    class Meta:
        name = "LearningLeaderboardOrganisationTotal"

    organisation = graphene.Field(LeaderboardOrganisation, required=True)
    members = graphene.Int(required=True)
    points = graphene.Int(required=True, description="The members' points of the week.")
    average = graphene.Float(required=True, description="Points per member, one decimal.")


def own_membership(view) -> LeaderboardMembership | None:
    """The learner's membership, looked up once per ``me``."""
    if "_leaderboard_membership" not in view.__dict__:
        view.__dict__["_leaderboard_membership"] = (
            None
            if view.learner is None
            else LeaderboardMembership.objects.select_related("organisation")
            .filter(learner=view.learner)
            .first()
        )
    return view.__dict__["_leaderboard_membership"]


class MeLeaderboardFields:
    """The leaderboards' fields of ``me`` (``register_learner_graphql_fields``)."""

    leaderboard_membership = graphene.Field(
        Membership, description="Null until the learner joins (leaderboards are opt-in)."
    )
    leaderboard = graphene.Field(
        Board,
        scope=graphene.Argument(LeaderboardScope, required=True),
        description="This week's board; null until the learner joins.",
    )
    organisation_totals = graphene.List(
        graphene.NonNull(OrganisationTotal),
        required=True,
        week=graphene.Date(description="A day of the week; default today's week."),
        description="The week's totals of the organisations with at least "
        "LEADERBOARD_MINIMUM_SIZE members, the highest average first.",
    )

    def resolve_leaderboard_membership(view, info):
        return own_membership(view)

    def resolve_leaderboard(view, info, scope):
        member = own_membership(view)
        return None if member is None else boards.board_of(member, boards.Scope(scope))

    def resolve_organisation_totals(view, info, week=None):
        return boards.organisation_totals(boards.Week.of(week or timezone.localdate()))


class LeaderboardQuery:
    leaderboard_organisations = graphene.List(
        graphene.NonNull(LeaderboardOrganisation),
        required=True,
        description="The organisations to choose from when joining, by name.",
    )

    def resolve_leaderboard_organisations(root, info):
        return Organisation.objects.order_by("name")


# --- Mutations ------------------------------------------------------------------------------


class OrganisationInput(graphene.InputObjectType):
    organisation = graphene.String(
        description="An organisation's slug; null or left out: the overall board only."
    )


class JoinLeaderboardInput(OrganisationInput):
    class Meta:
        name = "LearningJoinLeaderboardInput"


class ChangeLeaderboardOrganisationInput(OrganisationInput):
    class Meta:
        name = "LearningChangeLeaderboardOrganisationInput"


class MembershipPayload(graphene.ObjectType):
    class Meta:
        name = "LearningLeaderboardMembershipPayload"

    ok = graphene.Boolean(required=True, description="True when the change is stored.")
    errors = graphene.List(graphene.NonNull(LeaderboardError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    membership = graphene.Field(
        Membership, description="The membership after the change; null when refused or left."
    )


def changed(info, change, *args):
    """The payload after ``change`` (a function of ``membership``)."""
    retired = identity.identify(info.context).token_retired
    try:
        member = change(info.context, *args, references=Loaders.of(info))
    except LearnerError as error:
        return MembershipPayload(ok=False, errors=error.problems, token_retired=retired)
    return MembershipPayload(ok=True, errors=[], token_retired=retired, membership=member)


class JoinLeaderboard(graphene.Mutation):
    """Join the leaderboards under a drawn pseudonym."""

    class Arguments:
        input = JoinLeaderboardInput(required=True)

    Output = MembershipPayload

    def mutate(root, info, input):
        return changed(info, membership.join, input.get("organisation"))


class NewPseudonym(graphene.Mutation):
    """Draw another pseudonym from the word list."""

    Output = MembershipPayload

    def mutate(root, info):
        return changed(info, membership.new_pseudonym)


class ChangeLeaderboardOrganisation(graphene.Mutation):
    """Move to another organisation's board, or to none."""

    class Arguments:
        input = ChangeLeaderboardOrganisationInput(required=True)

    Output = MembershipPayload

    def mutate(root, info, input):
        return changed(info, membership.change_organisation, input.get("organisation"))


class LeaveLeaderboard(graphene.Mutation):
    """Leave the leaderboards: the membership and pseudonym are deleted at once."""

    Output = MembershipPayload

    def mutate(root, info):
        return changed(info, membership.leave)


class LeaderboardMutation:
    join_leaderboard = JoinLeaderboard.Field(
        description="Join the weekly leaderboards (opt-in) under a pseudonym the server draws."
    )
    new_pseudonym = NewPseudonym.Field(
        description="Draw another pseudonym, at most LEADERBOARD_PSEUDONYMS_PER_DAY a day."
    )
    change_leaderboard_organisation = ChangeLeaderboardOrganisation.Field(
        description="Move to another organisation's board, or to the overall board only."
    )
    leave_leaderboard = LeaveLeaderboard.Field(
        description="Leave the leaderboards; the membership is deleted at once."
    )


# --- exportMyData { data { leaderboardMembership } } ----------------------------------------


class MyDataMembership(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataLeaderboardMembership"

    pseudonym = graphene.String(required=True)
    organisation = graphene.String(description="The organisation's slug; null for none.")
    joined_at = graphene.DateTime(required=True)


class MyDataLeaderboardFields:
    """The leaderboards' key of the export (``privacy.exported``), typed."""

    leaderboard_membership = graphene.Field(MyDataMembership, description="Null: not joined.")
