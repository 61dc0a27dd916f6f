"""What an API answer points at, loaded once per request, in bulk, through the visibility policy.

Bodies, rich texts, start buttons and module images refer to pages, images, documents
and media files by id. An API announces the ids an answer will show (``want…``); the
first ``get`` of a kind loads all announced ids of that kind in one query, through the
request's ``Visibility``. So an answer costs the same number of queries for 3 links as
for 300, and a target the learner may not see (or one that was deleted) comes back as
None. GraphQL's loaders and the REST serializer fields both use this class, so both
APIs drop exactly the same targets.
"""

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtailmedia.models import get_media_model

from borg_learning.conf import learning_settings
from borg_learning.frontend_urls import frontend_root_url
from borg_learning.visibility import Visibility

# Where the module body blocks keep references: block type -> [(child name, kind)].
BLOCK_REFERENCES = {
    "image": [("image", "image")],
    "audio": [("audio", "media")],
    "video": [("video", "media"), ("subtitles", "document")],
    "download": [("document", "document")],
    "link": [("page", "page"), ("document", "document")],
}
# The rich text children of the module body blocks: block type -> [child name].
RICH_TEXT_CHILDREN = {
    "text": ["text"],
    "audio": ["transcript"],
    "video": ["transcript"],
    "exercise": ["question", "explanation"],
}
RICH_TEXT_REFERENCE = re.compile(
    r'<(?:a|embed)\b[^>]*?\b(?:linktype|embedtype)="(page|document|image)"[^>]*?\bid="(\d+)"'
    r'|<(?:a|embed)\b[^>]*?\bid="(\d+)"[^>]*?\b(?:linktype|embedtype)="(page|document|image)"'
)
REQUEST_ATTRIBUTE = "_borg_learning_references"


def rich_text_references(html: str | None) -> Iterable[tuple[str, int]]:
    """(kind, id) of every page or document link and image embed in stored rich text."""
    for match in RICH_TEXT_REFERENCE.finditer(html or ""):
        kind, pk = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        )
        yield kind, int(pk)


#: The kinds of object an answer refers to, each as the queryset it may be loaded from.
REFERENCE_KINDS: dict[str, Callable[["References"], QuerySet]] = {
    "page": lambda references: references.visibility.pages(Page.objects.all()).specific(),
    "image": lambda references: references.visibility.images(
        get_image_model().objects.prefetch_renditions(*learning_settings.IMAGE_RENDITIONS)
    ),
    "document": lambda references: references.visibility.documents(
        get_document_model().objects.all()
    ),
    "media": lambda references: references.visibility.media(get_media_model().objects.all()),
}


class References:
    """The objects one request's answer refers to, loaded in batches and cached."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.visibility = Visibility.of(request)
        self.wanted = defaultdict(set)
        self.loaded = defaultdict(dict)
        self.cache = {}

    @classmethod
    def of(cls, request: HttpRequest) -> "References":
        """The batch of ``request``, made once per request."""
        references = getattr(request, REQUEST_ATTRIBUTE, None)
        if references is None:
            references = cls(request)
            setattr(request, REQUEST_ATTRIBUTE, references)
        return references

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Compute a request-wide value once (e.g. the site roots)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    # Announcing references ---------------------------------------------------------------

    def want(self, kind: str, pk: int | str | None) -> None:
        if pk and pk not in self.loaded[kind]:
            self.wanted[kind].add(int(pk))

    def want_html(self, html: str | None) -> None:
        for kind, pk in rich_text_references(html):
            self.want(kind, pk)

    def want_stream(self, raw_blocks: Iterable[dict] | None) -> None:
        for block in raw_blocks or []:
            kind, value = block.get("type"), block.get("value") or {}
            if not isinstance(value, dict):
                continue
            for child, reference in BLOCK_REFERENCES.get(kind, []):
                self.want(reference, value.get(child))
            for child in RICH_TEXT_CHILDREN.get(kind, []):
                self.want_html(value.get(child))

    def want_pages(self, pages: list[Page]) -> list[Page]:
        """Announce what the bodies, images and rich texts of these pages refer to."""
        for page in pages:
            body = getattr(page, "body", None)
            if body is not None:
                self.want_stream(body.raw_data)
            for name in ("intro", "explanation"):
                self.want_html(getattr(page, name, None))
            self.want("image", getattr(page, "image_id", None))
        return pages

    # Loading --------------------------------------------------------------------------

    def get(self, kind: str, pk: int | str | None) -> Model | None:
        """The object, or None when it is gone or hidden from this request (or ``pk`` is
        no id, as a hand-edited rich text link may have)."""
        if not pk or not re.fullmatch(r"[0-9]{1,18}", str(pk)):
            return None
        pk = int(pk)
        if pk not in self.loaded[kind]:
            self.wanted[kind].add(pk)
            self.load(kind)
        return self.loaded[kind].get(pk)

    def load(self, kind: str) -> None:
        ids = self.wanted.pop(kind, set()) - set(self.loaded[kind])
        if not ids:
            return
        found = {obj.pk: obj for obj in self.queryset(kind).filter(pk__in=ids)}
        for pk in ids:
            self.loaded[kind][pk] = found.get(pk)

    def queryset(self, kind: str) -> QuerySet:
        return REFERENCE_KINDS[kind](self)

    # URLs -----------------------------------------------------------------------------

    def page_location(self, page: Page) -> tuple[str, str]:
        """(path on its site, absolute URL in the frontend) of a page, from the site roots
        read once; the URL is on ``FRONTEND_URL`` when that is set, as the page's own is.

        Worked out from the tree rather than by reversing Wagtail's serve view, which a
        headless site need not route.
        """
        roots = self.memo(
            "site_roots",
            lambda: sorted(Site.get_site_root_paths(), key=lambda root: -len(root.root_path)),
        )
        for root in roots:
            if page.url_path.startswith(root.root_path):
                path = page.url_path[len(root.root_path) - 1 :]
                return path, frontend_root_url(root.root_url) + path
        return page.url_path, self.absolute(page.url_path)

    def page_url(self, page: Page) -> str:
        return self.page_location(page)[1]

    def absolute(self, url: str | None) -> str | None:
        if not url:
            return None
        if url.startswith(("http://", "https://")):
            return url
        return self.request.build_absolute_uri(url)

    def link_url(
        self, page: int | None = None, document: int | None = None, url: str | None = None
    ) -> str | None:
        """Where a link to a page, a document or a website leads: an absolute URL, or
        None when the page or document is gone or hidden from this request."""
        if page:
            target = self.get("page", page)
            return self.page_url(target) if target else None
        if document:
            target = self.get("document", document)
            return self.absolute(target.url) if target else None
        return url or None
