"""Rich text as HTML the frontend can insert as is: internal references resolved.

Wagtail stores links as ``<a linktype="page" id="3">``; this turns them into real
URLs from the request's batch of objects, so a body with 60 links costs no query per
link. A link to a page the learner may not see loses its href but keeps its text.
"""

import re

from django.utils.html import escape
from wagtail.rich_text.rewriters import extract_attrs

from borg_learning.api.graphql.loaders import Loaders
from borg_learning.conf import learning_settings

A_TAG = re.compile(r"<a(\b[^>]*\blinktype=\"[^\"]*\"[^>]*)>")
EMBED_TAG = re.compile(r"<embed(\b[^>]*)/>")


def expand_rich_text(html, info):
    if not html:
        return html or ""
    objects = Loaders.of(info)
    objects.want_html(html)

    def link(match):
        attrs = extract_attrs(match.group(1))
        kind, pk = attrs.get("linktype"), attrs.get("id")
        if kind == "page":
            page = objects.get("page", pk)
            return f'<a href="{escape(objects.page_url(page))}">' if page else "<a>"
        if kind == "document":
            document = objects.get("document", pk)
            return f'<a href="{escape(objects.absolute(document.url))}">' if document else "<a>"
        return "<a>"

    def embed(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return ""
        image = objects.get("image", attrs.get("id"))
        if image is None:
            return ""
        rendition = image.get_rendition(largest_width_filter())
        return (
            f'<img src="{escape(objects.absolute(rendition.url))}" '
            f'width="{rendition.width}" height="{rendition.height}" '
            f'alt="{escape(attrs.get("alt", ""))}">'
        )

    return EMBED_TAG.sub(embed, A_TAG.sub(link, html))


def largest_width_filter():
    widths = [spec for spec in learning_settings.IMAGE_RENDITIONS if spec.startswith("width-")]
    return widths[-1] if widths else learning_settings.IMAGE_RENDITIONS[0]
