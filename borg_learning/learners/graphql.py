"""Learners over GraphQL: ``me``, and the mutations that record progress, move to another
device, export and forget.

The learner is named by the ``X-Learner-Token`` header (or the session of a signed-in
user). Problems come back in the payload's ``errors``, as with ``submitEvaluation``: an
input field, a stable code and an English message; nothing is stored then.
"""

import functools

import graphene
from django.db import transaction
from wagtail import hooks

from borg_learning.api.graphql.blocks import ExerciseResult
from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import LearningPage, Module
from borg_learning.api.graphql.limits import page_window
from borg_learning.api.graphql.loaders import Loaders, database_id
from borg_learning.content import exercises
from borg_learning.learners import answering, identity, privacy, progress, rules, transfer
from borg_learning.learners.models import BlockKind, Event
from borg_learning.learners.reading import LearnerView

ProgressEvent = enum_from_choices(
    Event,
    "LearningProgressEvent",
    "What a learner did with a block, or with a page itself.",
    values={
        "SEEN": "A text or image block, or a page itself (send no block), was shown.",
        "PLAYED": "An audio or video block was played; send played, the part played (0 to 1).",
        "ANSWERED": "An exercise was answered: answer (option ids) or, for a reflection, "
        "text. answerExercise records the same and answers with the verdict: use that.",
        "OPENED": "A download or link block was opened.",
    },
)
BlockKindEnum = enum_from_choices(
    BlockKind, "LearningBlockKind", "The kind of block progress is about; PAGE: the page itself."
)
#: The codes about the learner itself, which every learner request may answer.
LEARNER_CODE_DESCRIPTIONS = {
    "UNKNOWN_LEARNER": "The learner token names no learner (forged, forgotten, merged or "
    "purged): forget it.",
    "NO_LEARNER": "No learner token and not signed in.",
}


def learner_error_type(name, codes, doc, code_doc, fields, descriptions):
    """``(error type, its code enum)``: the one shape of a problem in a learner mutation's
    ``errors`` (field, code, message), for each sub-app's ``codes`` (a ``StrEnum``).

    ``name`` is the GraphQL type's ("LearningRouteError"; its enum gets "Code" after it),
    ``fields`` the input fields a problem may name, ``descriptions`` the codes' besides
    ``LEARNER_CODE_DESCRIPTIONS``. A problem's code may be any string of ``codes``.
    """
    enum = enum_from_choices(
        codes, f"{name}Code", code_doc, values={**LEARNER_CODE_DESCRIPTIONS, **descriptions}
    )

    def resolve_code(problem, info):
        return codes(str(problem.code))

    error = type(
        name.removeprefix("Learning"),
        (graphene.ObjectType,),
        {
            "__doc__": doc,
            "Meta": type("Meta", (), {"name": name}),
            "field": graphene.String(
                description=f"The input field ({fields}); null when the problem is not about one."
            ),
            "code": graphene.Field(enum, required=True),
            "message": graphene.String(required=True, description="In English, for developers."),
            "resolve_code": resolve_code,
        },
    )
    return error, enum


LearnerError, LearnerErrorCode = learner_error_type(
    "LearningLearnerError",
    progress.Code,
    "One problem with a learner's request; nothing of it was stored.",
    "Why a learner's request was refused.",
    "page, previewToken, block, event, played, answer, text, code, learnerToken",
    {
        "UNKNOWN_PAGE": "No published module, module part or microlesson with that id that the "
        "learner may see.",
        "UNKNOWN_BLOCK": "The published page has no block (answerExercise: no exercise) with "
        "that id.",
        "WRONG_EVENT": "The event is not the one the block's kind takes.",
        "INVALID_PLAYED": "played is missing, outside 0 to 1, or sent with another event.",
        "INVALID_ANSWER": "The answer does not fit the exercise (count of options, text).",
        "UNKNOWN_OPTION": "An answer id is not an option of the exercise.",
        "INVALID_TRANSFER_CODE": "The transfer code is unknown, used or expired.",
        "RATE_LIMITED": "Too many attempts from this address this hour.",
    },
)


