"""Every StreamField block as its own GraphQL type, resolved from the stored JSON.

Blocks are read from the raw stream data and their references are taken from the
request's batch (``Loaders``), never fetched block by block.
"""

import graphene

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.interfaces import StreamBlock
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.api.graphql.media import Document, Image, MediaFile
from borg_learning.api.graphql.richtext import expand_rich_text
from borg_learning.content import blocks as content_blocks
from borg_learning.content import exercises


def block_field(name):
    return lambda root, info: root["value"].get(name)


def rich_text_field(name):
    return lambda root, info: expand_rich_text(root["value"].get(name), info)


def object_field(name, kind):
    return lambda root, info: Loaders.of(info).get(kind, root["value"].get(name))


class TextBlock(graphene.ObjectType):
    class Meta:
        name = "LearningTextBlock"
        interfaces = (StreamBlock,)

    html = graphene.String(
        required=True, description="Rich text, links resolved.", resolver=rich_text_field("text")
    )


class ImageBlock(graphene.ObjectType):
    class Meta:
        name = "LearningImageBlock"
        interfaces = (StreamBlock,)

    image = graphene.Field(
        Image,
        resolver=object_field("image", "image"),
        description="Null when the image was deleted.",
    )
    alt_text = graphene.String(
        required=True, resolver=lambda root, info: root["value"].get("alt_text") or ""
    )
    caption = graphene.String(
        required=True, resolver=lambda root, info: root["value"].get("caption") or ""
    )


class AudioBlock(graphene.ObjectType):
    class Meta:
        name = "LearningAudioBlock"
        interfaces = (StreamBlock,)

    title = graphene.String(required=True, resolver=block_field("title"))
    audio = graphene.Field(MediaFile, resolver=object_field("audio", "media"))
    transcript = graphene.String(required=True, resolver=rich_text_field("transcript"))


class VideoBlock(graphene.ObjectType):
    class Meta:
        name = "LearningVideoBlock"
        interfaces = (StreamBlock,)

    title = graphene.String(required=True, resolver=block_field("title"))
    video = graphene.Field(
        MediaFile,
        resolver=object_field("video", "media"),
        description="The uploaded video file; null for an embedded video.",
    )
    embed_url = graphene.String(
        resolver=lambda root, info: root["value"].get("embed_url") or None,
        description="URL of an embedded video (YouTube, Vimeo).",
    )
    duration = graphene.Float(required=True, description="Length in seconds.")
    transcript = graphene.String(required=True, resolver=rich_text_field("transcript"))
    subtitles = graphene.Field(
        Document,
        resolver=object_field("subtitles", "document"),
        description="WebVTT subtitles for the video file.",
    )

    def resolve_duration(root, info):
        value = root["value"]
        if value.get("embed_url"):
            return value.get("embed_duration") or 0
        media = Loaders.of(info).get("media", value.get("video"))
        return (media.duration or 0) if media else 0


ExerciseKind = enum_from_choices(
    content_blocks.ExerciseKind, "LearningExerciseKind", "The kind of an exercise."
)


class ExerciseOption(graphene.ObjectType):
    """An option as the learner sees it before answering: whether it is correct comes
    with the answer (``answerExercise``)."""

    class Meta:
        name = "LearningExerciseOption"

    id = graphene.ID(required=True, description="Send it in answerExercise's answer.")
    text = graphene.String(required=True)


class ExerciseBlock(graphene.ObjectType):
    """A question. Which options are correct, the editor's feedback and the explanation
    are not in the page: ``answerExercise`` gives them once the learner answers."""

    class Meta:
        name = "LearningExerciseBlock"
        interfaces = (StreamBlock,)

    exercise_type = graphene.Field(
        ExerciseKind,
        required=True,
        resolver=lambda root, info: root["value"].get("kind") or "single",
    )
    question = graphene.String(required=True, resolver=rich_text_field("question"))
    options = graphene.List(
        graphene.NonNull(ExerciseOption), required=True, description="None for a reflection."
    )
    has_explanation = graphene.Boolean(
        required=True,
        resolver=lambda root, info: exercises.has_explanation(root["value"]),
        description="Answering shows an explanation (for a reflection: an example answer).",
    )

    def resolve_options(root, info):
        return [
            ExerciseOption(id=option["id"], text=option["text"])
            for option in exercises.public_options(root["value"])
        ]


