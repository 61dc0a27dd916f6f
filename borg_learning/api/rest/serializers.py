"""Serializer fields for what learning pages show in Wagtail's REST API v2.

The models name them in their ``api_fields``. Whatever points at a page or a file,
or holds rich text, goes through the request's ``References`` (``api/references.py``),
so REST drops exactly the hidden targets GraphQL drops.
"""

from django.http import HttpRequest
from rest_framework import serializers
from rest_framework.request import Request
from wagtail.blocks import ListBlock, StructBlock

try:
    from wagtail.api.utils import get_full_url
except ImportError:  # Wagtail 7: only in the v2 API's utils
    from wagtail.api.v2.utils import get_full_url

from borg_learning.api.references import (
    BLOCK_REFERENCES,
    LINK_KINDS,
    RICH_TEXT_CHILDREN,
    References,
)
from borg_learning.api.rest.scope import learning_page_models
from borg_learning.api.richtext import resolve_rich_text
from borg_learning.conf import learning_settings
from borg_learning.content import exercises


class ChoiceListSerializer(serializers.Field):
    """A list of slugs from a choice setting, with their labels."""

    def __init__(self, setting, **kwargs):
        self.setting = setting
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return learning_settings.labelled(self.setting, value)


class ThemeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    colour = serializers.CharField()
    colour_hex = serializers.CharField()
    icon = serializers.CharField()


class ThemesSerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, manager):
        # In the request's locale: a translated page may keep its original's themes.
        themes = request_references(self.context).visibility.translated(manager.all())
        return ThemeSerializer(themes, many=True).data


class DevelopmentGroupSerializer(serializers.Serializer):
    name = serializers.CharField()
    description = serializers.CharField()
    members = serializers.SerializerMethodField()

    def get_members(self, group):
        return [{"name": member.name, "role": member.role} for member in group.members.all()]


class LearningObjectivesSerializer(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, stream):
        return [block.get("value") for block in stream.raw_data if block.get("value")]


# --- What pages point at: through the request's references, as GraphQL --------------------


def http_request(request: HttpRequest | Request) -> HttpRequest:
    """Django's request behind DRF's: the visibility policy and the batch of references
    are kept on it, as GraphQL keeps them."""
    return getattr(request, "_request", request)


def request_references(context: dict) -> References:
    return References.of(http_request(context["request"]))


class ComputedField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class ResolvedRichTextField(ComputedField):
    """Rich text as HTML with its links resolved by the rule GraphQL applies
    (``resolve_rich_text``): visible pages and documents get their absolute URL,
    hidden ones lose the href. Wagtail's own expansion gave hidden pages' URLs, and
    ``href="None"`` on a site without its serve view."""

    def to_representation(self, html):
        return resolve_rich_text(html, request_references(self.context))


class VisibleReferenceField(ComputedField):
    """A page or image by its id (``source="…_id"``), nested as Wagtail nests related
    objects, or null when the request may not see it. A page also needs to be one the
    pages endpoint serves: its ``detail_url`` must lead somewhere."""

    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    def to_representation(self, pk):
        references = request_references(self.context)
        target = references.get(self.kind, pk)
        if target is None or (self.kind == "page" and not self.serves(target)):
            return None
        meta = {"type": target._meta.label}
        detail_path = self.context["router"].get_object_detail_urlpath(type(target), target.pk)
        if detail_path:
            meta["detail_url"] = get_full_url(self.context["request"], detail_path)
        if self.kind == "page":
            meta["html_url"] = references.page_url(target)
        else:
            meta["download_url"] = references.absolute(target.file.url)
        return {"id": target.pk, "meta": meta, "title": target.title}

    def serves(self, page):
        view = self.context.get("view")
        page_types = view.get_page_types() if hasattr(view, "get_page_types") else ()
        return isinstance(page, page_types or learning_page_models())


class LinkURLField(ComputedField):
    """Where a start button leads: the absolute URL of its page or website; null for a
    theme, or for a page the request may not see."""

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, button):
        return request_references(self.context).link_url(
            page=button.target_page_id, url=button.target_url
        )


class ModuleBodyField(ComputedField):
    """A module body as Wagtail's API shows blocks (type, value, id), read from the
    stored data with every reference checked: a page, image, document or media file
    the request may not see (or one that was deleted) becomes null, a link block's
    ``url`` is where it leads (null for a hidden target), rich text is resolved. All
    references of the body load in one query per kind."""

    def to_representation(self, stream):
        references = request_references(self.context)
        raw_blocks = list(stream.raw_data)
        references.want_stream(raw_blocks)
        block_types = stream.stream_block.child_blocks
        return [
            {
                "type": block["type"],
                "value": block_value(
                    block["type"], block_types[block["type"]], block.get("value"), references
                ),
                "id": block.get("id"),
            }
            for block in raw_blocks
            if block.get("type") in block_types
        ]


def block_value(kind: str, block: StructBlock, raw: dict | None, references: References) -> dict:
    """The API value of one stored body block: its children in the block's order."""
    raw = raw if isinstance(raw, dict) else {}
    if kind == "exercise":
        return exercises.public_value(raw, resolve_rich_text(raw.get("question"), references))
    reference_kinds = dict(BLOCK_REFERENCES.get(kind, []))
    rich_texts = RICH_TEXT_CHILDREN.get(kind, [])
    value = {}
    for name, child in block.child_blocks.items():
        stored = raw.get(name)
        if name in reference_kinds:
            loaded_as = LINK_KINDS.get(reference_kinds[name], reference_kinds[name])
            target = references.get(loaded_as, stored)
            value[name] = target.pk if target else None
        elif name in rich_texts:
            value[name] = resolve_rich_text(stored, references)
        elif isinstance(child, ListBlock):
            value[name] = [list_item_value(item) for item in stored or []]
        else:
            value[name] = stored
    if kind == "link":
        value["url"] = references.link_url(
            page=raw.get("page"), document=raw.get("document"), url=raw.get("url")
        )
    return value


def list_item_value(item):
    """A ListBlock item is stored as {"type": "item", "value": …, "id": …} or as its value."""
    if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
        return item["value"]
    return item


class PageURLField(ComputedField):
    """A page's ``html_url`` worked out from the site roots, as GraphQL's page URLs are:
    Wagtail's reverses its serve view, which a headless site does not route."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return request_references(self.context).page_url(page)
