"""Storing an evaluation: answers checked against the questionnaire, kept in one transaction.

``submit()`` is the only way in. It validates every answer against the questions of the
part being answered, and stores a ``Response`` with its ``Answer`` rows and a snapshot of
the questions together, or nothing. The client makes up the submission id, so a
submission sent twice (a retry after a lost connection, a double click, two racing
requests) is stored once and both senders get the same result; the same id with other
answers is refused.

Every problem found is reported, not only the first, as a ``Problem`` in one
``SubmissionError``: what it concerns (a question id, or a field of the submission),
a stable code for the frontend to show its own text, and an English message.
"""

import datetime
import hashlib
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from borg_learning import signals
from borg_learning.models.evaluation import (
    CHOICE_KINDS,
    NUMBER_RANGES,
    OPEN_ANSWER_MAX_LENGTH,
    Answer,
    Part,
    QuestionKind,
    Response,
)

if TYPE_CHECKING:
    from borg_learning.models import ModulePage

# More answers than any questionnaire has questions; a longer list is refused at once.
MAX_ANSWERS = 200


class Code(StrEnum):
    """Why a submission was refused; stable values the frontend can translate."""

    REQUIRED = "REQUIRED"
    UNKNOWN_QUESTION = "UNKNOWN_QUESTION"
    DUPLICATE_ANSWER = "DUPLICATE_ANSWER"
    WRONG_TYPE = "WRONG_TYPE"
    OUT_OF_RANGE = "OUT_OF_RANGE"
    UNKNOWN_OPTION = "UNKNOWN_OPTION"
    TOO_MANY_CHOICES = "TOO_MANY_CHOICES"
    DUPLICATE_CHOICE = "DUPLICATE_CHOICE"
    TOO_LONG = "TOO_LONG"
    TOO_MANY_ANSWERS = "TOO_MANY_ANSWERS"
    SUBMISSION_ID_REUSED = "SUBMISSION_ID_REUSED"
    NO_QUESTIONNAIRE = "NO_QUESTIONNAIRE"
    INVALID_FOLLOW_UP_CODE = "INVALID_FOLLOW_UP_CODE"
    FOLLOW_UP_OTHER_MODULE = "FOLLOW_UP_OTHER_MODULE"
    FOLLOW_UP_ANSWERED = "FOLLOW_UP_ANSWERED"
    FOLLOW_UP_NOT_DUE = "FOLLOW_UP_NOT_DUE"
    NO_FOLLOW_UP = "NO_FOLLOW_UP"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a submission.

    ``field`` names the input field (``answers``, ``followUpCode``, ``submissionId``,
    ``module``); ``question`` is the id of the question an answer problem is about.
    """

    field: str
    code: str
    message: str
    question: str | None = None


class SubmissionError(Exception):
    """A submission that was refused; nothing of it was stored."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(problem.message for problem in self.problems))

    @classmethod
    def one(cls, field: str, code: Code, message: str) -> "SubmissionError":
        return cls([Problem(field, code, message)])


@dataclass(frozen=True)
class GivenAnswer:
    """An answer as the client sent it, tidied: choices and text stripped, blanks dropped."""

    question: str
    number: int | None
    choices: tuple
    text: str

    @property
    def is_blank(self):
        return self.number is None and not self.choices and not self.text

    def canonical(self):
        return [self.question, self.number, sorted(self.choices), self.text]


def _value(answer, name):
    return answer.get(name) if isinstance(answer, dict) else getattr(answer, name, None)


