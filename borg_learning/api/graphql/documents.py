"""Parsed and validated GraphQL documents, kept so that a repeated query skips both.

A frontend sends the same few documents all day, and parsing and validating one costs
more than running it for a small page. ``checked()`` keeps the outcome of both, the
document or the messages that refuse it, in a bounded LRU keyed by the SHA-256 of the
text, the schema and the validation rules. The limits that depend on the variables (a
page size asked for, the cost of lists) are not kept: they run on every request, and
before graphql-core's rules for a document not seen yet, so an expensive query is refused
before those rules walk it.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

from borg_learning.api.graphql.limits import limit_errors
from borg_learning.conf import learning_settings


class DocumentError(Exception):
    """The document cannot run: a syntax error, a rule it breaks, a limit it exceeds."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(messages)
        self.messages = messages


@dataclass(frozen=True)
class Outcome:
    document: DocumentNode | None
    #: Why the document cannot run (syntax or validation); empty when it can.
    messages: tuple[str, ...] = ()


def sha256(query: str) -> str:
    """The hex SHA-256 of the query text's UTF-8, as persisted queries name a document."""
    return hashlib.sha256(query.encode("utf-8", "surrogatepass")).hexdigest()


class DocumentCache:
    """A thread-safe LRU of outcomes, as large as ``GRAPHQL_DOCUMENT_CACHE_SIZE`` says."""

    def __init__(self) -> None:
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key) -> Outcome | None:
        with self.lock:
            outcome = self.entries.get(key)
            if outcome is not None:
                self.entries.move_to_end(key)
            return outcome

    def put(self, key, outcome: Outcome) -> None:
        size = learning_settings.GRAPHQL_DOCUMENT_CACHE_SIZE
        with self.lock:
            self.entries[key] = outcome
            self.entries.move_to_end(key)
            while len(self.entries) > size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()

    def __len__(self) -> int:
        return len(self.entries)


cache = DocumentCache()


def checked(schema: GraphQLSchema, query: str, variables: dict, rules: tuple) -> DocumentNode:
    """The parsed document of ``query``, valid for ``schema`` under ``rules`` and within
    the limits for these ``variables``. Raises ``DocumentError``."""
    key = (schema, rules, sha256(query))
    outcome = cache.get(key)
    if outcome is None:
        try:
            document = parse(query)
        except GraphQLError as error:
            cache.put(key, Outcome(None, (error.message,)))
            raise DocumentError([error.message]) from None
        exceeded = limit_errors(schema, document, variables)
        if exceeded:  # not kept: other variables may be within the limits
            raise DocumentError([error.message for error in exceeded])
        outcome = Outcome(
            document, tuple(error.message for error in validate(schema, document, rules))
        )
        cache.put(key, outcome)
    elif not outcome.messages:
        exceeded = limit_errors(schema, outcome.document, variables)
        if exceeded:
            raise DocumentError([error.message for error in exceeded])
    if outcome.messages:
        raise DocumentError(list(outcome.messages))
    return outcome.document
