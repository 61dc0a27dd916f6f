"""Request loaders: everything a response refers to is loaded once, in bulk.

Resolvers announce the pages they are about to return (``want_pages``); the first
time a block, a rich text or a list needs a referenced image, document, media file or
page, all announced references are loaded together with one query per kind. A query
therefore costs the same number of SQL queries for 3 blocks as for 300.
"""

import re
from collections import defaultdict

from wagtail.models import Site

from borg_learning.api.graphql.registry import LOADABLE_KINDS
from borg_learning.visibility import Visibility

# Where our blocks keep references: block type -> [(child name, kind)].
BLOCK_REFERENCES = {
    "image": [("image", "image")],
    "audio": [("audio", "media")],
    "video": [("video", "media"), ("subtitles", "document")],
    "download": [("document", "document")],
    "link": [("page", "page"), ("document", "document")],
}
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


def rich_text_references(html):
    for match in RICH_TEXT_REFERENCE.finditer(html or ""):
        kind, pk = (
            (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        )
        yield kind, int(pk)


def database_id(value):
    """An id from the API as a number; an id that is not one matches nothing.

    Only plain ASCII digits count, at most 18 of them so the number fits any database's
    integer column (Python's ``int`` would also take " 12", "1_2" and "١٢").
    """
    text = str(value) if isinstance(value, (str, int)) else ""
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else -1


class Loaders:
    """The objects one GraphQL request refers to, loaded in batches and cached.

    Kinds of object come from the registry (``register_loadable``); what may be loaded
    is decided by the request's visibility policy (``visibility``).
    """

    def __init__(self, request):
        self.request = request
        self.visibility = Visibility.of(request)
        self.wanted = defaultdict(set)
        self.loaded = defaultdict(dict)
        self.cache = {}

    @classmethod
    def of(cls, info):
        context = info.context
        loaders = getattr(context, "_borg_learning_loaders", None)
        if loaders is None:
            loaders = cls(context)
            context._borg_learning_loaders = loaders
        return loaders

    def visible(self, queryset):
        """Only the pages of ``queryset`` this request may see (live, unexpired, not
        restricted for its user)."""
        return self.visibility.pages(queryset)

    def memo(self, key, compute):
        """Compute a request-wide value once (e.g. all modules grouped by theme)."""
        if key not in self.cache:
            self.cache[key] = compute()
        return self.cache[key]

    # Announcing references ---------------------------------------------------------------

    def want(self, kind, pk):
        if pk and pk not in self.loaded[kind]:
            self.wanted[kind].add(int(pk))

    def want_html(self, html):
        for kind, pk in rich_text_references(html):
            self.want(kind, pk)

    def want_stream(self, raw_blocks):
        for block in raw_blocks or []:
            kind, value = block.get("type"), block.get("value") or {}
            if not isinstance(value, dict):
                continue
            for child, reference in BLOCK_REFERENCES.get(kind, []):
                self.want(reference, value.get(child))
            for child in RICH_TEXT_CHILDREN.get(kind, []):
                self.want_html(value.get(child))

    def want_pages(self, pages):
        """Announce what the bodies, images and rich texts of these pages refer to."""
        for page in pages:
            body = getattr(page, "body", None)
            if body is not None:
                self.want_stream(body.raw_data)
            for name in ("intro", "explanation"):
                self.want_html(getattr(page, name, None))
            self.want("image", getattr(page, "image_id", None))
            self.want("questionnaire", getattr(page, "questionnaire_id", None))
        return pages

    # Loading --------------------------------------------------------------------------

    def get(self, kind, pk):
        if not pk:
            return None
        pk = int(pk)
        if pk not in self.loaded[kind]:
            self.wanted[kind].add(pk)
            self.load(kind)
        return self.loaded[kind].get(pk)

    def load(self, kind):
        ids = self.wanted.pop(kind, set()) - set(self.loaded[kind])
        if not ids:
            return
        found = {obj.pk: obj for obj in self.queryset(kind).filter(pk__in=ids)}
        for pk in ids:
            self.loaded[kind][pk] = found.get(pk)

    def queryset(self, kind):
        return LOADABLE_KINDS[kind](self)

    def page_location(self, page):
        """(path on its site, absolute URL) of a page, from the site roots read once.

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
                return path, root.root_url + path
        return page.url_path, self.absolute(page.url_path)

    def page_url(self, page):
        return self.page_location(page)[1]

    def absolute(self, url):
        if not url:
            return None
        if url.startswith(("http://", "https://")):
            return url
        return self.request.build_absolute_uri(url)