def tidy_answers(answers):
    """The answers as ``GivenAnswer`` objects; raises on what no questionnaire could take."""
    answers = list(answers or [])
    if len(answers) > MAX_ANSWERS:
        raise SubmissionError.one(
            "answers",
            Code.TOO_MANY_ANSWERS,
            f"Send at most {MAX_ANSWERS} answers; got {len(answers)}.",
        )
    problems, tidy = [], []
    for answer in answers:
        question = str(_value(answer, "question") or "")
        number, choices, text = (_value(answer, name) for name in ("number", "choices", "text"))
        if not re.fullmatch(r"[0-9]{1,18}", question):
            problems.append(
                Problem(
                    "answers",
                    Code.UNKNOWN_QUESTION,
                    f"'{question[:40]}' is not a question id.",
                    question[:40],
                )
            )
            continue
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            problems.append(
                Problem(
                    "answers",
                    Code.WRONG_TYPE,
                    f"The answer to question {question} has a number that is not a whole number.",
                    question,
                )
            )
            continue
        if choices is not None and (
            not isinstance(choices, (list, tuple))
            or not all(isinstance(choice, str) for choice in choices)
        ):
            problems.append(
                Problem(
                    "answers",
                    Code.WRONG_TYPE,
                    f"The choices of question {question} must be a list of texts.",
                    question,
                )
            )
            continue
        if text is not None and not isinstance(text, str):
            problems.append(
                Problem(
                    "answers",
                    Code.WRONG_TYPE,
                    f"The text of question {question} must be a text.",
                    question,
                )
            )
            continue
        tidy.append(
            GivenAnswer(
                question=question,
                number=number,
                choices=tuple(choice.strip() for choice in choices or ()),
                text=(text or "").strip(),
            )
        )
    if problems:
        raise SubmissionError(problems)
    return tidy


def digest_of(module_id, part, follow_up_code, answers):
    """A hash of what was submitted, to tell a repeat from other answers under the same id."""
    content = {
        "module": module_id,
        "part": part,
        "followUpCode": str(follow_up_code) if follow_up_code else None,
        # By question id, then by the whole answer's JSON: two answers to one question (the
        # checks refuse them later) could hold a number and None, which do not compare.
        "answers": sorted(
            (answer.canonical() for answer in answers if not answer.is_blank),
            key=lambda canonical: (canonical[0], json.dumps(canonical)),
        ),
    }
    encoded = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode()).hexdigest()


def check_answer(question, answer):
    """The problems of one non-blank answer to ``question``, with its stored value."""
    qid, kind = str(question.pk), question.kind

    def problem(code, message):
        return Problem("answers", code, f"Question {qid}: {message}", qid)

    given = [
        name
        for name, value in (
            ("a number", answer.number),
            ("choices", answer.choices),
            ("text", answer.text),
        )
        if value not in (None, (), "")
    ]
    if kind in NUMBER_RANGES:
        low, high = NUMBER_RANGES[kind]
        expected, wanted = f"a whole number from {low} to {high}", "a number"
    elif kind == QuestionKind.SINGLE:
        expected, wanted = "one of its options", "choices"
    elif kind == QuestionKind.MULTIPLE:
        expected, wanted = "choices from its options", "choices"
    else:
        expected, wanted = "text", "text"
    if given != [wanted]:
        return [
            problem(Code.WRONG_TYPE, f"the answer takes {expected}, not {' and '.join(given)}.")
        ]
    if kind in NUMBER_RANGES:
        if not low <= answer.number <= high:
            return [
                problem(Code.OUT_OF_RANGE, f"the answer takes {expected}; got {answer.number}.")
            ]
        return []
    if kind in CHOICE_KINDS:
        options = question.option_list
        problems = []
        unknown = [choice for choice in answer.choices if choice not in options]
        if unknown:
            listed = ", ".join(f"'{choice[:80]}'" for choice in unknown[:5])
            problems.append(
                problem(
                    Code.UNKNOWN_OPTION,
                    f"{listed} {'is not one' if len(unknown) == 1 else 'are not'} of its options.",
                )
            )
        if len(set(answer.choices)) != len(answer.choices):
            problems.append(problem(Code.DUPLICATE_CHOICE, "an option is chosen twice."))
        if kind == QuestionKind.SINGLE and len(answer.choices) > 1:
            problems.append(
                problem(Code.TOO_MANY_CHOICES, f"choose one option; got {len(answer.choices)}.")
            )
        return problems
    if len(answer.text) > OPEN_ANSWER_MAX_LENGTH:
        return [
            problem(
                Code.TOO_LONG,
                f"the answer is {len(answer.text):,} characters long; "
                f"the limit is {OPEN_ANSWER_MAX_LENGTH:,}.",
            )
        ]
    if "\x00" in answer.text:
        return [problem(Code.WRONG_TYPE, "the text may not contain NUL characters.")]
    return []


