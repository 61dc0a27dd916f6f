"""REST and GraphQL apply one rule to what pages point at, and serve the same page types.

A new chooser or rich text in a block, or a new API field that refers to a page or a
file, fails here until it goes through the shared references (``api/references.py``).
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtailmedia.blocks import AbstractMediaChooserBlock
from wagtailmedia.models import get_media_model

from borg_learning import models
from borg_learning.api.graphql import schema  # noqa: F401  (registers the page types)
from borg_learning.api.graphql.registry import PAGE_TYPES
from borg_learning.api.references import BLOCK_REFERENCES, RICH_TEXT_CHILDREN
from borg_learning.api.rest import serializers
from borg_learning.api.rest.scope import learning_page_models
from borg_learning.content.blocks import ModuleBodyBlock

CHOOSER_KINDS = {
    blocks.PageChooserBlock: "page",
    ImageChooserBlock: "image",
    DocumentChooserBlock: "document",
    AbstractMediaChooserBlock: "media",
}


def chooser_kind(block):
    return next((kind for cls, kind in CHOOSER_KINDS.items() if isinstance(block, cls)), None)


def nested_blocks(block):
    """Every block inside ``block``, at any depth."""
    children = getattr(block, "child_blocks", None) or {}
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    for child in children.values():
        yield child
        yield from nested_blocks(child)


def test_rest_serves_the_page_types_graphql_serves():
    """The core's page types and those a sub-app registers (a microlesson)."""
    assert set(learning_page_models()) == set(PAGE_TYPES)


def test_every_reference_in_a_module_body_is_known_to_both_apis():
    references, rich_texts = {}, {}
    for name, block in ModuleBodyBlock().child_blocks.items():
        assert isinstance(block, blocks.StructBlock), name
        for child_name, child in block.child_blocks.items():
            if chooser_kind(child):
                references.setdefault(name, []).append((child_name, chooser_kind(child)))
            elif isinstance(child, blocks.RichTextBlock):
                rich_texts.setdefault(name, []).append(child_name)
            else:
                deeper = [b for b in nested_blocks(child) if chooser_kind(b)]
                deeper += [b for b in nested_blocks(child) if isinstance(b, blocks.RichTextBlock)]
                assert not deeper, f"{name}.{child_name}: a reference deeper than one level"
    assert references == BLOCK_REFERENCES
    assert rich_texts == RICH_TEXT_CHILDREN


def referring_api_fields(model):
    """The API fields of ``model`` that hold rich text or blocks, or point at a page or
    a file."""
    targets = (Page, get_image_model(), get_document_model(), get_media_model())
    for api_field in getattr(model, "api_fields", []):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue  # a property, such as a start page's feedback_href
        if isinstance(field, (RichTextField, StreamField)) or (
            isinstance(field, ForeignKey) and issubclass(field.related_model, targets)
        ):
            yield api_field


def test_every_api_field_that_refers_goes_through_the_shared_references():
    found = []
    for model in (*learning_page_models(), models.StartButton):
        for api_field in referring_api_fields(model):
            found.append(f"{model.__name__}.{api_field.name}")
            assert type(api_field.serializer).__module__ == serializers.__name__, found[-1]
    assert "StartButton.target_page" in found and "BasicModulePage.body" in found
