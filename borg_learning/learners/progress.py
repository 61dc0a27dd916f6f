"""Recording progress: ``record()`` is the only way in.

It checks the event against the live page the request may see (the block must be on it,
and the event must be the one its kind takes) before anything is written; then, in one
transaction with the learner's row locked, it stores the block's progress, completes the
page and the module when the rules (``rules``) say so, and announces what happened with
the domain signals after the commit. The same event twice changes nothing and announces
nothing.

Problems are reported as a ``ProgressError`` with ``Problem`` items: the input field, a
stable ``Code`` and an English message. Nothing is stored then, not even a new learner.
"""

import math
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from borg_learning import signals, throttling
from borg_learning.api.references import References
from borg_learning.conf import learning_settings
from borg_learning.learners import completion, conf, identity, rules  # noqa: F401  (settings)
from borg_learning.learners.models import BlockKind, BlockProgress, Event, Learner
from borg_learning.visibility import Visibility


class Code(StrEnum):
    """Why a learner's request was refused; stable values the frontend can translate."""

    UNKNOWN_LEARNER = "UNKNOWN_LEARNER"
    NO_LEARNER = "NO_LEARNER"
    UNKNOWN_PAGE = "UNKNOWN_PAGE"
    UNKNOWN_BLOCK = "UNKNOWN_BLOCK"
    WRONG_EVENT = "WRONG_EVENT"
    INVALID_PLAYED = "INVALID_PLAYED"
    INVALID_ANSWER = "INVALID_ANSWER"
    UNKNOWN_OPTION = "UNKNOWN_OPTION"
    INVALID_TRANSFER_CODE = "INVALID_TRANSFER_CODE"
    RATE_LIMITED = "RATE_LIMITED"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a request; ``field`` names the input field, None when the
    problem is not about one (the learner, the rate limit)."""

    field: str | None
    code: Code
    message: str


class LearnerError(Exception):
    """A refused request; nothing of it was stored."""

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))

    @classmethod
    def one(cls, field: str | None, code: Code, message: str) -> "LearnerError":
        return cls(Problem(field, code, message))


def unknown_learner() -> LearnerError:
    return LearnerError.one(
        "learnerToken",
        Code.UNKNOWN_LEARNER,
        f"The learner token in the {identity.HEADER} header belongs to no learner (it was "
        "never issued, or its progress was deleted or merged): forget it, and record "
        "progress without a token to start anew.",
    )


def no_learner() -> LearnerError:
    return LearnerError.one(
        None,
        Code.NO_LEARNER,
        f"There is no learner: send the learner token in the {identity.HEADER} header, or sign in.",
    )


def missing_learner(who: "identity.Identity") -> LearnerError:
    """The error for a request without a learner: its token names none, or it has none."""
    return unknown_learner() if who.token else no_learner()


def known_learner(request: HttpRequest) -> identity.Identity:
    """The request's identity; refused when it sends a token that names no learner and
    is not signed in."""
    who = identity.identify(request)
    if who.user is None and who.unknown_token:
        raise unknown_learner()
    return who


@contextmanager
def own_learner(request: HttpRequest, references: References):
    """The request's learner, locked in a transaction for the block (an anonymous learner
    of its token merged into the signed-in user's first); refused when it names none.
    The request's identity is looked up again afterwards."""
    who = known_learner(request)
    with transaction.atomic():
        learner = identity.locked_learner(who, references)
        if learner is None:
            raise missing_learner(who)
        yield learner
    identity.forget_identity(request)


def rate_limit(request: HttpRequest, scope: str, setting: str, what: str) -> None:
    """Count one attempt of this client; refused once the limit ``setting`` names is passed
    this hour."""
    if not throttling.allow(request, scope, getattr(learning_settings, setting)):
        raise LearnerError.one(
            None,
            Code.RATE_LIMITED,
            f"Too many {what} from this address; try again within an hour "
            f"(BORG_LEARNING['{setting}']).",
        )


def limit_new_learners(request: HttpRequest, who: identity.Identity) -> None:
    """A request that would start a learner counts against ``NEW_LEARNER_RATE_LIMIT``."""
    if who.learner is None and who.user is None:
        rate_limit(request, "learner-new", "NEW_LEARNER_RATE_LIMIT", "new learners")


