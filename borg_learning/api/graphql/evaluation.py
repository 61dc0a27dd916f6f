"""Evaluation questionnaires and submitting answers over GraphQL.

Validation problems with the answers come back in the payload (``errors``), one per
problem with the question it is about, so the frontend can show each next to its
question. A request that cannot be about answers at all (an unknown module, a module
without a questionnaire, too many submissions) is a GraphQL error.
"""

import graphene
from django.utils import timezone
from graphql import GraphQLError
from wagtail.models import Page

from borg_learning import evaluation, models, throttling
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import Module
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.api.graphql.registry import register_loadable
from borg_learning.api.graphql.response_cache import never_cache
from borg_learning.conf import learning_settings
from borg_learning.models.evaluation import NUMBER_RANGES, OPEN_ANSWER_MAX_LENGTH, Part
from borg_learning.visibility import Visibility

register_loadable(
    "questionnaire", lambda loaders: models.Questionnaire.objects.prefetch_related("questions")
)


QuestionKind = enum_from_choices(
    models.evaluation.QuestionKind,
    "LearningQuestionKind",
    "The kind of a question and how to answer it.",
    values={
        "LIKERT": "A whole number from 1 to 5 (answer with number).",
        "SCALE": "A whole number from 1 to 10 (answer with number).",
        "SINGLE": "One of the options (answer with choices, one item).",
        "MULTIPLE": "One or more of the options (answer with choices).",
        "OPEN": "Free text (answer with text).",
    },
)


class Question(graphene.ObjectType):
    """A question as the learner sees it now; its id is what an answer refers to."""

    class Meta:
        name = "LearningQuestion"

    id = graphene.ID(required=True)
    text = graphene.String(required=True)
    help_text = graphene.String(required=True)
    level = graphene.Int(
        required=True, description="Kirkpatrick level: 1 reaction, 2 learning, 3 behaviour."
    )
    kind = graphene.Field(QuestionKind, required=True)
    options = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="The options of a choice question, in order.",
    )
    required = graphene.Boolean(required=True)
    minimum = graphene.Int(description="Lowest number a LIKERT or SCALE answer may be.")
    maximum = graphene.Int(description="Highest number a LIKERT or SCALE answer may be.")
    max_length = graphene.Int(description="Longest text an OPEN answer may be, in characters.")

    def resolve_options(question, info):
        return question.option_list

    def resolve_minimum(question, info):
        return NUMBER_RANGES.get(question.kind, (None, None))[0]

    def resolve_maximum(question, info):
        return NUMBER_RANGES.get(question.kind, (None, None))[1]

    def resolve_max_length(question, info):
        return (
            OPEN_ANSWER_MAX_LENGTH if question.kind == models.evaluation.QuestionKind.OPEN else None
        )


class Questionnaire(graphene.ObjectType):
    """The evaluation a module asks at its end."""

    class Meta:
        name = "LearningQuestionnaire"

    id = graphene.ID(required=True)
    slug = graphene.String(required=True)
    title = graphene.String(required=True)
    intro = graphene.String(required=True)
    questions = graphene.List(
        graphene.NonNull(Question),
        required=True,
        description="The questions asked right after this module: those for every module "
        "and those for one of its themes.",
    )
    has_follow_up = graphene.Boolean(
        required=True,
        description="True when a first submission gets a follow-up code for questions asked later.",
    )
    follow_up_after_days = graphene.Int(
        required=True, description="Days after the first answers the follow-up is due."
    )

    def resolve_questions(questionnaire, info):
        return questionnaire.questions_of(Part.FIRST)


class FollowUp(graphene.ObjectType):
    """The follow-up questions a follow-up code gives access to."""

    class Meta:
        name = "LearningFollowUp"

    code = graphene.UUID(required=True)
    title = graphene.String(required=True, description="The questionnaire's title.")
    intro = graphene.String(required=True)
    questions = graphene.List(graphene.NonNull(Question), required=True)
    due = graphene.Date(required=True, description="From this day on it can be answered.")
    answered = graphene.Boolean(required=True)
    available = graphene.Boolean(required=True, description="Due and not yet answered: ask it now.")
    module = graphene.Field(
        Module, description="The module evaluated; null when it is no longer published."
    )

    def resolve_code(first, info):
        return first.follow_up_code

    def resolve_title(first, info):
        return first.questionnaire.title

    def resolve_intro(first, info):
        return first.questionnaire.follow_up_intro

    def resolve_questions(first, info):
        return first.questionnaire.for_module(first.module).questions_of(Part.FOLLOW_UP)

    def resolve_due(first, info):
        return first.follow_up_due

    def resolve_answered(first, info):
        return first.is_followed_up

    def resolve_available(first, info):
        return not first.is_followed_up and first.follow_up_due <= timezone.localdate()

    def resolve_module(first, info):
        page = Loaders.of(info).get("page", first.module_id)
        return page if isinstance(page, models.ModulePage) else None


