"""When a block, a page and a module count as done: the completion rules, in one place.

| block | the event that completes it |
| --- | --- |
| text, image | ``SEEN`` |
| audio, video | ``PLAYED`` with ``played`` (the part played, 0 to 1) of at least 0.95 |
| exercise | ``ANSWERED``: options for a choice question, a text for a reflection |
| download, link | ``OPENED`` |
| the page itself (no block) | ``SEEN`` |

A page (a module part or a basic module) is complete when every block of its live
version that has something to do is done. A block has nothing to do when what it shows is
gone or hidden from the learner: an image, audio or video file, or a document that was
deleted or is in a private collection, a link whose page or document the learner may not
see. A page with nothing to do (no blocks, or none with something to do) is complete when
it is seen (``SEEN`` without a block). A specialist module is complete when all its live
parts the learner may see are complete; one without such parts, when its page is seen.
A completion is kept when the content changes later.
"""

from dataclasses import dataclass
from typing import Any

from borg_learning.api.references import References
from borg_learning.content import exercises
from borg_learning.content.blocks import ExerciseKind
from borg_learning.learners.models import BlockKind, Event

#: The one event each kind of block (or the page itself) takes.
EVENTS = {
    BlockKind.TEXT: Event.SEEN,
    BlockKind.IMAGE: Event.SEEN,
    BlockKind.AUDIO: Event.PLAYED,
    BlockKind.VIDEO: Event.PLAYED,
    BlockKind.EXERCISE: Event.ANSWERED,
    BlockKind.DOWNLOAD: Event.OPENED,
    BlockKind.LINK: Event.OPENED,
    BlockKind.PAGE: Event.SEEN,
}
#: The part of an audio or video fragment that must be played for it to count.
PLAYED_ENOUGH = 0.95
#: The longest reflection kept, in characters.
REFLECTION_MAX_LENGTH = 5000
#: The kinds of block a module body has (all but the page itself).
BODY_BLOCK_KINDS = {kind.value for kind in BlockKind if kind != BlockKind.PAGE}
#: Exercise kinds answered with exactly one option.
ONE_OPTION = {ExerciseKind.SINGLE_CHOICE, ExerciseKind.TRUE_FALSE}


@dataclass(frozen=True)
class Block:
    """One block of a live body, with the id the API gives it."""

    id: str
    kind: BlockKind
    value: dict[str, Any]

    @property
    def exercise_kind(self):
        return self.value.get("kind") or ExerciseKind.SINGLE_CHOICE

    def options(self):
        """(id, value) of an exercise's options, with the ids the API gives them."""
        return list(exercises.raw_list_items(self.value.get("options")))


def body_blocks(page) -> list[Block]:
    """The blocks of ``page``'s body (none for a page without one), as the API lists them:
    the block's id, or its position for one stored without."""
    body = getattr(page, "body", None)
    if body is None:
        return []
    blocks = []
    for index, raw in enumerate(body.raw_data):
        if raw.get("type") in BODY_BLOCK_KINDS:
            value = raw.get("value")
            blocks.append(
                Block(
                    id=str(raw.get("id") or index),
                    kind=BlockKind(raw["type"]),
                    value=value if isinstance(value, dict) else {},
                )
            )
    return blocks


def _targets(block: Block) -> list[tuple[str, Any]]:
    """(kind, id) of what the learner needs to act on ``block``."""
    value = block.value
    if block.kind == BlockKind.IMAGE:
        return [("image", value.get("image"))]
    if block.kind == BlockKind.AUDIO:
        return [("media", value.get("audio"))]
    if block.kind == BlockKind.VIDEO:
        return [("media", value.get("video"))]
    if block.kind == BlockKind.DOWNLOAD:
        return [("document", value.get("document"))]
    if block.kind == BlockKind.LINK:
        return [("page", value.get("page")), ("document", value.get("document"))]
    return []


def has_something_to_do(block: Block, references: References) -> bool:
    """False for a block whose file, document or link target is gone or hidden."""
    if block.kind in (BlockKind.TEXT, BlockKind.EXERCISE):
        return True
    if block.kind == BlockKind.VIDEO and block.value.get("embed_url"):
        return True
    if block.kind == BlockKind.LINK and block.value.get("url"):
        return True
    return any(references.get(kind, pk) is not None for kind, pk in _targets(block) if pk)


def required_block_ids(page, references: References) -> set[str]:
    """The ids of the blocks of ``page`` the learner must do for the page to be complete;
    what they refer to is loaded in one query per kind."""
    blocks = body_blocks(page)
    for block in blocks:
        for kind, pk in _targets(block):
            references.want(kind, pk)
    return {block.id for block in blocks if has_something_to_do(block, references)}


def is_done(kind: BlockKind, played: float | None) -> bool:
    """Whether the one event ``kind`` takes completes it (with ``played`` for media)."""
    if kind in (BlockKind.AUDIO, BlockKind.VIDEO):
        return played is not None and played >= PLAYED_ENOUGH
    return True


def is_correct(block: Block, answer: list[str]) -> bool | None:
    """Whether the chosen options are exactly the correct ones; None for a reflection."""
    return exercises.verdict(block.value, answer).correct