def locked_or_new_learner(
    who: identity.Identity, references: References
) -> tuple[Learner, str | None]:
    """Inside a transaction: the request's learner, locked, or a new one with its token
    (to hand out once); refused when the token's learner was deleted meanwhile."""
    learner = identity.locked_learner(who, references)
    if learner is not None:
        return learner, None
    if who.token_learner is not None:  # deleted since it was looked up
        raise unknown_learner()
    learner = Learner.objects.create()
    return learner, identity.issue_token(learner)


@dataclass(frozen=True)
class Step:
    """A checked event: what to store for one block (or the page itself)."""

    page: Page
    module_id: int
    block: rules.Block | None
    kind: BlockKind
    played: float | None = None
    answer: list[str] = field(default_factory=list)
    text: str = ""

    @property
    def block_id(self) -> str:
        return self.block.id if self.block else ""

    @property
    def done(self) -> bool:
        return rules.is_done(self.kind, self.played)


@dataclass
class Recorded:
    """What ``record()`` did."""

    learner: Learner
    page: Page
    module_id: int
    progress: BlockProgress
    #: A token made for a new learner, to hand out once; None otherwise.
    token: str | None = None
    #: Ids of the pages (and module) this event completed.
    completed: list[int] = field(default_factory=list)
    #: The live block the event was about; None for the page itself.
    block: rules.Block | None = None


def tracked_page(request: HttpRequest, page_id) -> Page:
    """The live page of a module (a basic or specialist module, or a part), or a
    standalone page (a microlesson), with this id that the request may see."""
    from borg_learning.api.graphql.loaders import database_id  # see rules.Block.options

    page = (
        Visibility.of(request)
        .pages(Page.objects.filter(pk=database_id(page_id)))
        .specific()
        .first()
    )
    if not isinstance(page, completion.tracked_page_types()):
        raise LearnerError.one(
            "page",
            Code.UNKNOWN_PAGE,
            f"There is no published module or module part with id '{str(page_id)[:40]}'.",
        )
    return page


def check(request, page_id, block_id, event, played=None, answer=None, text=None) -> Step:
    """The ``Step`` an event stands for, or a ``LearnerError``; reads, never writes."""
    page = tracked_page(request, page_id)
    block = None
    if block_id not in (None, ""):
        block = next((b for b in rules.body_blocks(page) if b.id == str(block_id)), None)
        if block is None:
            raise LearnerError.one(
                "block",
                Code.UNKNOWN_BLOCK,
                f"Page {page.pk} has no block with id '{str(block_id)[:64]}' in its "
                "published version.",
            )
    kind = block.kind if block else BlockKind.PAGE
    event = Event(event)
    expected = rules.EVENTS[kind]
    if event != expected:
        subject = f"A {kind.value} block" if block else "A page itself"
        raise LearnerError.one(
            "event",
            Code.WRONG_EVENT,
            f"{subject} takes {expected.name}, not {event.name}.",
        )
    played = check_played(event, played)
    answer, text = check_answer(block, event, answer, text)
    module_id = completion.module_id_of(page)
    if module_id is None and not completion.is_standalone(page):
        raise LearnerError.one(
            "page", Code.UNKNOWN_PAGE, f"Page {page.pk} belongs to no specialist module."
        )
    return Step(page, module_id, block, kind, played, answer, text)


def check_played(event, played):
    if event != Event.PLAYED:
        if played is not None:
            raise LearnerError.one("played", Code.INVALID_PLAYED, "Send played with PLAYED only.")
        return None
    if played is None:
        raise LearnerError.one(
            "played",
            Code.INVALID_PLAYED,
            "PLAYED needs played: the part of the fragment played, from 0 to 1.",
        )
    if isinstance(played, bool) or not isinstance(played, (int, float)):
        raise LearnerError.one("played", Code.INVALID_PLAYED, "played must be a number.")
    if not math.isfinite(played) or not 0 <= played <= 1:
        raise LearnerError.one(
            "played",
            Code.INVALID_PLAYED,
            f"played is the part of the fragment played, from 0 to 1; got {played}.",
        )
    return float(played)