# --- Progress ----------------------------------------------------------------------------


class BlockProgress(graphene.ObjectType):
    """What the learner did with one block of a page."""

    class Meta:
        name = "LearningBlockProgress"

    block = graphene.ID(required=True, description="The block's id, as in the page's body.")
    kind = graphene.Field(BlockKindEnum, required=True)
    completed = graphene.Boolean(required=True, description="The block's rule is met.")
    completed_at = graphene.DateTime()
    played = graphene.Float(description="Audio and video: the largest part played, 0 to 1.")
    answer = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="An exercise: the ids of the options chosen last.",
    )
    text = graphene.String(description="An open reflection: the text written last.")
    result = graphene.Field(
        ExerciseResult,
        description="An exercise: the verdict on the saved answer against the published "
        "exercise, as answerExercise gave it; null for other blocks.",
    )
    updated_at = graphene.DateTime(required=True)

    def resolve_block(row, info):
        return row.block_id

    def resolve_result(row, info):
        if row.kind != BlockKind.EXERCISE:
            return None
        page = Loaders.of(info).get("page", row.page_id)  # loaded with the page's progress
        block = next((block for block in rules.body_blocks(page) if block.id == row.block_id), None)
        if block is None or block.kind != BlockKind.EXERCISE:
            return None
        return exercises.verdict(block.value, row.answer or [])

    def resolve_completed(row, info):
        return row.completed_at is not None

    def resolve_answer(row, info):
        return list(row.answer or [])

    def resolve_text(row, info):
        return row.text or None


class PageProgress(graphene.ObjectType):
    """The learner's progress on one page: what to restore when it is shown again."""

    class Meta:
        name = "LearningPageProgress"

    page = graphene.Field(LearningPage, required=True)
    completed = graphene.Boolean(required=True)
    completed_at = graphene.DateTime()
    seen = graphene.Boolean(required=True, description="The page itself was seen.")
    blocks_done = graphene.Int(
        required=True, description="Blocks with something to do that are done."
    )
    blocks_total = graphene.Int(
        required=True,
        description="Blocks with something to do (not those whose file or target is gone).",
    )
    blocks = graphene.List(
        graphene.NonNull(BlockProgress),
        required=True,
        description="The blocks the learner did something with, in the page's order.",
    )


class ModuleProgress(graphene.ObjectType):
    """The learner's progress on one module."""

    class Meta:
        name = "LearningModuleProgress"

    module = graphene.Field(Module, required=True)
    started = graphene.Boolean(required=True)
    completed = graphene.Boolean(required=True)
    completed_at = graphene.DateTime()
    parts_done = graphene.Int(
        required=True, description="Completed parts; a basic module counts as one part."
    )
    parts_total = graphene.Int(required=True, description="Published parts the learner may see.")
    completed_part_ids = graphene.List(graphene.NonNull(graphene.ID), required=True)
    last_activity_at = graphene.DateTime()


class Resume(graphene.ObjectType):
    """Where the learner left off, for "Ga verder waar je was"."""

    class Meta:
        name = "LearningResume"

    page = graphene.Field(LearningPage, required=True)
    module = graphene.Field(
        Module,
        description="The page's module (the page itself for a module); null for a page of no "
        "module (a microlesson).",
    )
    at = graphene.DateTime(required=True)
    module_completed = graphene.Boolean(required=True)


