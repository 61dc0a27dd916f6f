"""The parts a module page is made of: text, image, audio, video, exercise, download, link.

Every part is a StructBlock so the API can give each its own GraphQL type, and each
validates what an editor can get wrong with a message on the field to fix.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from borg_learning.conf import learning_settings
from borg_learning.content import exercises
from borg_learning.content.exercises import ExerciseKind  # with the other blocks' choices

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def _fail(errors):
    raise StructBlockValidationError(block_errors=errors)


class TextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("A piece of text with headings, lists and links.")
        preview_value = {
            "text": "<h2>Wat is SGLVG?</h2><p>Mensen met een lichte verstandelijke "
            "beperking en ernstige gedragsproblemen.</p>"
        }


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Alternative text"),
        help_text=_("Describe what the image shows for learners who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=255, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("alt_text") or "").strip():
            _fail(
                {
                    "alt_text": ValidationError(
                        _("Add an alternative text: describe what the image shows.")
                    )
                }
            )
        return value


class AudioBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    audio = AudioChooserBlock(label=_("Audio file"))
    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ol", "ul"],
        label=_("Transcript"),
        help_text=_("The spoken text, for learners who cannot listen."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        description = _("An audio fragment, such as a podcast, with its transcript.")


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255, label=_("Title"))
    video = VideoChooserBlock(
        required=False,
        label=_("Video file"),
        help_text=_("Choose an uploaded video, or fill in an embed URL below."),
    )
    embed_url = blocks.URLBlock(
        required=False,
        label=_("Embed URL"),
        help_text=_("A video on YouTube or Vimeo, instead of an uploaded file."),
    )
    embed_duration = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label=_("Duration of the embedded video (seconds)"),
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ol", "ul"],
        label=_("Transcript"),
    )
    subtitles = DocumentChooserBlock(
        required=False,
        label=_("Subtitles (WebVTT)"),
        help_text=_("A .vtt file with subtitles for the video file."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        description = _("A video file or an embedded video, with transcript or subtitles.")

    def clean(self, value):
        value = super().clean(value)
        has_file, has_embed = bool(value.get("video")), bool(value.get("embed_url"))
        if has_file and has_embed:
            _fail(
                {"embed_url": ValidationError(_("Choose a video file or an embed URL, not both."))}
            )
        if not has_file and not has_embed:
            _fail({"video": ValidationError(_("Choose a video file or fill in an embed URL."))})
        if has_embed and not value.get("embed_duration"):
            _fail(
                {
                    "embed_duration": ValidationError(
                        _(
                            "Fill in how long the embedded video lasts, so it counts in the duration."
                        )
                    )
                }
            )
        return value


class ExerciseOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=500, label=_("Answer"))
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(
        required=False,
        label=_("Feedback"),
        help_text=_("Shown right after the learner picks this answer."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")

    def get_searchable_content(self, value):
        """The answer's text: whether it is correct and its feedback are not searched."""
        return [value.get("text") or ""]


class ExerciseBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=ExerciseKind.choices, default=ExerciseKind.SINGLE_CHOICE, label=_("Kind")
    )
    question = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Question"))
    options = blocks.ListBlock(
        ExerciseOptionBlock(),
        required=False,
        label=_("Answers"),
        help_text=_("Not used for an open reflection."),
    )
    explanation = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ol", "ul", "link"],
        label=_("Explanation"),
        help_text=_("Shown after answering; for a reflection, an example answer."),
    )

    class Meta:
        icon = "help"
        label = _("Exercise")
        description = _("A question with immediate feedback, or an open reflection.")
        preview_value = {
            "kind": "true_false",
            "question": "<p>Iemand met een LVB begrijpt altijd wat je bedoelt.</p>",
            "options": [
                {"text": "Waar", "correct": False, "feedback": "Nee, check of je begrepen bent."},
                {"text": "Niet waar", "correct": True, "feedback": "Klopt."},
            ],
            "explanation": "<p>Mensen met een LVB zeggen vaak 'ja' terwijl ze het niet "
            "begrijpen.</p>",
        }

    def get_searchable_content(self, value):
        """The question and the answers' texts, not the explanation shown after answering."""
        return [
            *self.child_blocks["question"].get_searchable_content(value.get("question")),
            *self.child_blocks["options"].get_searchable_content(value.get("options")),
        ]

    def get_api_representation(self, value, context=None):
        """What a learner may see before answering (``content/exercises.py``), should the
        block be served by an API other than the app's own."""
        question = self.child_blocks["question"].get_api_representation(
            value.get("question"), context
        )
        return exercises.public_value(self.get_prep_value(value), question)

    def clean(self, value):
        value = super().clean(value)
        kind, options = value.get("kind"), list(value.get("options") or [])
        correct = sum(1 for option in options if option.get("correct"))
        if kind == ExerciseKind.REFLECTION:
            if options:
                _fail(
                    {
                        "options": ValidationError(
                            _("An open reflection has no answers to choose from: remove them.")
                        )
                    }
                )
            return value
        if kind == ExerciseKind.TRUE_FALSE and len(options) != 2:
            _fail(
                {
                    "options": ValidationError(
                        _(
                            "A true-or-false question needs exactly two answers, e.g. 'True' and "
                            "'False'."
                        )
                    )
                }
            )
        if len(options) < 2:
            _fail({"options": ValidationError(_("Add at least two answers to choose from."))})
        if correct == 0:
            _fail({"options": ValidationError(_("Mark at least one answer as correct."))})
        if kind in (ExerciseKind.SINGLE_CHOICE, ExerciseKind.TRUE_FALSE) and correct > 1:
            _fail(
                {
                    "options": ValidationError(
                        _("Only one answer can be correct here; choose 'Multiple choice' for more.")
                    )
                }
            )
        return value


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Title"),
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "download"
        label = _("Download")
        description = _("A document the learner can download, such as a worksheet.")


class LinkKind(models.TextChoices):
    """What a link leads to. The labels editors see can be the site's own words
    (``BORG_LEARNING['LINK_KIND_LABELS']``); the values stay, as the API's enum."""

    BORG_WEBSITE = "borg_website", _("Own website")
    KNOWLEDGE_SITE = "knowledge_site", _("Knowledge site")
    EXTERNAL_MODULE = "external_module", _("External module")
    OTHER = "other", _("Other")


def link_kind_choices():
    """The link kinds with the labels the site configured, for the editor's choice."""
    labels = learning_settings.LINK_KIND_LABELS
    return [(kind.value, labels.get(kind.value, kind.label)) for kind in LinkKind]


class LinkTarget(models.TextChoices):
    """Where a link block leads; one of page, URL and document is filled in."""

    PAGE = "page", _("Page")
    URL = "url", _("External URL")
    DOCUMENT = "document", _("Document")


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=255, label=_("Label"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    kind = blocks.ChoiceBlock(
        choices=link_kind_choices,
        label=_("Kind"),
        help_text=_("Where the link leads; learners see it next to the link. Choose it each time."),
    )
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External URL"))
    document = DocumentChooserBlock(required=False, label=_("Document"))

    class Meta:
        icon = "link"
        label = _("Link")
        description = _("A link to a page, a website or a document, with an explanation.")
        preview_value = {
            "label": "Knowledge site",
            "kind": "knowledge_site",
            "url": "https://www.example.org/kennis",
        }

    def clean(self, value):
        value = super().clean(value)
        targets = [name for name in ("page", "url", "document") if value.get(name)]
        if not targets:
            _fail(
                {
                    "page": ValidationError(
                        _("Choose where the link goes: a page, an external URL or a document.")
                    )
                }
            )
        if len(targets) > 1:
            _fail(
                {
                    targets[1]: ValidationError(
                        _(
                            "A link goes to one place: choose a page, an external URL or a document, "
                            "not more than one."
                        )
                    )
                }
            )
        return value


class ModuleBodyBlock(blocks.StreamBlock):
    """The body of a basic module or a module part."""

    text = TextBlock()
    image = ImageBlock()
    audio = AudioBlock()
    video = VideoBlock()
    exercise = ExerciseBlock()
    download = DownloadBlock()
    link = LinkBlock()


class LearningObjectivesBlock(blocks.StreamBlock):
    objective = blocks.CharBlock(max_length=300, label=_("Learning objective"), icon="tick")
