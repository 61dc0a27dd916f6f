"""Request loaders: everything a GraphQL response refers to is loaded once, in bulk.

Resolvers announce the pages they are about to return (``want_pages``); the first
time a block, a rich text or a list needs a referenced image, document, media file or
page, all announced references are loaded together with one query per kind. A query
therefore costs the same number of SQL queries for 3 blocks as for 300. The batching
and the visibility rule are ``References`` (``api/references.py``), which the REST API
shares.
"""

import re

from borg_learning.api.graphql.registry import LOADABLE_KINDS
from borg_learning.api.references import References


def database_id(value):
    """An id from the API as a number; an id that is not one matches nothing.

    Only plain ASCII digits count, at most 18 of them so the number fits any database's
    integer column (Python's ``int`` would also take " 12", "1_2" and "١٢").
    """
    text = str(value) if isinstance(value, (str, int)) else ""
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else -1


class Loaders(References):
    """The objects one GraphQL request refers to, loaded in batches and cached.

    The core kinds (pages, images, documents, media files) are those of ``References``;
    more come from the registry (``register_loadable``). What may be loaded is decided by
    the request's visibility policy (``visibility``).
    """

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

    def want_pages(self, pages):
        """Announce what the bodies, images, rich texts and questionnaires of these pages
        refer to."""
        super().want_pages(pages)
        for page in pages:
            self.want("questionnaire", getattr(page, "questionnaire_id", None))
        return pages

    def queryset(self, kind):
        if kind in LOADABLE_KINDS:
            return LOADABLE_KINDS[kind](self)
        return super().queryset(kind)
