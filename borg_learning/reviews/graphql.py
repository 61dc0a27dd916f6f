"""The daily review over GraphQL: ``me { dueReviews dailyReviewCount }`` and
``answerReview``.

A due card shows its exercise as the page does before answering (``LearningExerciseBlock``:
no correct options); ``answerReview`` answers with the verdict as ``answerExercise`` does,
and when the card is due next.
"""

import graphene

from borg_learning.api.graphql.blocks import ExerciseBlock, ExerciseResult
from borg_learning.api.graphql.interfaces import LearningPage
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.learners import identity
from borg_learning.learners.graphql import learner_error_type
from borg_learning.learners.progress import LearnerError
from borg_learning.reviews import answering, cards

ReviewError, ReviewErrorCode = learner_error_type(
    "LearningReviewError",
    answering.Code,
    "One problem with a review; nothing of it was stored.",
    "Why a review was refused.",
    "card, answer, learnerToken",
    {
        "UNKNOWN_CARD": "The learner has no such card, or its exercise is gone or hidden.",
        "NOT_DUE": "The card is not due yet (or was just answered).",
        "DAILY_LIMIT_REACHED": "The learner answered today's number of review cards.",
        "INVALID_ANSWER": "The answer does not fit the exercise (count of options).",
        "UNKNOWN_OPTION": "An answer id is not an option of the exercise.",
    },
)


class ReviewCard(graphene.ObjectType):
    """An exercise the learner answered before, to answer again now."""

    class Meta:
        name = "LearningReviewCard"

    id = graphene.ID(required=True, description="Send it in answerReview's card.")
    page = graphene.Field(LearningPage, required=True, description="The exercise's page.")
    exercise = graphene.Field(
        ExerciseBlock, required=True, description="The exercise as it is before answering."
    )
    due = graphene.DateTime(required=True)

    def resolve_id(entry, info):
        return entry.card.pk

    def resolve_page(entry, info):
        return entry.page

    def resolve_exercise(entry, info):
        return {"id": entry.block.id, "type": "exercise", "value": entry.block.value}

    def resolve_due(entry, info):
        return entry.card.due


class MeReviewFields:
    """The reviews' fields of ``me`` (``register_learner_graphql_fields``)."""

    due_reviews = graphene.List(
        graphene.NonNull(ReviewCard),
        required=True,
        limit=graphene.Int(description="At most this many (and never more than today's left)."),
        description="The daily review: the cards due now, the longest due first, at most "
        "what is left of today's number (REVIEW_DAILY_LIMIT).",
    )
    daily_review_count = graphene.Int(
        required=True, description="The cards in today's review now (dueReviews without limit)."
    )

    def resolve_due_reviews(view, info, limit=None):
        return cards.due_cards(view.learner, view.references, limit)

    def resolve_daily_review_count(view, info):
        return len(cards.due_cards(view.learner, view.references))


class AnswerReviewInput(graphene.InputObjectType):
    class Meta:
        name = "LearningAnswerReviewInput"

    card = graphene.ID(required=True, description="A due card of dueReviews.")
    answer = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="The ids of the options chosen (exactly one for SINGLE_CHOICE and TRUE_FALSE).",
    )


class AnswerReviewPayload(graphene.ObjectType):
    class Meta:
        name = "LearningAnswerReviewPayload"

    ok = graphene.Boolean(required=True, description="True when the review is stored.")
    errors = graphene.List(graphene.NonNull(ReviewError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    result = graphene.Field(
        ExerciseResult,
        description="The verdict: correct or not, the feedback on the options chosen, the "
        "correct options and the explanation. Null when refused.",
    )
    next_due = graphene.DateTime(description="When the card is due again; null when refused.")


class Result:
    def __init__(self, errors=(), token_retired=False, **values):
        self.errors = list(errors)
        self.ok = not self.errors
        self.token_retired = token_retired
        self.result = self.next_due = None
        self.__dict__.update(values)


class AnswerReview(graphene.Mutation):
    """Answer a due review card: judged on the server against the live exercise."""

    class Arguments:
        input = AnswerReviewInput(required=True)

    Output = AnswerReviewPayload

    def mutate(root, info, input):
        retired = identity.identify(info.context).token_retired
        try:
            reviewed = answering.answer(
                info.context, input.card, input.answer, references=Loaders.of(info)
            )
        except LearnerError as error:
            return Result(error.problems, retired)
        return Result(token_retired=retired, result=reviewed.verdict, next_due=reviewed.card.due)


class ReviewMutation:
    answer_review = AnswerReview.Field(
        description="Answer a card of the daily review; the verdict and the next due date."
    )


# --- exportMyData { data { reviewCards reviewLogs } } ---------------------------------------


class MyDataReviewCard(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataReviewCard"

    card = graphene.ID(required=True)
    page = graphene.ID(required=True)
    block = graphene.ID(required=True)
    due = graphene.DateTime(required=True)
    created_at = graphene.DateTime(required=True)


class MyDataReviewLog(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataReviewLog"

    card = graphene.ID(required=True)
    source = graphene.String(required=True, description="exercise (first answer) or review.")
    correct = graphene.Boolean(required=True)
    answer = graphene.List(graphene.NonNull(graphene.ID), required=True)
    reviewed_at = graphene.DateTime(required=True)


class MyDataReviewFields:
    """The reviews' keys of the export (``privacy.exported``), typed."""

    review_cards = graphene.List(graphene.NonNull(MyDataReviewCard), required=True)
    review_logs = graphene.List(graphene.NonNull(MyDataReviewLog), required=True)