def follow_up(code):
    """The first response with this follow-up code, or None."""
    first = (
        models.Response.objects.filter(
            follow_up_code=code, part=Part.FIRST, questionnaire__isnull=False
        )
        .select_related("questionnaire")
        .first()
    )
    if first is not None:
        first.is_followed_up = models.Response.objects.filter(first_response=first).exists()
    return first


# --- Mutations ---------------------------------------------------------------------------


EvaluationErrorCode = enum_from_choices(
    evaluation.Code, "LearningEvaluationErrorCode", "Why a submission was refused."
)


class EvaluationError(graphene.ObjectType):
    """One problem with a submission; nothing of the submission was stored."""

    class Meta:
        name = "LearningEvaluationError"

    field = graphene.String(
        required=True, description="The input field: answers, followUpCode, submissionId or module."
    )
    question = graphene.ID(description="The question an answer problem is about.")
    code = graphene.Field(EvaluationErrorCode, required=True)
    message = graphene.String(required=True, description="In English, for developers.")


class AnswerInput(graphene.InputObjectType):
    """The answer to one question: ``number``, ``choices`` or ``text``, as its kind asks."""

    class Meta:
        name = "LearningAnswerInput"

    question = graphene.ID(required=True)
    number = graphene.Int()
    choices = graphene.List(graphene.NonNull(graphene.String))
    text = graphene.String()


class SubmitEvaluationInput(graphene.InputObjectType):
    class Meta:
        name = "LearningSubmitEvaluationInput"

    module = graphene.ID(required=True)
    submission_id = graphene.UUID(
        required=True,
        description="Made by the client (a random UUID) once per submission; "
        "sending it again stores nothing new.",
    )
    answers = graphene.List(graphene.NonNull(AnswerInput), required=True)
    follow_up_code = graphene.UUID(
        description="To answer the follow-up questions: the code the first submission returned."
    )


class SubmitEvaluationPayload(graphene.ObjectType):
    class Meta:
        name = "LearningSubmitEvaluationPayload"

    ok = graphene.Boolean(required=True, description="True when the answers are stored.")
    follow_up_code = graphene.UUID(
        description="Keep this to answer the follow-up questions later (first submission "
        "of a questionnaire with follow-up questions only)."
    )
    follow_up_due = graphene.Date(description="From this day on the follow-up can be answered.")
    errors = graphene.List(graphene.NonNull(EvaluationError), required=True)


RATE_LIMITED = (
    "Too many evaluations from this address; try again in an hour "
    "(BORG_LEARNING['EVALUATION_RATE_LIMIT'])."
)


class SubmitEvaluation(graphene.Mutation):
    """Store the answers to a module's questionnaire, anonymously."""

    class Arguments:
        input = SubmitEvaluationInput(required=True)

    Output = SubmitEvaluationPayload

    def mutate(root, info, input):
        if not throttling.allow(
            info.context, "evaluation", learning_settings.EVALUATION_RATE_LIMIT
        ):
            raise GraphQLError(RATE_LIMITED, extensions={"code": "RATE_LIMITED"})
        # Anonymous: a submission never reads the session of a signed-in visitor.
        visibility = Visibility.of(info.context, anonymous=True)
        module = (
            visibility.pages(Page.objects.filter(pk=database_id(input.module))).specific().first()
        )
        if not isinstance(module, models.ModulePage):
            raise GraphQLError(
                f"There is no published module with id '{input.module}'.",
                extensions={"code": "UNKNOWN_MODULE"},
            )
        try:
            submission = evaluation.submit(
                module,
                input.submission_id,
                input.answers,
                follow_up_code=input.get("follow_up_code"),
            )
        except evaluation.SubmissionError as error:
            if any(problem.code == evaluation.Code.NO_QUESTIONNAIRE for problem in error.problems):
                raise GraphQLError(str(error), extensions={"code": "NO_QUESTIONNAIRE"}) from None
            return SubmitEvaluationPayload(ok=False, errors=error.problems)
        return SubmitEvaluationPayload(
            ok=True,
            follow_up_code=submission.follow_up_code,
            follow_up_due=submission.follow_up_due,
            errors=[],
        )


class EvaluationQuery:
    follow_up = graphene.Field(
        FollowUp,
        code=graphene.UUID(required=True),
        description="The follow-up questions of an evaluation, by the code its first "
        "submission returned; null for an unknown code.",
    )

    def resolve_follow_up(root, info, code):
        never_cache(info.context)  # one respondent's, and due by date
        return follow_up(code)


class EvaluationMutation:
    submit_evaluation = SubmitEvaluation.Field(
        description="Store the answers to a module's evaluation questionnaire (or, with a "
        "follow-up code, to its follow-up questions). Problems with the answers "
        "come back in errors, and nothing is stored."
    )