class ExerciseChosenOption(graphene.ObjectType):
    """An option the learner chose, with what the editor wrote for it."""

    class Meta:
        name = "LearningExerciseChosenOption"

    id = graphene.ID(required=True)
    text = graphene.String(required=True)
    correct = graphene.Boolean(required=True, description="This option is a correct one.")
    feedback = graphene.String(required=True, description="The editor's feedback; may be empty.")


class ExerciseResult(graphene.ObjectType):
    """The verdict on an answer to an exercise, shown once the learner answered."""

    class Meta:
        name = "LearningExerciseResult"

    correct = graphene.Boolean(
        description="The options chosen are exactly the correct ones; null for a reflection."
    )
    chosen = graphene.List(
        graphene.NonNull(ExerciseChosenOption),
        required=True,
        description="The options chosen, in the exercise's order.",
    )
    correct_options = graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description="The ids of the correct options, in the exercise's order.",
    )
    explanation = graphene.String(
        required=True,
        description="Rich text, links resolved; for a reflection an example answer. May be empty.",
    )

    def resolve_chosen(verdict, info):
        return verdict.chosen

    def resolve_correct_options(verdict, info):
        return verdict.correct_ids

    def resolve_explanation(verdict, info):
        return expand_rich_text(verdict.explanation, info)


class DownloadBlock(graphene.ObjectType):
    class Meta:
        name = "LearningDownloadBlock"
        interfaces = (StreamBlock,)

    document = graphene.Field(Document, resolver=object_field("document", "document"))
    title = graphene.String(required=True, description="The block's title or the document's.")
    description = graphene.String(
        required=True, resolver=lambda root, info: root["value"].get("description") or ""
    )

    def resolve_title(root, info):
        document = Loaders.of(info).get("document", root["value"].get("document"))
        return root["value"].get("title") or (document.title if document else "")


LinkKind = enum_from_choices(
    content_blocks.LinkKind, "LearningLinkKind", "What a link block leads to, for its icon."
)


LinkTarget = enum_from_choices(
    content_blocks.LinkTarget,
    "LearningLinkTarget",
    "Whether a link leads to a page, a URL or a document.",
)


class LinkBlock(graphene.ObjectType):
    class Meta:
        name = "LearningLinkBlock"
        interfaces = (StreamBlock,)

    label = graphene.String(required=True, resolver=block_field("label"))
    description = graphene.String(
        required=True, resolver=lambda root, info: root["value"].get("description") or ""
    )
    link_type = graphene.Field(
        LinkKind, required=True, resolver=lambda root, info: root["value"].get("kind") or "other"
    )
    target_type = graphene.Field(LinkTarget, required=True)
    url = graphene.String(description="Absolute URL; null when the target is gone or hidden.")
    page_id = graphene.ID(description="Id of the linked learning page, to route internally.")
    document = graphene.Field(
        Document,
        resolver=object_field("document", "document"),
        description="The linked document, for its type and size; null for a link to a page "
        "or website, or when the document is gone or hidden.",
    )

    def resolve_target_type(root, info):
        value = root["value"]
        if value.get("page"):
            return content_blocks.LinkTarget.PAGE
        if value.get("document"):
            return content_blocks.LinkTarget.DOCUMENT
        return content_blocks.LinkTarget.URL

    def resolve_url(root, info):
        value = root["value"]
        return Loaders.of(info).link_url(
            page=value.get("page"), document=value.get("document"), url=value.get("url")
        )

    def resolve_page_id(root, info):
        page = Loaders.of(info).get("page_link", root["value"].get("page"))
        return page.pk if page else None


BLOCK_TYPES = {
    "text": TextBlock,
    "image": ImageBlock,
    "audio": AudioBlock,
    "video": VideoBlock,
    "exercise": ExerciseBlock,
    "download": DownloadBlock,
    "link": LinkBlock,
}


class ModuleBlock(graphene.Union):
    """One part of a module body: text, image, audio, video, exercise, download or link."""

    class Meta:
        name = "LearningModuleBlock"
        types = tuple(BLOCK_TYPES.values())

    @classmethod
    def resolve_type(cls, instance, info):
        return BLOCK_TYPES[instance["type"]]


def resolve_body(stream_value, info):
    """The blocks of a body, as dicts the block types read from."""
    raw = list(stream_value.raw_data)
    Loaders.of(info).want_stream(raw)
    return [
        {
            "id": block.get("id") or str(index),
            "type": block["type"],
            "value": block.get("value") or {},
        }
        for index, block in enumerate(raw)
        if block.get("type") in BLOCK_TYPES
    ]