class MeFields:
    """The fields of ``me`` the learners app answers itself; other sub-apps add theirs."""

    signed_in = graphene.Boolean(
        required=True, description="Progress is kept with the signed-in account."
    )
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )
    created_at = graphene.DateTime(description="Null for an account without progress yet.")
    completed_page_ids = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="Completed module parts and modules, for done marks on tiles.",
    )
    modules = graphene.List(
        graphene.NonNull(ModuleProgress),
        required=True,
        ids=graphene.List(
            graphene.NonNull(graphene.ID),
            description="These modules, in this order, started or not (e.g. the tiles shown).",
        ),
        limit=graphene.Int(),
        offset=graphene.Int(),
        description="Progress per module: of the modules ids names, or else of every module "
        "the learner worked on, the latest first.",
    )
    module = graphene.Field(ModuleProgress, id=graphene.ID(required=True))
    page = graphene.Field(
        PageProgress,
        id=graphene.ID(required=True),
        description="Progress on a module part or module: the blocks done and the saved answers.",
    )
    resume = graphene.Field(
        Resume, description="The page last worked on, if it may still be seen; null otherwise."
    )

    def resolve_completed_page_ids(view, info):
        return view.completed_page_ids

    def resolve_modules(view, info, ids=None, limit=None, offset=None):
        offset, limit = page_window(limit, offset)
        if ids is not None:
            ids = [database_id(pk) for pk in ids]
        return view.modules(ids=ids, offset=offset, limit=limit)

    def resolve_module(view, info, id):
        return view.module(database_id(id))

    def resolve_page(view, info, id):
        return view.page(database_id(id))


def extra_me_fields():
    """The mixins sub-apps add to ``me`` with the Wagtail hook
    ``register_learner_graphql_fields`` (a function returning a list of classes of graphene
    fields); their resolvers get the request's ``LearnerView`` as root."""
    return tuple(
        item for hook in hooks.get_hooks("register_learner_graphql_fields") for item in hook()
    )


@functools.cache
def me_type():
    """``LearningMe``: made when the schema is built, after every app's hooks are known."""
    return type(
        "Me",
        (MeFields, *extra_me_fields(), graphene.ObjectType),
        {
            "__doc__": "The learner of this request and their progress, on the pages it may see.",
            "Meta": type("Meta", (), {"name": "LearningMe"}),
        },
    )


def learner_view(info) -> LearnerView | None:
    """The request's learner as ``me`` shows it; None without a token or a session, or
    with a token that names no learner. A signed-in request with an anonymous learner's
    token merges it first."""
    request = info.context
    who = identity.identify(request)
    if who.user is None and who.token_learner is None:
        return None
    loaders = Loaders.of(info)
    retired = who.token_retired
    if who.merge_source is not None:
        with transaction.atomic():
            learner = identity.locked_learner(who, loaders)
        identity.forget_identity(request)
    else:
        learner = who.learner
        if learner is not None:
            identity.seen_today(learner)
    return LearnerView(learner, loaders, signed_in=who.user is not None, token_retired=retired)


class LearnerQuery:
    me = graphene.Field(
        lambda: me_type(),
        description="The learner of the X-Learner-Token header or the signed-in session: "
        "progress and where to go on. Null without either, or for a token that names no "
        "learner (forget it).",
    )

    def resolve_me(root, info):
        return learner_view(info)


# --- Mutations ------------------------------------------------------------------------------


class RecordProgressInput(graphene.InputObjectType):
    class Meta:
        name = "LearningRecordProgressInput"

    page = graphene.ID(required=True, description="A module part, or a basic or specialist module.")
    block = graphene.ID(description="A block of the page's body; leave out for the page itself.")
    event = ProgressEvent(required=True)
    played = graphene.Float(description="PLAYED: the part of the fragment played, 0 to 1.")
    answer = graphene.List(
        graphene.NonNull(graphene.ID),
        description="ANSWERED, a choice question: the ids of the options chosen.",
    )
    text = graphene.String(description="ANSWERED, an open reflection: the learner's text.")


class LearnerPayload:
    """Fields every learner mutation answers with."""

    errors = graphene.List(graphene.NonNull(LearnerError), required=True)
    token_retired = graphene.Boolean(
        required=True,
        description="Forget the token sent: signed in, it was merged into the account's "
        "progress (or is not the account's).",
    )


