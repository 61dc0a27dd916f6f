"""The kinds of step a route is made of: what each needs, how long it takes and how a
learner gets it done.

The one place to add a kind: a ``StepKind`` member, a foreign key on ``RouteStep`` (with
its migration and its ``FieldPanel``), an entry in ``KINDS`` naming that field, its
duration in ``step_seconds`` and a field on the GraphQL step type. A microlesson step
points at a page of a type the learners app completes on its own (the hook
``register_completable_page_type``), so routes need not know the microlessons app.
A kind whose target is a ``PAGE`` is done when the learners app says the learner completed
its page (``borg_learning.learners.reading``); any other is done when the learner marks
it done.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class StepKind(models.TextChoices):
    MODULE = "module", _("Module")
    PART = "part", _("Module part")
    MICROLESSON = "microlesson", _("Microlesson")
    OFFER = "offer", _("Catalogue offer")
    ASSIGNMENT = "assignment", _("Workplace assignment")


#: What a step's target is: a page (done when the learner completes it) or a catalogue
#: offer (marked done by the learner).
PAGE, OFFERING = "page", "offering"


@dataclass(frozen=True)
class KindRule:
    #: The step's fields this kind must fill in.
    needs: tuple[str, ...]
    #: Fields it may fill in besides.
    allows: tuple[str, ...] = ()
    #: The foreign key naming what the step is about; None: the step itself is the task
    #: (an assignment).
    target_field: str | None = None
    #: ``PAGE`` or ``OFFERING``: what ``target_field`` points at.
    target_kind: str | None = None

    @property
    def page_completion(self) -> bool:
        """Done when the learner completed the target page; else when they mark it."""
        return self.target_kind == PAGE

    @property
    def marked_by_learner(self) -> bool:
        return not self.page_completion


KINDS: dict[str, KindRule] = {
    StepKind.MODULE: KindRule(needs=("module",), target_field="module", target_kind=PAGE),
    StepKind.PART: KindRule(needs=("part",), target_field="part", target_kind=PAGE),
    StepKind.MICROLESSON: KindRule(needs=("page",), target_field="page", target_kind=PAGE),
    StepKind.OFFER: KindRule(needs=("offering",), target_field="offering", target_kind=OFFERING),
    StepKind.ASSIGNMENT: KindRule(needs=("title", "duration_minutes"), allows=("description",)),
}

#: Every field some kind fills in: a step leaves those of other kinds empty.
KIND_FIELDS = tuple(
    dict.fromkeys(name for rule in KINDS.values() for name in (*rule.needs, *rule.allows))
)


def rule_of(step) -> KindRule | None:
    return KINDS.get(step.kind)


def target_id(step) -> int | None:
    """The id of what the step is about: its page or offer; None for an assignment."""
    rule = rule_of(step)
    if rule is None or rule.target_field is None:
        return None
    return getattr(step, f"{rule.target_field}_id", None)


def target_kind(step) -> str | None:
    """``PAGE``, ``OFFERING``, or None for a step without a target (or of no known kind)."""
    rule = rule_of(step)
    return rule.target_kind if rule else None


def step_seconds(step, target) -> int | None:
    """How long the step takes: a module's, part's or microlesson's estimate, an offer's stated study
    time, an assignment's minutes as the editor entered them; None when unknown (an
    offer without a duration, a target that is gone)."""
    if step.kind == StepKind.ASSIGNMENT:
        return step.duration_minutes * 60 if step.duration_minutes is not None else None
    if target is None:
        return None
    if step.kind in (StepKind.MODULE, StepKind.PART, StepKind.MICROLESSON):
        if not hasattr(target, "estimated_duration_seconds"):
            target = target.specific  # a microlesson step's plain Page (one query)
        return getattr(target, "estimated_duration_seconds", None)
    if step.kind == StepKind.OFFER:
        minutes = target.duration_minutes
        return minutes * 60 if minutes is not None else None
    return None


def minutes(seconds: int | None) -> int | None:
    """Whole minutes, rounded up, as modules show theirs."""
    return None if seconds is None else -(-seconds // 60)
