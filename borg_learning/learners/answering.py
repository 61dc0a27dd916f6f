"""Answering an exercise: the server checks the answer and gives the verdict.

The APIs do not show which options are correct, nor the editor's feedback and the
explanation (``borg_learning.content.exercises``), so a learner who answers gets them
here. ``answer()`` records the answer exactly as ``progress.record()`` records an
``ANSWERED`` event (the same checks, completion rules and domain events; the same answer
twice changes nothing; a request without a learner starts one and gets its token), then
judges the answer it stored. ``answer_preview()`` judges an answer to a draft an editor
previews, and stores nothing.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from graphql import GraphQLError

from borg_learning.api.references import References
from borg_learning.content import exercises
from borg_learning.learners import progress, rules
from borg_learning.learners.models import BlockKind, Event
from borg_learning.learners.progress import Code, LearnerError


@dataclass(frozen=True)
class Answered:
    verdict: exercises.Verdict
    #: What was stored; None for an answer to a preview.
    recorded: progress.Recorded | None = None


def not_an_exercise(page_id, block_id) -> LearnerError:
    return LearnerError.one(
        "block",
        Code.UNKNOWN_BLOCK,
        f"Page {str(page_id)[:40]} has no exercise with id '{str(block_id)[:64]}' in this version.",
    )


def answer(
    request: HttpRequest,
    page_id,
    block_id,
    answer=None,
    text=None,
    references: References | None = None,
) -> Answered:
    """Store the learner's answer and judge it; raises ``LearnerError`` (nothing stored)."""
    try:
        recorded = progress.record(
            request,
            page_id,
            block_id,
            Event.ANSWERED,
            answer=answer,
            text=text,
            references=references,
        )
    except LearnerError as error:
        if any(problem.code == Code.WRONG_EVENT for problem in error.problems):
            raise not_an_exercise(page_id, block_id) from None  # another kind of block
        raise
    return Answered(exercises.verdict(recorded.block.value, recorded.progress.answer), recorded)


def answer_preview(preview_token: str, block_id, answer=None, text=None) -> Answered:
    """Judge an answer to an exercise of the draft a preview token shows; stores nothing."""
    # Imported when used: importing borg_learning.api.graphql builds the schema, which
    # imports this sub-app's GraphQL module through the hooks.
    from borg_learning.api.graphql.pages import page_from_preview_token

    try:
        page = page_from_preview_token(preview_token)
    except GraphQLError as error:
        raise LearnerError.one("previewToken", Code.UNKNOWN_PAGE, str(error)) from None
    if page is None:
        raise LearnerError.one(
            "previewToken", Code.UNKNOWN_PAGE, "The preview token shows no learning page."
        )
    block = exercise_block(page, block_id)
    chosen, _text = progress.check_answer(block, Event.ANSWERED, answer, text)
    return Answered(exercises.verdict(block.value, chosen))


def exercise_block(page, block_id) -> rules.Block:
    """The exercise with this id in ``page``'s body (the version ``page`` is)."""
    block = next((b for b in rules.body_blocks(page) if b.id == str(block_id)), None)
    if block is None or block.kind != BlockKind.EXERCISE:
        raise not_an_exercise(page.pk, block_id)
    return block
