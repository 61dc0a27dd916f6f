"""What of an exercise a learner sees before answering it, and the verdict on an answer.

Points depend on answers, so which options are correct, the editor's feedback on them
and the explanation leave the server only in reply to an answer (``answerExercise`` of
``borg_learning.learners``). Before that the APIs show the question, the options' ids and
texts, and whether there is an explanation to come. Editors see everything in the admin.

Exercises are read from the stored block data (a dict), as the APIs read them.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExerciseKind(models.TextChoices):
    SINGLE_CHOICE = "single", _("Single choice")
    MULTIPLE_CHOICE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")
    REFLECTION = "reflection", _("Open reflection")


def raw_list_items(raw):
    """(id, value) of a stored ListBlock value: items are stored as
    [{"type": "item", "value": ..., "id": ...}] or, in older data, as plain values (then the
    position is the id)."""
    for index, item in enumerate(raw or []):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id") or str(index), item["value"]
        else:
            yield str(index), item


@dataclass(frozen=True)
class Option:
    """One option of an exercise, with what is only shown after answering."""

    id: str
    text: str
    correct: bool
    feedback: str


def options(value: dict) -> list[Option]:
    """The options of a stored exercise value, with the ids the APIs give them."""
    found = []
    for option_id, option in raw_list_items(value.get("options")):
        option = option if isinstance(option, dict) else {}
        found.append(
            Option(
                id=str(option_id),
                text=option.get("text") or "",
                correct=bool(option.get("correct")),
                feedback=option.get("feedback") or "",
            )
        )
    return found


def public_options(value: dict) -> list[dict]:
    """The options as a learner sees them before answering: id and text only."""
    return [{"id": option.id, "text": option.text} for option in options(value)]


def has_explanation(value: dict) -> bool:
    """Whether answering shows an explanation (for a reflection: an example answer)."""
    return bool((value.get("explanation") or "").strip())


def public_value(value: dict, question: str) -> dict:
    """An exercise block's API value before answering (REST, and Wagtail's own API
    representation of the block), with the question as the API renders it."""
    return {
        "kind": value.get("kind") or ExerciseKind.SINGLE_CHOICE.value,
        "question": question,
        "options": public_options(value),
        "has_explanation": has_explanation(value),
    }


@dataclass(frozen=True)
class Verdict:
    """What a learner is shown after answering."""

    #: The chosen options are exactly the correct ones; None for a reflection.
    correct: bool | None
    #: The options chosen, in the exercise's order, with the editor's feedback.
    chosen: list[Option]
    #: The ids of the correct options, in the exercise's order.
    correct_ids: list[str]
    #: The stored rich text of the explanation ("" for none).
    explanation: str


def verdict(value: dict, answer: list[str]) -> Verdict:
    """The verdict on ``answer`` (option ids; empty for a reflection) to a stored exercise.
    Ids that are not options of the exercise are left out: the answer was checked
    before it was stored, and the editor may have changed the options since."""
    all_options = options(value)
    chosen_ids = {str(option_id) for option_id in answer}
    chosen = [option for option in all_options if option.id in chosen_ids]
    correct_ids = [option.id for option in all_options if option.correct]
    reflection = (value.get("kind") or ExerciseKind.SINGLE_CHOICE) == ExerciseKind.REFLECTION
    return Verdict(
        correct=None if reflection else {option.id for option in chosen} == set(correct_ids),
        chosen=chosen,
        correct_ids=correct_ids,
        explanation=value.get("explanation") or "",
    )
