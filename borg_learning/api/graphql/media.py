"""Images, documents, audio and video as the frontend needs them: absolute URLs."""

import re

import graphene
from wagtailmedia.models import MediaType

from borg_learning.api.graphql.enums import enum_from_choices
from borg_learning.api.graphql.loaders import Loaders
from borg_learning.conf import learning_settings
from borg_learning.content.media_types import mime_type


def filter_enum_name(spec):
    return re.sub(r"[^A-Z0-9]+", "_", spec.upper()).strip("_")


ImageFilter = graphene.Enum(
    "LearningImageFilter",
    [(filter_enum_name(spec), spec) for spec in learning_settings.IMAGE_RENDITIONS],
    description="The image filters this site allows (BORG_LEARNING['IMAGE_RENDITIONS']).",
)


class Rendition(graphene.ObjectType):
    """One resized version of an image."""

    class Meta:
        name = "LearningRendition"

    filter = graphene.String(required=True, description="The Wagtail filter spec.")
    url = graphene.String(required=True, description="Absolute URL of the resized image.")
    width = graphene.Int(required=True)
    height = graphene.Int(required=True)


def renditions(image, specs, info):
    """The renditions of ``image`` for these filter specs, from the request's batch."""
    loaders = Loaders.of(info)
    return [
        Rendition(
            filter=spec,
            url=loaders.absolute(found.url),
            width=found.width,
            height=found.height,
        )
        for spec, found in loaders.renditions(image, specs).items()
    ]


class Image(graphene.ObjectType):
    """An image with renditions from the allow-list; alt text comes with the block."""

    class Meta:
        name = "LearningImage"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    width = graphene.Int(required=True, description="Width of the original, in pixels.")
    height = graphene.Int(required=True, description="Height of the original, in pixels.")
    rendition = graphene.Field(
        Rendition, required=True, filter=graphene.Argument(ImageFilter, required=True)
    )
    renditions = graphene.List(
        graphene.NonNull(Rendition), required=True, description="Every allowed rendition."
    )
    srcset = graphene.String(required=True, description="The width-* renditions as an HTML srcset.")

    def resolve_rendition(image, info, filter):
        spec = filter.value if hasattr(filter, "value") else filter
        return renditions(image, [spec], info)[0]

    def resolve_renditions(image, info):
        return renditions(image, learning_settings.IMAGE_RENDITIONS, info)

    def resolve_srcset(image, info):
        widths = [spec for spec in learning_settings.IMAGE_RENDITIONS if spec.startswith("width-")]
        return ", ".join(f"{r.url} {r.width}w" for r in renditions(image, widths, info))


class Document(graphene.ObjectType):
    class Meta:
        name = "LearningDocument"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    url = graphene.String(required=True, description="Absolute download URL.")
    filename = graphene.String(required=True)
    file_size = graphene.Int(description="Size in bytes.")
    file_extension = graphene.String(required=True)
    content_type = graphene.String(required=True, description="MIME type, e.g. application/pdf.")

    def resolve_url(document, info):
        return Loaders.of(info).absolute(document.url)


MediaKind = enum_from_choices(MediaType, "LearningMediaKind", "Audio or video.")


class MediaFile(graphene.ObjectType):
    """An uploaded audio or video file."""

    class Meta:
        name = "LearningMediaFile"

    id = graphene.ID(required=True)
    title = graphene.String(required=True)
    kind = graphene.Field(MediaKind, required=True)
    url = graphene.String(required=True, description="Absolute URL of the file.")
    mime_type = graphene.String(required=True)
    duration = graphene.Float(required=True, description="Length in seconds.")
    width = graphene.Int()
    height = graphene.Int()
    thumbnail_url = graphene.String(description="Absolute URL of the poster image, if any.")

    def resolve_kind(media, info):
        return media.type

    def resolve_url(media, info):
        return Loaders.of(info).absolute(media.file.url)

    def resolve_mime_type(media, info):
        return mime_type(media)

    def resolve_duration(media, info):
        return media.duration or 0

    def resolve_thumbnail_url(media, info):
        return Loaders.of(info).absolute(media.thumbnail.url) if media.thumbnail else None