class ProgressPayload(LearnerPayload):
    """Fields of a mutation that records progress."""

    ok = graphene.Boolean(required=True, description="True when the event is stored.")
    learner_token = graphene.String(
        description="Only when this call started a new learner: the token to keep (e.g. in "
        "localStorage) and send as X-Learner-Token from now on. It is shown once."
    )
    block = graphene.Field(BlockProgress, description="The block's progress (null for a page).")
    page = graphene.Field(PageProgress)
    module = graphene.Field(ModuleProgress)
    newly_completed = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="The pages this event completed: the page, and its module.",
    )

    def resolve_block(result, info):
        recorded = getattr(result, "recorded", None)
        if recorded is None or not recorded.progress.block_id:
            return None
        return recorded.progress

    def resolve_page(result, info):
        recorded = getattr(result, "recorded", None)
        return result.view.page(recorded.page.pk) if recorded else None

    def resolve_module(result, info):
        recorded = getattr(result, "recorded", None)
        if recorded is None or recorded.module_id is None:  # a page of no module
            return None
        return result.view.module(recorded.module_id)


class RecordProgressPayload(ProgressPayload, graphene.ObjectType):
    class Meta:
        name = "LearningRecordProgressPayload"


class Result:
    """The root a payload type resolves from."""

    def __init__(self, errors=(), token_retired=False, **values):
        self.errors = list(errors)
        self.token_retired = token_retired
        self.ok = not self.errors
        self.__dict__.update(values)


def learner_payload(info, act, refused=None, tells_token_retired=True):
    """The payload of a learner mutation: ``act(request, who, loaders)`` does the work and
    returns the payload's values; a ``LearnerError`` it raises gives the errors instead,
    with the values ``refused`` (nothing was stored then). ``tokenRetired`` is as the
    request came in, before ``act`` merged anything (not told where the payload hands out
    a new token to keep instead)."""
    request = info.context
    who = identity.identify(request)
    retired = tells_token_retired and who.token_retired
    try:
        values = act(request, who, Loaders.of(info))
    except progress.LearnerError as error:
        return Result(error.problems, retired, **(refused or {}))
    return Result(token_retired=retired, **values)


def event_value(event):
    return getattr(event, "value", event)


def recorded_values(recorded, who, loaders):
    """The payload values of a stored event."""
    view = LearnerView(
        recorded.learner,
        loaders,
        signed_in=who.user is not None,
        token_retired=who.token_retired,
    )
    return {
        "learner_token": recorded.token,
        "recorded": recorded,
        "view": view,
        "newly_completed": recorded.completed,
    }


class RecordProgress(graphene.Mutation):
    """Store what the learner did with a block (or a page)."""

    class Arguments:
        input = RecordProgressInput(required=True)

    Output = RecordProgressPayload

    def mutate(root, info, input):
        def record(request, who, loaders):
            recorded = progress.record(
                request,
                input.page,
                input.get("block"),
                event_value(input.event),
                played=input.get("played"),
                answer=input.get("answer"),
                text=input.get("text"),
                references=loaders,
            )
            return recorded_values(recorded, who, loaders)

        return learner_payload(info, record, refused={"newly_completed": []})


class AnswerExerciseInput(graphene.InputObjectType):
    class Meta:
        name = "LearningAnswerExerciseInput"

    page = graphene.ID(description="A module part or basic module; or send previewToken.")
    preview_token = graphene.String(
        description="Instead of page: the draft an editor previews. Judged, not stored."
    )
    block = graphene.ID(required=True, description="The exercise's id in the page's body.")
    answer = graphene.List(
        graphene.NonNull(graphene.ID),
        description="A choice question: the ids of the options chosen (exactly one for "
        "SINGLE_CHOICE and TRUE_FALSE).",
    )
    text = graphene.String(description="An open reflection: the learner's text.")


class AnswerExercisePayload(ProgressPayload, graphene.ObjectType):
    class Meta:
        name = "LearningAnswerExercisePayload"

    ok = graphene.Boolean(
        required=True,
        description="True when the answer is taken: stored, or judged for a preview.",
    )

    result = graphene.Field(
        ExerciseResult,
        description="The verdict: correct or not, the editor's feedback on the options "
        "chosen, the correct options and the explanation. Null when refused.",
    )


