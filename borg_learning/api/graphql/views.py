"""The GraphQL endpoint, speaking GraphQL over HTTP as the specification asks.

* GET for queries only (a mutation over GET is 405), POST with a JSON body.
* ``application/graphql-response+json`` when the client names it: a request that
  cannot be executed (malformed JSON, a syntax or validation error, wrong variables,
  a limit exceeded) is 400; an executed one is 200. With ``application/json`` (also for
  ``*/*`` or no Accept) every well-formed request is 200, as the specification asks for
  legacy clients.
* Errors are JSON (``{"errors": [{"message": ...}]}``), in English, a body too large
  (413) included; unexpected failures are logged, never shown.
* A document may be sent by its SHA-256 (``persisted``), and a document seen before is
  neither parsed nor validated again (``documents``).
* A public answer is kept and served again from the shared cache, with ``ETag`` and
  ``Cache-Control`` for GET (``response_cache``).
"""

import functools
import json
import logging
import re

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import got_request_exception
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphql import (
    FragmentDefinitionNode,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
)
from graphql.validation import ValidationRule, specified_rules

from borg_learning.api.graphql import documents, persisted, response_cache
from borg_learning.api.graphql.graphiql import GraphiQLPage
from borg_learning.api.graphql.limits import query_length_error
from borg_learning.api.graphql.locales import locale_of
from borg_learning.api.vary import varies_on
from borg_learning.conf import learning_settings
from borg_learning.locales import LocaleError, use_locale
from borg_learning.sites import remember_generation

logger = logging.getLogger("borg_learning.api.graphql")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"
# What no database column can store: NUL, and halves of a surrogate pair (JSON allows both).
UNSTORABLE = re.compile(r"[\x00\ud800-\udfff]")
UNSTORABLE_MESSAGE = (
    "Text in a query or its variables may not contain NUL characters or unpaired surrogates."
)