def check_answers(questions, answers):
    """Problems of the answers against ``questions``; an empty list means they fit."""
    by_id = {str(question.pk): question for question in questions}
    problems, seen = [], set()
    for answer in answers:
        if answer.question not in by_id:
            problems.append(
                Problem(
                    "answers",
                    Code.UNKNOWN_QUESTION,
                    f"Question {answer.question} is not asked here.",
                    answer.question,
                )
            )
            continue
        if answer.question in seen:
            problems.append(
                Problem(
                    "answers",
                    Code.DUPLICATE_ANSWER,
                    f"Question {answer.question} is answered twice.",
                    answer.question,
                )
            )
            continue
        seen.add(answer.question)
        if not answer.is_blank:
            problems += check_answer(by_id[answer.question], answer)
    answered = {answer.question for answer in answers if not answer.is_blank}
    for question in questions:
        if question.required and str(question.pk) not in answered:
            problems.append(
                Problem(
                    "answers",
                    Code.REQUIRED,
                    f"Question {question.pk} needs an answer.",
                    str(question.pk),
                )
            )
    return problems


@dataclass
class Submission:
    """What ``submit()`` hands back: the stored response and whether this call stored it."""

    response: Response
    created: bool

    @property
    def follow_up_code(self) -> uuid.UUID | None:
        return self.response.follow_up_code

    @property
    def follow_up_due(self) -> datetime.date | None:
        return self.response.follow_up_due


def submit(
    module: "ModulePage",
    submission_id: uuid.UUID,
    answers: Iterable[Any],
    follow_up_code: uuid.UUID | str | None = None,
    today: datetime.date | None = None,
) -> Submission:
    """Validate and store the answers to ``module``'s questionnaire; return a ``Submission``.

    Without ``follow_up_code`` the first part is answered; with it, the follow-up part of
    the questionnaire answered then. Raises ``SubmissionError`` and stores nothing when
    anything is wrong.
    """
    try:
        submission_id = uuid.UUID(str(submission_id))
    except ValueError:
        raise SubmissionError.one(
            "submissionId", Code.WRONG_TYPE, "The submission id is not a UUID."
        ) from None
    part = Part.FOLLOW_UP if follow_up_code else Part.FIRST
    given = tidy_answers(answers)
    digest = digest_of(module.pk, part, follow_up_code, given)

    today = today or timezone.localdate()
    first = None
    try:
        if follow_up_code:
            first = follow_up_of(module, follow_up_code, today)
            questionnaire = first.questionnaire
        else:
            questionnaire = module.get_questionnaire()
            if questionnaire is None:
                raise SubmissionError.one(
                    "module",
                    Code.NO_QUESTIONNAIRE,
                    f"Module {module.pk} has no evaluation questionnaire.",
                )
        # Only the questions in the module's scope (every module, or one of its themes).
        asked = questionnaire.for_module(module)
        questions = asked.questions_of(part)
        if part == Part.FOLLOW_UP and not questions:
            raise SubmissionError.one(
                "followUpCode",
                Code.NO_FOLLOW_UP,
                "This questionnaire no longer has follow-up questions.",
            )
        problems = check_answers(questions, given)
        if problems:
            raise SubmissionError(problems)
    except SubmissionError:
        # A repeat of a stored submission is answered as the first time, even when the
        # questionnaire changed since or the follow-up it answered now counts as answered.
        existing = Response.objects.filter(submission_id=submission_id).first()
        if existing is not None:
            return Submission(repeated(existing, digest), created=False)
        raise

    follow_up = part == Part.FIRST and asked.has_follow_up
    try:
        with transaction.atomic():
            response = store(
                module,
                questionnaire,
                part,
                questions,
                given,
                submission_id,
                digest,
                first,
                follow_up,
                today,
            )
    except IntegrityError:
        # The submission id is stored already (a repeat, or a concurrent request that came
        # first), or a concurrent request answered the same follow-up.
        existing = Response.objects.filter(submission_id=submission_id).first()
        if existing is not None:
            return Submission(repeated(existing, digest), created=False)
        if first is not None and Response.objects.filter(first_response=first).exists():
            raise SubmissionError.one(
                "followUpCode", Code.FOLLOW_UP_ANSWERED, "This follow-up was already answered."
            ) from None
        raise
    signals.evaluation_submitted.send(sender=Response, response=response, module_id=module.pk)
    return Submission(response, created=True)