class AnswerExercise(graphene.Mutation):
    """Answer an exercise: checked on the server, stored as the learner's progress, and
    answered with the verdict."""

    class Arguments:
        input = AnswerExerciseInput(required=True)

    Output = AnswerExercisePayload

    def mutate(root, info, input):
        def answer(request, who, loaders):
            page, preview_token = input.get("page"), input.get("preview_token")
            if bool(page) == bool(preview_token):
                raise progress.LearnerError.one(
                    "page", progress.Code.UNKNOWN_PAGE, "Send page or previewToken, not both."
                )
            if preview_token:
                answered = answering.answer_preview(
                    preview_token, input.block, input.get("answer"), input.get("text")
                )
                return {"result": answered.verdict, "newly_completed": []}
            answered = answering.answer(
                request,
                page,
                input.block,
                answer=input.get("answer"),
                text=input.get("text"),
                references=loaders,
            )
            return {"result": answered.verdict, **recorded_values(answered.recorded, who, loaders)}

        return learner_payload(info, answer, refused={"newly_completed": []})


class CreateTransferCodePayload(LearnerPayload, graphene.ObjectType):
    class Meta:
        name = "LearningCreateTransferCodePayload"

    code = graphene.String(
        description="Eight characters in two groups (K7QM-3XPD), to type on the other device "
        "within 24 hours; used once. A new code replaces the last."
    )
    expires_at = graphene.DateTime()


class CreateTransferCode(graphene.Mutation):
    """A short code to continue on another device."""

    Output = CreateTransferCodePayload

    def mutate(root, info):
        def create(request, who, loaders):
            created = transfer.create(request, references=loaders)
            return {"code": created.code, "expires_at": created.expires_at}

        return learner_payload(info, create)


class RedeemTransferCodePayload(LearnerPayload, graphene.ObjectType):
    class Meta:
        name = "LearningRedeemTransferCodePayload"

    learner_token = graphene.String(
        description="The token of the learner the code belongs to, for this device: keep it "
        "and send it as X-Learner-Token from now on. It is shown once."
    )


class RedeemTransferCode(graphene.Mutation):
    """Continue here with the progress of the device that made the code."""

    class Arguments:
        code = graphene.String(
            required=True, description="As shown; case, spaces and hyphens do not matter."
        )

    Output = RedeemTransferCodePayload

    def mutate(root, info, code):
        def redeem(request, who, loaders):
            return {"learner_token": transfer.redeem(request, code, references=loaders).token}

        return learner_payload(info, redeem, tells_token_retired=False)


class ForgetMePayload(LearnerPayload, graphene.ObjectType):
    class Meta:
        name = "LearningForgetMePayload"

    ok = graphene.Boolean(
        required=True, description="True when everything kept about the learner is deleted."
    )


class ForgetMe(graphene.Mutation):
    """Delete the learner and everything kept about them: progress, answers, tokens."""

    Output = ForgetMePayload

    def mutate(root, info):
        def forget(request, who, loaders):
            privacy.forget(request)
            return {}

        return learner_payload(info, forget)


