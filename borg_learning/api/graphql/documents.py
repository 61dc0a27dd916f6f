"""Parsed and validated GraphQL documents, kept so that a repeated query skips both.

A frontend sends the same few documents all day, and parsing and validating one costs
more than running it for a small page. ``checked()`` keeps the outcome of both, the
document or the messages that refuse it, in a bounded LRU keyed by the SHA-256 of the
text, the schema and the validation rules. The limits (depth, cost, aliases) run before
graphql-core's rules for a document not seen yet, so an expensive query is refused before
those rules walk it; their outcome depends on the variables given as a page size and on
the limit settings, and is kept with the document for each such combination.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from graphql import DocumentNode, GraphQLError, GraphQLSchema, parse, validate

from borg_learning.api.graphql.limits import limit_errors, limit_settings, limit_variables
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
    #: The variables the limits read (those given as a page size), once the document parsed.
    limit_variables: frozenset = frozenset()
    #: What the limits found, by ``limits_key``: a handful of entries per document.
    limits: dict = field(default_factory=dict, compare=False)

    def limit_messages(self, schema: GraphQLSchema, variables: dict) -> tuple[str, ...]:
        """Why the limits refuse the document with these variables (empty: they pass)."""
        key = limits_key(self.limit_variables, variables)
        messages = self.limits.get(key) if key is not None else None
        if messages is None:
            messages = tuple(
                error.message for error in limit_errors(schema, self.document, variables)
            )
            if key is not None:
                if len(self.limits) >= LIMITS_KEPT:
                    self.limits.clear()
                self.limits[key] = messages
        return messages


#: How many combinations of page sizes and settings a document keeps the limits' outcome for.
LIMITS_KEPT = 32


def limits_key(names: frozenset, variables: dict):
    """What the limits' outcome depends on: the limit settings and the values of the
    variables given as a page size, with their types (``True`` is no page size of 1) and
    whether they were sent (a missing one takes its default, a null one the page size
    setting); None when a value cannot be a key (a list, an object): the limits run again."""
    values = tuple(
        (name, name in variables, type(variables.get(name)).__name__, variables.get(name))
        for name in sorted(names)
    )
    key = (limit_settings(), values)
    try:
        hash(key)
    except TypeError:
        return None
    return key


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
        parsed = Outcome(document, limit_variables=limit_variables(document))
        exceeded = parsed.limit_messages(schema, variables)
        if exceeded:  # not kept: other variables may be within the limits
            raise DocumentError(list(exceeded))
        outcome = Outcome(
            document,
            tuple(error.message for error in validate(schema, document, rules)),
            parsed.limit_variables,
            parsed.limits,
        )
        cache.put(key, outcome)
    elif not outcome.messages:
        exceeded = outcome.limit_messages(schema, variables)
        if exceeded:
            raise DocumentError(list(exceeded))
    if outcome.messages:
        raise DocumentError(list(outcome.messages))
    return outcome.document
