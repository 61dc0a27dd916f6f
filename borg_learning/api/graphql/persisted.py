"""Persisted queries: documents a client sends by their SHA-256 instead of their text.

The convention of Apollo's clients: ``"extensions": {"persistedQuery": {"version": 1,
"sha256Hash": "<hex>"}}`` in a POST body, or the same JSON as the ``extensions`` parameter
of a GET, so a browser or a CDN can cache the answer by its URL. Only documents the site
knows are served by hash: the ``.graphql`` files in ``GRAPHQL_PERSISTED_QUERY_DIRS`` and
the texts a sub-app or site returns from the hook ``register_persisted_queries``. A client
cannot register a document of its own: an unknown hash alone answers
``PersistedQueryNotFound``, and a client that then sends the text along (as Apollo's
clients do) has it run as any query, not stored. With ``GRAPHQL_PERSISTED_QUERIES_ONLY``
a text that is none of the persisted documents is refused.
"""

import functools
import re
from pathlib import Path

from wagtail import hooks

from borg_learning.api.graphql.documents import sha256
from borg_learning.conf import learning_settings

NOT_FOUND = "PersistedQueryNotFound"
BAD_REQUEST = "BAD_REQUEST"
HOOK = "register_persisted_queries"


class PersistedQueryError(Exception):
    """A persisted query that cannot be served: its message and extension code."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


@functools.cache
def _documents(directories: tuple[str, ...]) -> dict[str, str]:
    texts = [
        path.read_text(encoding="utf-8")
        for directory in directories
        for path in sorted(Path(directory).glob("*.graphql"))
    ]
    hooked = [text for hook in hooks.get_hooks(HOOK) for text in hook()]
    return {sha256(text): text for text in (*texts, *hooked)}


def documents() -> dict[str, str]:
    """The persisted documents by their hex SHA-256: the files and the hooks' texts, read
    once per value of ``GRAPHQL_PERSISTED_QUERY_DIRS`` (hooks register at start-up)."""
    directories = tuple(str(path) for path in learning_settings.GRAPHQL_PERSISTED_QUERY_DIRS)
    return _documents(directories)


def requested_hash(extensions) -> str | None:
    """The ``sha256Hash`` a request's ``extensions`` ask for, or None when they ask none.
    Raises ``PersistedQueryError`` for a malformed one."""
    if extensions is None:
        return None
    if not isinstance(extensions, dict):
        raise PersistedQueryError("'extensions' must be a JSON object.", BAD_REQUEST)
    persisted = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != 1:
        raise PersistedQueryError(
            "Unsupported persisted query: send 'persistedQuery' as {\"version\": 1, "
            '"sha256Hash": "<hex SHA-256 of the query>"}.',
            "PERSISTED_QUERY_NOT_SUPPORTED",
        )
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-fA-F]{64}", digest):
        raise PersistedQueryError(
            "'sha256Hash' must be the 64 hex digits of the query's SHA-256.", BAD_REQUEST
        )
    return digest.lower()


def resolve(query: str | None, extensions) -> str | None:
    """The text to run: the persisted document the request names by hash, else its own
    text (which must be a persisted one when only those are accepted). None when it sends
    neither. Raises ``PersistedQueryError``."""
    digest = requested_hash(extensions)
    if digest is not None:
        if query is None:
            text = documents().get(digest)
            if text is None:
                raise PersistedQueryError(NOT_FOUND, "PERSISTED_QUERY_NOT_FOUND")
            return text
        if sha256(query) != digest:
            raise PersistedQueryError(
                "The query's text does not match its sha256Hash.", "PERSISTED_QUERY_HASH_MISMATCH"
            )
    if (
        isinstance(query, str)
        and learning_settings.GRAPHQL_PERSISTED_QUERIES_ONLY
        and sha256(query) not in documents()
    ):
        raise PersistedQueryError(
            "This server runs only its persisted queries: send one by its sha256Hash in "
            "extensions.persistedQuery (see the documented queries).",
            "PERSISTED_QUERY_NOT_IN_LIST",
        )
    return query