def has_unstorable_text(value):
    """True when a string anywhere in a JSON value holds a character no database can store."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if UNSTORABLE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


class StorableTextRule(ValidationRule):
    """Refuses string literals that hold NUL or unpaired surrogates: no lookup could match
    them, and the database driver would fail on them."""

    def enter_string_value(self, node, *args):
        if UNSTORABLE.search(node.value):
            self.report_error(GraphQLError(UNSTORABLE_MESSAGE, node))


#: The validation rules of every document (the limits run apart; see ``documents``).
RULES = (*specified_rules, StorableTextRule)


class RequestError(Exception):
    """A request the server will not execute.

    ``graphql`` marks the errors of a well-formed request (a syntax or validation error,
    wrong variables, a limit): those are 400 only with graphql-response+json and 200 with
    application/json. A malformed request (not JSON, no query) is 400 with either.
    ``message`` is one message, or a list of them (each becomes an error of the answer);
    ``code`` goes in each error's ``extensions`` (``PERSISTED_QUERY_NOT_FOUND``).
    """

    def __init__(self, message, status=400, headers=None, graphql=False, code=None):
        self.messages = [message] if isinstance(message, str) else list(message)
        super().__init__("; ".join(self.messages))
        self.status, self.headers, self.graphql = status, headers or {}, graphql
        self.code = code


def body_too_large(limit):
    return RequestError(
        f"The request body is larger than {limit} bytes, the most this server accepts.",
        status=413,
    )


def accepted_media_type(request):
    """The response media type to use for the request's ``Accept``, or None when the
    client accepts neither (see ``media_type_for``)."""
    return media_type_for(request.META.get("HTTP_ACCEPT", ""))


@functools.lru_cache(maxsize=256)
def media_type_for(header: str):
    """The response media type for an ``Accept`` header (remembered per header: clients
    send few different ones), or None when the client accepts neither.

    The client's priorities (``q``) decide, and for each of our types the most specific
    matching range gives its priority. On a tie, a type the client names beats one it
    accepts only through a wildcard; named both, graphql-response+json wins; through
    wildcards only (``*/*``, as browsers' fetch and curl send), application/json does,
    as the GraphQL over HTTP spec asks for such legacy clients.
    """
    if not header.strip():
        return JSON
    ranges = {}
    for item in header.split(","):
        media_range, *params = [part.strip() for part in item.split(";")]
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media_range = media_range.lower()
        ranges[media_range] = max(quality, ranges.get(media_range, 0.0))

    def preference(media_type):
        """(priority, named by the client) of one of our types."""
        main = media_type.split("/")[0]
        for media_range in (media_type, f"{main}/*", "*/*"):
            if media_range in ranges:
                return ranges[media_range], media_range == media_type
        return 0.0, False

    ours, legacy = preference(GRAPHQL_RESPONSE), preference(JSON)
    if max(ours, legacy)[0] <= 0:
        return None
    if ours == legacy:
        return GRAPHQL_RESPONSE if ours[1] else JSON
    return GRAPHQL_RESPONSE if ours > legacy else JSON


def graphiql_enabled():
    setting = learning_settings.GRAPHIQL
    return settings.DEBUG if setting is None else setting


class GraphQLHTTPView(View):
    schema = None
    http_method_names = ["get", "post", "options"]

    @classmethod
    def as_view(cls, **initkwargs):
        """The view, exempt from CSRF checks once here (``method_decorator`` would wrap
        ``dispatch`` again on every request)."""
        return csrf_exempt(super().as_view(**initkwargs))

    def dispatch(self, request, *args, **kwargs):
        """Answers differ by ``Accept`` and by what resolvers read (``answer_varies_on``):
        a cache in between must not give one learner's GET answer to another."""
        response = self.answer(request)
        patch_vary_headers(response, ("Accept", *varies_on(request)))
        return response

    def answer(self, request):
        """Every answer but GraphiQL is JSON, also where Django would answer with an HTML
        page: a body too large, too many query parameters, a failure of our own."""
        media_type = accepted_media_type(request)
        try:
            if self.wants_graphiql(request):
                return GraphiQLPage.as_view(schema=self.schema, graphiql=True)(request)
            if media_type is None:
                raise RequestError(f"Accept {GRAPHQL_RESPONSE} or {JSON}.", status=406)
            if request.method not in ("GET", "POST"):
                raise RequestError("GraphQL requests use GET or POST.", 405, {"Allow": "GET, POST"})
            by_url = response_cache.Slot.of_url(request, self.schema, media_type)
            if by_url is not None and by_url.entry is not None:
                return response_cache.served(request, by_url)
            query, variables, operation_name = self.read_params(request)
            slot = response_cache.Slot.of(
                request, self.schema, media_type, query, variables, operation_name
            )
            if slot is not None and slot.entry is not None:
                return response_cache.served(request, slot)
            if slot is not None and by_url is not None:
                slot.aliases.append(by_url.key)
            if slot is not None:
                slot.start_sites_generation()
                remember_generation(request, slot.sites_generation)
            payload = self.execute(request, query, variables, operation_name)
        except RequestError as error:
            status = (
                200
                if (error.graphql and error.status == 400 and media_type == JSON)
                else error.status
            )
            return self.error_response(media_type or JSON, error, status)
        except TooManyFieldsSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            error = RequestError(
                f"The request has more than {limit} parameters, the most this server accepts."
            )
            return self.error_response(media_type or JSON, error, 400)
        except Exception:
            logger.exception("GraphQL request failed")
            got_request_exception.send(sender=type(self), request=request)
            error = RequestError("Internal server error.", status=500)
            return self.error_response(media_type or JSON, error, 500)
        response = self.respond(media_type, payload, 200)
        return response_cache.finish(request, response, payload, slot)

    def wants_graphiql(self, request):
        return (
            request.method == "GET"
            and graphiql_enabled()
            and "query" not in request.GET
            and "text/html" in request.headers.get("Accept", "")
        )

    def read_params(self, request):
        if request.method == "GET":
            params = request.GET
            variables = params.get("variables")
            if variables:
                try:
                    variables = json.loads(variables)
                except (ValueError, RecursionError):
                    raise RequestError("The variables parameter is not valid JSON.") from None
            extensions = params.get("extensions")
            if extensions:
                try:
                    extensions = json.loads(extensions)
                except (ValueError, RecursionError):
                    raise RequestError("The extensions parameter is not valid JSON.") from None
            extras = {
                "variables": variables,
                "operationName": params.get("operationName"),
                "extensions": extensions,
            }
            query = params.get("query")
        else:
            content_type = request.content_type or ""
            if content_type != JSON:
                raise RequestError(f"Send the request body as {JSON}.", status=415)
            try:
                body = json.loads(self.read_body(request) or b"null")
            except (ValueError, RecursionError):
                raise RequestError("The request body is not valid JSON.") from None
            if not isinstance(body, dict):
                raise RequestError("The request body must be a JSON object with a 'query'.")
            query, extras = body.get("query"), body
        if query is not None and not isinstance(query, str):
            raise RequestError("'query' must be a string.")
        try:
            query = persisted.resolve(query, extras.get("extensions"))
        except persisted.PersistedQueryError as error:
            # A malformed ``extensions`` is a malformed request; an unknown hash is answered
            # as Apollo's clients expect, like a query that cannot run.
            malformed = error.code == persisted.BAD_REQUEST
            raise RequestError(error.message, graphql=not malformed, code=error.code) from None
        if not isinstance(query, str) or not query.strip():
            raise RequestError("The request has no 'query' string.")
        variables, operation_name = extras.get("variables"), extras.get("operationName")
        if variables is not None and not isinstance(variables, dict):
            raise RequestError("'variables' must be a JSON object.")
        if operation_name is not None and not isinstance(operation_name, str):
            raise RequestError("'operationName' must be a string.")
        return query, variables, operation_name

    def read_body(self, request):
        """The request body; one over DATA_UPLOAD_MAX_MEMORY_SIZE is refused with 413, by its
        Content-Length before it is read, or by Django while reading it."""
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise RequestError("The Content-Length header is not a number.") from None
        if limit is not None and length > limit:
            raise body_too_large(limit)
        try:
            return request.body
        except RequestDataTooBig:
            raise body_too_large(limit) from None

    def execute(self, request, query, variables, operation_name):
        too_long = query_length_error(query)
        if too_long:
            raise RequestError(too_long, graphql=True)
        schema = self.schema.graphql_schema
        try:
            document = documents.checked(schema, query, variables or {}, RULES)
        except documents.DocumentError as error:
            raise RequestError(error.messages, graphql=True) from None
        if variables and has_unstorable_text(variables):
            raise RequestError(UNSTORABLE_MESSAGE, graphql=True)
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            raise RequestError(
                "Name the operation to run with 'operationName'."
                if operation_name is None
                else f"There is no operation named '{operation_name}'.",
                graphql=True,
            )
        if request.method == "GET" and operation.operation != OperationType.QUERY:
            raise RequestError(
                "Only queries may be sent with GET; use POST.", 405, {"Allow": "POST"}
            )
        if operation.operation != OperationType.QUERY:
            response_cache.never_cache(request)
        try:
            fragments = {
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
            use_locale(request, locale_of(operation, variables, fragments))
        except LocaleError as error:
            raise RequestError(str(error), graphql=True) from None
        result = execute(
            schema,
            document,
            context_value=request,
            variable_values=variables,
            operation_name=operation_name,
        )
        if result.data is None and result.errors and all(e.path is None for e in result.errors):
            raise RequestError([error.message for error in result.errors], graphql=True)
        payload = {"data": result.data}
        if result.errors:
            payload["errors"] = [self.format_error(error) for error in result.errors]
        return payload

    def format_error(self, error):
        original = error.original_error
        if original is not None and not isinstance(original, GraphQLError):
            logger.exception("Error while resolving %s", error.path, exc_info=original)
            return {
                "message": "Internal server error.",
                "path": error.path,
                "locations": [loc._asdict() for loc in error.locations or []],
            }
        return error.formatted

    def respond(self, media_type, payload, status, headers=None):
        response = HttpResponse(
            json.dumps(payload, cls=DjangoJSONEncoder),
            status=status,
            content_type=f"{media_type}; charset=utf-8",
        )
        for name, value in (headers or {}).items():
            response[name] = value
        return response

    def error_response(self, media_type, error, status):
        extensions = {"extensions": {"code": error.code}} if error.code else {}
        return self.respond(
            media_type,
            {"errors": [{"message": message, **extensions} for message in error.messages]},
            status,
            error.headers,
        )