class MyDataLearner(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataLearner"

    created_at = graphene.DateTime(required=True)
    last_seen = graphene.Date(required=True)
    signed_in = graphene.Boolean(required=True)


class MyDataDevice(graphene.ObjectType):
    """A device with a token of the learner (the token itself is not kept)."""

    class Meta:
        name = "LearningMyDataDevice"

    created_at = graphene.DateTime(required=True)


class MyDataTransferCode(graphene.ObjectType):
    """A transfer code not used yet (the code itself is not kept)."""

    class Meta:
        name = "LearningMyDataTransferCode"

    created_at = graphene.DateTime(required=True)
    expires_at = graphene.DateTime(required=True)


class MyDataProgress(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataProgress"

    page = graphene.ID(required=True)
    page_title = graphene.String(description="Null when the page may no longer be seen.")
    module = graphene.ID(description="Null for a page of no module (a microlesson).")
    block = graphene.ID(description="Null for the page itself.")
    kind = graphene.Field(BlockKindEnum, required=True)
    played = graphene.Float()
    answer = graphene.List(graphene.NonNull(graphene.ID), required=True)
    text = graphene.String()
    completed_at = graphene.DateTime()
    updated_at = graphene.DateTime(required=True)


class MyDataCompletion(graphene.ObjectType):
    class Meta:
        name = "LearningMyDataCompletion"

    page = graphene.ID(required=True)
    page_title = graphene.String(description="Null when the page may no longer be seen.")
    module = graphene.ID(description="Null for a page of no module (a microlesson).")
    whole_module = graphene.Boolean(required=True, description="The module itself is complete.")
    completed_at = graphene.DateTime(required=True)


class MyDataFields:
    """The learners app's part of ``LearningMyData``; other features add theirs (see
    ``my_data_type``)."""

    exported_at = graphene.DateTime(required=True)
    learner = graphene.Field(MyDataLearner, required=True)
    devices = graphene.List(graphene.NonNull(MyDataDevice), required=True)
    transfer_codes = graphene.List(graphene.NonNull(MyDataTransferCode), required=True)
    progress = graphene.List(graphene.NonNull(MyDataProgress), required=True)
    completions = graphene.List(graphene.NonNull(MyDataCompletion), required=True)


@functools.cache
def my_data_type():
    """``LearningMyData``: made when the schema is built, with the fields other features
    add with the Wagtail hook ``register_learner_export_graphql_fields`` (a function
    returning a list of classes of graphene fields). Each types the keys that feature's
    ``register_learner_export`` hook adds to the export; the default resolvers read them
    from its dict."""
    extra = tuple(
        item
        for hook in hooks.get_hooks("register_learner_export_graphql_fields")
        for item in hook()
    )
    return type(
        "MyData",
        # Graphene lists the fields of the last base first: the learners' own, then the hooks'.
        (*reversed(extra), MyDataFields, graphene.ObjectType),
        {
            "__doc__": "Everything kept about the learner.",
            "Meta": type("Meta", (), {"name": "LearningMyData"}),
        },
    )


class ExportMyDataPayload(LearnerPayload, graphene.ObjectType):
    class Meta:
        name = "LearningExportMyDataPayload"

    data = graphene.Field(lambda: my_data_type())
    json = graphene.String(
        description="The same data as a JSON document (camelCase names), for a download."
    )


class ExportMyData(graphene.Mutation):
    """Everything kept about the learner, to show or download."""

    Output = ExportMyDataPayload

    def mutate(root, info):
        def export(request, who, loaders):
            data = privacy.export(request, references=loaders)
            return {"data": data, "json": privacy.as_json(data)}

        return learner_payload(info, export)


class LearnerMutation:
    record_progress = RecordProgress.Field(
        description="Record what the learner did with a block or a page: the first call "
        "without a token starts a learner and returns its token. Completes pages and "
        "modules by the rules; the same event twice changes nothing."
    )
    answer_exercise = AnswerExercise.Field(
        description="Answer an exercise and get the verdict, the editor's feedback and the "
        "explanation, which pages do not show. Records the answer as recordProgress's "
        "ANSWERED does (the first call without a token starts a learner); with previewToken "
        "it judges a draft's exercise and stores nothing."
    )
    create_transfer_code = CreateTransferCode.Field(
        description="A short code to continue with this progress on another device."
    )
    redeem_transfer_code = RedeemTransferCode.Field(
        description="A token for this device of the learner a transfer code belongs to."
    )
    forget_me = ForgetMe.Field(
        description="Delete the learner and everything kept about them, at once."
    )
    export_my_data = ExportMyData.Field(
        description="Everything kept about the learner, typed and as a JSON document. A "
        "mutation, so it is sent with POST only and no cache keeps the answer."
    )