def repeated(existing, digest):
    """The stored response for a repeated submission id, if the answers are the same."""
    if existing.digest != digest:
        raise SubmissionError.one(
            "submissionId",
            Code.SUBMISSION_ID_REUSED,
            "This submission id was already used with different answers; make a new id "
            "for new answers.",
        )
    return existing


def follow_up_of(module, code, today):
    """The first response a follow-up code belongs to, if it may be followed up now."""
    try:
        code = uuid.UUID(str(code))
    except ValueError:
        first = None
    else:
        first = (
            Response.objects.filter(follow_up_code=code, part=Part.FIRST)
            .select_related("questionnaire")
            .first()
        )
    if first is None or first.questionnaire is None:
        raise SubmissionError.one(
            "followUpCode", Code.INVALID_FOLLOW_UP_CODE, "The follow-up code is not valid."
        )
    if first.module_id != module.pk:
        raise SubmissionError.one(
            "followUpCode",
            Code.FOLLOW_UP_OTHER_MODULE,
            "The follow-up code belongs to another module.",
        )
    if Response.objects.filter(first_response=first).exists():
        raise SubmissionError.one(
            "followUpCode", Code.FOLLOW_UP_ANSWERED, "This follow-up was already answered."
        )
    if first.follow_up_due and today < first.follow_up_due:
        raise SubmissionError.one(
            "followUpCode",
            Code.FOLLOW_UP_NOT_DUE,
            f"The follow-up questions can be answered from {first.follow_up_due.isoformat()}.",
        )
    return first


def store(
    module,
    questionnaire,
    part,
    questions,
    given,
    submission_id,
    digest,
    first,
    has_follow_up,
    today,
):
    """Write the response, its snapshot and its answers (call inside a transaction)."""
    response = Response.objects.create(
        submission_id=submission_id,
        digest=digest,
        questionnaire=questionnaire,
        questionnaire_title=questionnaire.title,
        module_id=module.pk,
        module_title=module.title,
        part=part,
        submitted_at=timezone.now(),
        questions=[question.snapshot() for question in questions],
        follow_up_code=Response.new_follow_up_code() if has_follow_up else None,
        follow_up_due=(
            today + datetime.timedelta(days=questionnaire.follow_up_after_days)
            if has_follow_up
            else None
        ),
        first_response=first,
    )
    answers = {answer.question: answer for answer in given if not answer.is_blank}
    rows = []
    for position, question in enumerate(questions):
        answer = answers.get(str(question.pk))
        if answer is None:
            continue
        choices = [option for option in question.option_list if option in answer.choices]
        rows.append(
            Answer(
                response=response,
                question_id=question.pk,
                question_text=question.text,
                level=question.level,
                kind=question.kind,
                sort_order=position,
                number=answer.number if question.kind in NUMBER_RANGES else None,
                choices=choices if question.kind in CHOICE_KINDS else [],
                text=answer.text if question.kind == QuestionKind.OPEN else "",
            )
        )
    Answer.objects.bulk_create(rows)
    return response
