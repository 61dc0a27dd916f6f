"""The formats of a microlesson and what the body of each needs.

Checked when a microlesson is published (``forms.MicrolessonPageForm``, and the bulk
publish of the page listing), not when a draft is saved: a unit being written may be
incomplete. Each problem names what to add, in the editor's language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError


class MicrolessonFormat(models.TextChoices):
    VIDEO = "video", _("Short video")
    INFOGRAPHIC = "infographic", _("Infographic")
    QUIZ = "quiz", _("Quiz")
    PODCAST = "podcast", _("Podcast")
    TEXT = "text", _("Text summary")


#: The block a format is about: a microlesson of that format has at least one.
MAIN_BLOCK = {
    MicrolessonFormat.VIDEO: "video",
    MicrolessonFormat.INFOGRAPHIC: "image",
    MicrolessonFormat.QUIZ: "exercise",
    MicrolessonFormat.PODCAST: "audio",
    MicrolessonFormat.TEXT: "text",
}


def missing_main_block(format):
    messages = {
        MicrolessonFormat.VIDEO: gettext("A short video needs a video block."),
        MicrolessonFormat.INFOGRAPHIC: gettext("An infographic needs an image block."),
        MicrolessonFormat.QUIZ: gettext("A quiz needs at least one exercise block."),
        MicrolessonFormat.PODCAST: gettext("A podcast needs an audio block."),
        MicrolessonFormat.TEXT: gettext("A text summary needs a text block."),
    }
    return messages[format]


def has_text(html):
    return bool(strip_tags(str(html or "")).strip())


def format_problems(format, body):
    """The messages that keep ``body`` from being published as ``format``, as
    ``(block index or None, child block name or None, message)``."""
    if format not in MAIN_BLOCK:
        return []
    blocks = list(body or [])
    kinds = [block.block_type for block in blocks]
    if MAIN_BLOCK[format] not in kinds:
        return [(None, None, missing_main_block(format))]
    problems = []
    if format == MicrolessonFormat.INFOGRAPHIC and not any(
        block.block_type == "text" and has_text(block.value.get("text")) for block in blocks
    ):
        problems.append(
            (
                None,
                None,
                gettext(
                    "An infographic needs its long description: add a text block that says "
                    "in words everything the image shows, for learners who cannot see it."
                ),
            )
        )
    if format == MicrolessonFormat.PODCAST:
        for index, block in enumerate(blocks):
            if block.block_type == "audio" and not has_text(block.value.get("transcript")):
                problems.append(
                    (
                        index,
                        "transcript",
                        gettext(
                            "A podcast needs its transcript: the spoken text, for learners "
                            "who cannot listen."
                        ),
                    )
                )
    return problems


def format_error(format, body):
    """A StreamField error for the problems of ``format_problems``, or None."""
    problems = format_problems(format, body)
    if not problems:
        return None
    block_errors = {
        index: StructBlockValidationError(block_errors={name: ValidationError(message)})
        for index, name, message in problems
        if index is not None
    }
    general = [ValidationError(message) for index, _name, message in problems if index is None]
    return StreamBlockValidationError(block_errors=block_errors, non_block_errors=general)
