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
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from itertools import chain
from typing import Any

from django.core.signals import request_finished, request_started
from django.db.models import Model, QuerySet
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import HttpRequest
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractRendition, Filter
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
#: The batches made during the request this thread is answering (``close_references``).
_in_request = threading.local()


def rich_text_references(html: str | None) -> Iterable[tuple[str, int]]:
    """(kind, id) of every page or document link and image embed in stored rich text."""
    for match in RICH_TEXT_REFERENCE.finditer(html or ""):
        kind, pk = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        )
        yield kind, int(pk)


#: The kind a link to a page is loaded as (see ``REFERENCE_KINDS``).
LINK_KINDS = {"page": "page_link"}

#: The kinds of object an answer refers to, each as the queryset it may be loaded from.
REFERENCE_KINDS: dict[str, Callable[["References"], QuerySet]] = {
    "page": lambda references: references.visibility.pages(Page.objects.all()).specific(),
    # A link's target: only whether it may be seen and where it is, in one query (a
    # specific page takes two).
    "page_link": lambda references: references.visibility.pages(Page.objects.all()).only(
        "id", "url_path"
    ),
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
        self.shown = []  # the pages announced with want_pages
        self.made_renditions = defaultdict(dict)  # image id -> {filter spec: rendition}
        opened = getattr(_in_request, "references", None)
        if opened is not None:
            opened.add(self)

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
            self.want(LINK_KINDS.get(kind, kind), pk)

    def want_stream(self, raw_blocks: Iterable[dict] | None) -> None:
        for block in raw_blocks or []:
            kind, value = block.get("type"), block.get("value") or {}
            if not isinstance(value, dict):
                continue
            for child, reference in BLOCK_REFERENCES.get(kind, []):
                self.want(LINK_KINDS.get(reference, reference), value.get(child))
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
        self.shown.extend(pages)
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

    # Image renditions ---------------------------------------------------------------------

    def renditions(self, image, specs: Iterable[str]) -> dict[str, AbstractRendition]:
        """{filter spec: rendition} of ``image`` for allow-listed filter specs.

        Found among the renditions loaded with the image (one query for all images of a
        batch, ``REFERENCE_KINDS``); the missing ones are made once and then reused.
        Unlike ``Image.get_rendition``, a rendition found there is not written back to
        the renditions cache (Wagtail pickles it there with its image and the image's
        other renditions: most of the time of a list of images).
        """
        made = self.made_renditions[image.pk]
        missing = [spec for spec in specs if spec not in made]
        if missing:
            made.update(image.get_renditions(*map(image_filter, missing)))
        return {spec: made[spec] for spec in specs}

    def rendition(self, image, spec: str) -> AbstractRendition:
        return self.renditions(image, [spec])[spec]

    # The end of the request -------------------------------------------------------------

    def close(self) -> None:
        """Let go of what this request loaded, first breaking the reference cycles Django
        and Wagtail build into model instances (a file and its instance, a prefetched
        queryset and its instance, a rendition and its image, a stream and its raw data
        view): reference counting then frees them when the answer is sent, instead of a
        run of the cyclic garbage collector in some later request."""
        made = (
            rendition
            for renditions in self.made_renditions.values()
            for rendition in renditions.values()
        )
        for instance in chain(self.shown, *(kind.values() for kind in self.loaded.values()), made):
            if instance is not None:
                release(instance)
        self.shown = []
        self.wanted.clear()
        self.loaded.clear()
        self.cache.clear()
        self.made_renditions.clear()

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
            # A page loaded (or to be loaded) whole serves; else only what a link needs.
            pk = int(page) if str(page).isdigit() else None
            whole = pk in self.loaded["page"] or pk in self.wanted["page"]
            target = self.get("page" if whole else "page_link", page)
            return self.page_url(target) if target else None
        if document:
            target = self.get("document", document)
            return self.absolute(target.url) if target else None
        return url or None


@cache
def image_filter(spec: str) -> Filter:
    """One Filter per spec for the process: it parses its spec once."""
    return Filter(spec=spec)


def release(instance: Model) -> None:
    """Break the reference cycles of a model instance and of what was prefetched with it,
    losing nothing: a file field keeps its name, a relation is read again when asked."""
    state = instance.__dict__
    for related in state.pop("_prefetched_objects_cache", {}).values():
        for item in getattr(related, "_result_cache", None) or ():
            if isinstance(item, Model):
                release(item)
    instance._state.fields_cache.clear()
    for name, value in list(state.items()):
        if isinstance(value, FieldFile):
            state[name] = value.name
        elif isinstance(value, StreamValue):
            value.__dict__.pop("raw_data", None)


@receiver(request_started, dispatch_uid="borg_learning_references_opened")
def open_references(**kwargs) -> None:
    _in_request.references = weakref.WeakSet()


@receiver(request_finished, dispatch_uid="borg_learning_references_closed")
def close_references(**kwargs) -> None:
    """Close the batches of the request this thread has answered (``References.close``)."""
    opened, _in_request.references = getattr(_in_request, "references", None), None
    for references in list(opened or ()):
        references.close()