def check_answer(block, event, answer, text):
    """The options chosen (ids, in the exercise's order) and the reflection's text."""
    if event != Event.ANSWERED:
        if answer is not None or text is not None:
            raise LearnerError.one(
                "answer" if answer is not None else "text",
                Code.INVALID_ANSWER,
                "Send answer or text with ANSWERED only.",
            )
        return [], ""
    if block.exercise_kind == rules.ExerciseKind.REFLECTION:
        if answer:
            raise LearnerError.one(
                "answer",
                Code.INVALID_ANSWER,
                "An open reflection is answered with text, not with options.",
            )
        text = (text or "").strip()
        if not text:
            raise LearnerError.one(
                "text", Code.INVALID_ANSWER, "An open reflection needs a text as its answer."
            )
        if len(text) > rules.REFLECTION_MAX_LENGTH:
            raise LearnerError.one(
                "text",
                Code.INVALID_ANSWER,
                f"The reflection is {len(text):,} characters long; the limit is "
                f"{rules.REFLECTION_MAX_LENGTH:,}.",
            )
        return [], text
    if text is not None:
        raise LearnerError.one(
            "text", Code.INVALID_ANSWER, "A choice question is answered with options, not text."
        )
    answer = [str(option) for option in answer or []]
    if not answer:
        raise LearnerError.one(
            "answer", Code.INVALID_ANSWER, "ANSWERED needs answer: the ids of the options chosen."
        )
    if len(set(answer)) != len(answer):
        raise LearnerError.one("answer", Code.INVALID_ANSWER, "An option is chosen twice.")
    options = [option_id for option_id, _value in block.options()]
    unknown = [option for option in answer if option not in options]
    if unknown:
        listed = ", ".join(f"'{option[:40]}'" for option in unknown[:5])
        raise LearnerError.one(
            "answer",
            Code.UNKNOWN_OPTION,
            f"{listed} {'is not an option' if len(unknown) == 1 else 'are not options'} of "
            f"exercise {block.id}.",
        )
    if block.exercise_kind in rules.ONE_OPTION and len(answer) != 1:
        raise LearnerError.one(
            "answer", Code.INVALID_ANSWER, f"Choose one option; got {len(answer)}."
        )
    return [option for option in options if option in answer], ""


def record(
    request: HttpRequest,
    page_id,
    block_id=None,
    event=Event.SEEN,
    played=None,
    answer=None,
    text=None,
    references: References | None = None,
) -> Recorded:
    """Store what a learner did; see the module's docstring. Raises ``LearnerError``."""
    who = known_learner(request)
    step = check(request, page_id, block_id, event, played, answer, text)
    references = references or References.of(request)
    limit_new_learners(request, who)
    with transaction.atomic():
        learner, token = locked_or_new_learner(who, references)
        progress, first_answer = store(learner, step)
        if first_answer:  # announced before what the answer completes
            completion.announce(
                signals.exercise_answered,
                learner=learner,
                module_id=step.module_id,
                page_id=step.page.pk,
                block_id=step.block_id,
                correct=rules.is_correct(step.block, step.answer),
            )
        completed = completion.evaluate(learner, step.page, step.module_id, references)
    identity.forget_identity(request)
    return Recorded(learner, step.page, step.module_id, progress, token, completed, step.block)


def store(learner: Learner, step: Step) -> tuple[BlockProgress, bool]:
    """Write the step into the block's row (with the learner locked); (row, whether this
    is the exercise's first answer)."""
    now = timezone.now()
    row = BlockProgress.objects.filter(
        learner=learner, page_id=step.page.pk, block_id=step.block_id
    ).first()
    if row is None:
        row = BlockProgress.objects.create(
            learner=learner,
            page_id=step.page.pk,
            module_id=step.module_id,
            block_id=step.block_id,
            kind=step.kind,
            played=step.played,
            answer=step.answer,
            text=step.text,
            completed_at=now if step.done else None,
            updated_at=now,
        )
        return row, step.kind == BlockKind.EXERCISE
    changed = []
    if step.played is not None and (row.played is None or step.played > row.played):
        row.played = step.played
        changed.append("played")
    if step.kind == BlockKind.EXERCISE and (row.answer, row.text) != (step.answer, step.text):
        row.answer, row.text = step.answer, step.text
        changed += ["answer", "text"]
    if step.done and row.completed_at is None:
        row.completed_at = now
        changed.append("completed_at")
    if row.kind != step.kind:  # the editor put another kind of block under this id
        row.kind = step.kind
        changed.append("kind")
    if changed:
        row.updated_at = now
        row.save(update_fields=[*changed, "updated_at"])
    return row, False
