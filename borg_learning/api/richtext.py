"""Rich text as HTML a frontend can insert as is: the one rule both APIs apply to it.

Wagtail stores links as ``<a linktype="page" id="3">``. This turns a link to a page or
document the learner may see into its absolute URL, from the request's batch of
references (no query per link, and no need for Wagtail's serve view, which a headless
site does not route). A link to a hidden or deleted target keeps its text but loses
its href, so neither its id nor its URL reaches the learner. Image embeds become
``<img>`` tags of an allowed rendition; other embeds are dropped.
"""

import re

from django.utils.html import escape
from wagtail.rich_text.rewriters import extract_attrs

from borg_learning.api.references import References
from borg_learning.conf import learning_settings

A_TAG = re.compile(r"<a(\b[^>]*\blinktype=\"[^\"]*\"[^>]*)>")
EMBED_TAG = re.compile(r"<embed(\b[^>]*)/>")


def resolve_rich_text(html: str | None, references: References) -> str:
    """Stored rich text as HTML with its links and images resolved for this request."""
    if not html:
        return ""
    references.want_html(html)

    def link(match):
        attrs = extract_attrs(match.group(1))
        kind, pk = attrs.get("linktype"), attrs.get("id")
        if kind not in ("page", "document"):
            return "<a>"
        url = references.link_url(**{kind: pk})
        return f'<a href="{escape(url)}">' if url else "<a>"

    def embed(match):
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return ""
        image = references.get("image", attrs.get("id"))
        if image is None:
            return ""
        rendition = references.rendition(image, largest_width_filter())
        return (
            f'<img src="{escape(references.absolute(rendition.url))}" '
            f'width="{rendition.width}" height="{rendition.height}" '
            f'alt="{escape(attrs.get("alt", ""))}">'
        )

    return EMBED_TAG.sub(embed, A_TAG.sub(link, html))


def largest_width_filter() -> str:
    widths = [spec for spec in learning_settings.IMAGE_RENDITIONS if spec.startswith("width-")]
    return widths[-1] if widths else learning_settings.IMAGE_RENDITIONS[0]
