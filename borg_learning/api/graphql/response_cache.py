"""Whole answers of public GraphQL queries, kept in the shared cache.

An answer is kept when it is the same for anyone who asks: a query (never a mutation)
answered with 200 and no errors, that read no learner token, no session and no preview
token. It is kept as its bytes, under a key of everything else it depends on: the
document's SHA-256, the variables (canonical JSON), the operation's name, the response
media type, the active language, the host the request came to (which picks the Wagtail
site), and the schema and settings the process runs with (so a deploy never serves an
old shape). A repeated request is answered from those bytes without SQL.

Who may be served a kept answer, and whose answer is kept:

* A request with a session cookie or an ``Authorization`` header is neither served nor
  kept: a signed-in user may see pages behind a view restriction.
* A request with a learner token is served a kept answer: that answer read no token (it
  would not have been kept), so the learner's own execution would give the same bytes.
  Its own answer is kept only when no resolver read the token (``varies_on`` names what
  resolvers read). Refusing every request with a token would switch the cache off for
  every learner, since the frontend sends its token with every request.
* A page asked for by ``previewToken`` (a draft) is never kept: its resolver says so.
* A resolver whose answer is someone's own or counted per client (a certificate check
  with its rate limit, an evaluation's follow-up) calls ``never_cache(request)``.
* An answer with errors is not kept: an error may be about this client (a rate limit) or
  a passing failure, and a 5xx is never an answer of 200.

Invalidation is one content generation for all answers, part of each kept entry: any
change that can alter a public answer (``content_changed``, connected in
``connect_signals``) moves it on, and every kept answer is stale at once. That is never
stale and simple; a finer scheme would have to know which rows an answer showed, and
editors publish rarely compared with how often pages are read. The generation moves
when the change is made (so a request in the same transaction, as in tests, sees it)
and again after the commit (so an answer computed from the old rows between the two
is not kept). A generation missing from the cache (cleared, evicted) starts again from
the clock, so an old entry can never match it.

A second, narrower generation moves only when a Wagtail site is saved or deleted or a
page is moved (``sites_changed``): the sites a process found for a host stay valid as
long as it lasts (``borg_learning.sites``), so an answer computed after a publish does
not look its site up again. It is read in the same round trip as the other.

Answers also depend on the clock (a page's expiry, challenges and offers by date, a
follow-up's due date): ``GRAPHQL_RESPONSE_CACHE_TIMEOUT`` bounds how long one is kept.

Over HTTP, a public answer to a GET carries ``Cache-Control: public, max-age=…``
(``GRAPHQL_CACHE_CONTROL_MAX_AGE``, short: a browser or CDN cannot be told of a change)
and an ``ETag``; ``If-None-Match`` with it gets 304. An answer that read a learner token,
a session or a preview token carries ``Cache-Control: private, no-store``. With the
cache on, ``X-Cache`` says ``HIT``, ``MISS`` (answered and kept) or ``BYPASS`` (not
kept), for operators and tests.
"""

import hashlib
import json
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import parse_etags, quote_etag
from wagtail import hooks
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

import borg_learning
from borg_learning.api.graphql.documents import sha256
from borg_learning.api.vary import varies_on
from borg_learning.conf import learning_settings

logger = logging.getLogger(__name__)

GENERATION_KEY = "borg_learning:graphql:generation"
SITES_GENERATION_KEY = "borg_learning:graphql:sites-generation"
ENTRY_PREFIX = "borg_learning:graphql:answer:"
NEVER_CACHE_ATTRIBUTE = "_borg_learning_never_cache"
#: Request headers that may identify someone to a resolver; the learner token is not one
#: of them (see the module's docstring).
PRIVATE_HEADERS = ("Authorization",)
#: Models of the core app whose rows no public answer shows (learners' own, counted).
PRIVATE_CORE_MODELS = {"pagevisitday", "response", "answer"}


def cache():
    """The cache that keeps answers, or None when the response cache is off."""
    alias = learning_settings.GRAPHQL_RESPONSE_CACHE
    return caches[alias] if alias else None


def never_cache(request) -> None:
    """Say that this request's answer is its own: it is neither kept nor shared."""
    setattr(request, NEVER_CACHE_ATTRIBUTE, True)


def signed_in(request) -> bool:
    """True when the request may identify a user: a session cookie or Authorization."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or any(
        name in request.headers for name in PRIVATE_HEADERS
    )


# --- Keys ---------------------------------------------------------------------------------

_schema_tags = {}
_deploy_tags = {}


#: Django and Wagtail settings that change what answers say (URLs of files, languages,
#: the frontend's and the preview's addresses).
ANSWER_SETTINGS = (
    "MEDIA_URL",
    "STATIC_URL",
    "LANGUAGE_CODE",
    "LANGUAGES",
    "WAGTAIL_I18N_ENABLED",
    "WAGTAILADMIN_BASE_URL",
    "WAGTAILDOCS_SERVE_METHOD",
    "WAGTAIL_HEADLESS_PREVIEW",
)


def deploy_tag(schema) -> str:
    """The app's version, the schema's SDL, the package settings and the Django and
    Wagtail settings answers depend on, hashed once per process (the settings again when
    a test changes them): a deploy that changes any of them never serves an answer of
    before."""
    tag = _deploy_tags.get(schema)
    if tag is None:
        shape = _schema_tags.get(schema)
        if shape is None:
            text = f"{borg_learning.__version__}\n{schema}"
            shape = _schema_tags[schema] = hashlib.sha256(text.encode()).hexdigest()
        with translation.override(None):  # lazy labels as their source text
            configured = json.dumps(
                [
                    learning_settings.user_settings,
                    {name: getattr(settings, name, None) for name in ANSWER_SETTINGS},
                ],
                sort_keys=True,
                default=str,
            )
        text = f"{shape}\n{configured}"
        tag = _deploy_tags[schema] = hashlib.sha256(text.encode()).hexdigest()[:16]
    return tag


def entry_key(request, schema, media_type, query, variables, operation_name) -> str:
    return _key(
        request,
        schema,
        media_type,
        sha256(query),
        json.dumps(variables or {}, sort_keys=True, separators=(",", ":")),
        operation_name or "",
    )


def url_key(request, schema, media_type) -> str:
    """The key of a GET by its query string as sent: a repeated GET is served before its
    parameters are even read (the same answer is also kept under ``entry_key``)."""
    return _key(request, schema, media_type, "GET", request.META.get("QUERY_STRING", ""))


def _key(request, schema, media_type, *request_parts) -> str:
    host = (request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")).lower()
    parts = (
        deploy_tag(schema),
        media_type,
        translation.get_language() or "",
        request.scheme,
        host,
        *request_parts,
    )
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return ENTRY_PREFIX + digest


# --- Generation ---------------------------------------------------------------------------


def new_generation() -> int:
    """A generation no entry can hold yet: the clock in nanoseconds."""
    return time.time_ns()


def bump_generation(key: str = GENERATION_KEY) -> None:
    """Make every kept answer stale (or, with ``SITES_GENERATION_KEY``, every site a
    process found)."""
    try:
        store = cache()
        if store is None:
            return
        try:
            store.incr(key)
        except ValueError:  # not there: start again from the clock
            store.set(key, new_generation(), None)
    except Exception:
        logger.exception("The GraphQL response cache could not be invalidated")


def bump_sites_generation() -> None:
    bump_generation(SITES_GENERATION_KEY)


def sites_changed(**kwargs) -> None:
    """Receiver of a change of a site or of where pages are (a move): now and after the
    commit, as ``content_changed``."""
    if kwargs.get("raw"):
        return
    bump_sites_generation()
    transaction.on_commit(bump_sites_generation, using=kwargs.get("using"), robust=True)


def content_changed(**kwargs) -> None:
    """Receiver of every change that can alter a public answer: the generation moves now
    and again after the commit (see the module's docstring)."""
    if kwargs.get("raw"):
        return  # loading fixtures: no answer can be kept from before
    bump_generation()
    transaction.on_commit(bump_generation, using=kwargs.get("using"), robust=True)


# --- Lookup and keeping -------------------------------------------------------------------


class Slot:
    """Where one request's answer is looked up and kept: its key, and the generation read
    before anything was executed."""

    def __init__(self, store, key, generation, entry, sites_generation=None):
        self.store, self.key, self.generation, self.entry = store, key, generation, entry
        #: The generation of the sites (see the module's docstring), None when unknown.
        self.sites_generation = sites_generation
        #: More keys the answer is kept under (a GET's ``url_key``).
        self.aliases = []

    @classmethod
    def of(cls, request, schema, media_type, query, variables, operation_name):
        """The request's slot, with the kept entry if there is a fresh one; None when the
        cache is off or the request may not share answers. One round trip to the cache."""
        if request.method not in ("GET", "POST"):
            return None
        return cls.lookup(
            request, entry_key(request, schema, media_type, query, variables, operation_name)
        )

    @classmethod
    def of_url(cls, request, schema, media_type):
        """The slot of a GET by its query string as sent (``url_key``), or None."""
        if request.method != "GET" or not request.META.get("QUERY_STRING"):
            return None
        return cls.lookup(request, url_key(request, schema, media_type))

    @classmethod
    def lookup(cls, request, key):
        store = cache()
        if store is None or signed_in(request):
            return None
        try:
            found = store.get_many([GENERATION_KEY, SITES_GENERATION_KEY, key])
        except Exception:  # a cache out of reach: answer without it
            logger.exception("The GraphQL response cache could not be read")
            return None
        generation = found.get(GENERATION_KEY)
        entry = found.get(key)
        if entry is not None and entry[0] != generation:
            entry = None
        return cls(store, key, generation, entry, found.get(SITES_GENERATION_KEY))

    def start_sites_generation(self) -> None:
        """Start the sites' generation when the cache has none (new, emptied): this
        request then finds its site as always, the next ones under the new generation."""
        if self.sites_generation is None:
            try:
                self.store.add(SITES_GENERATION_KEY, new_generation(), None)
            except Exception:
                logger.exception("The GraphQL response cache could not be written")

    def keep(self, response: HttpResponse) -> None:
        """Keep the answer under the generation read before it was computed. Without one
        then (none yet, or emptied), a new one is made now; if a change made one first,
        the answer may be of before it and is not kept."""
        etag = response.get("ETag", "")
        try:
            if self.generation is None:
                self.generation = new_generation()
                if not self.store.add(GENERATION_KEY, self.generation, None):
                    return
            entry = (self.generation, response.content, response["Content-Type"], etag)
            self.store.set_many(
                dict.fromkeys([self.key, *self.aliases], entry),
                learning_settings.GRAPHQL_RESPONSE_CACHE_TIMEOUT,
            )
        except Exception:
            logger.exception("The GraphQL response cache could not keep an answer")

    def kept_response(self) -> HttpResponse:
        _generation, content, content_type, etag = self.entry
        response = HttpResponse(content, content_type=content_type)
        if etag:
            response["ETag"] = etag
        return response


def private(request) -> bool:
    """True when the answer read something of this requester: a header a resolver named
    besides ``Accept``, the session, or a resolver said so (``never_cache``)."""
    return (
        bool(varies_on(request))
        or getattr(request, NEVER_CACHE_ATTRIBUTE, False)
        or signed_in(request)
    )


def cache_control() -> str:
    max_age = learning_settings.GRAPHQL_CACHE_CONTROL_MAX_AGE
    return f"public, max-age={max_age}" if max_age else "no-cache"


def finish(request, response: HttpResponse, payload, slot: Slot | None) -> HttpResponse:
    """Mark an executed answer of 200 as public or private, and keep it when it is public."""
    if private(request):
        response["Cache-Control"] = "private, no-store"
        public = False
    else:
        public = not payload.get("errors")
    if public:
        response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        if request.method == "GET":
            response["Cache-Control"] = cache_control()
    if slot is not None:
        if public:
            slot.keep(response)
        response["X-Cache"] = "MISS" if public else "BYPASS"
    return conditional(request, response)


def served(request, slot: Slot) -> HttpResponse:
    """The kept answer, as a response of 200 (or 304)."""
    response = slot.kept_response()
    if request.method == "GET":
        response["Cache-Control"] = cache_control()
    response["X-Cache"] = "HIT"
    return conditional(request, response)


def conditional(request, response: HttpResponse) -> HttpResponse:
    """304 without a body for a GET whose ``If-None-Match`` names the answer's ETag."""
    etag = response.get("ETag")
    if request.method != "GET" or not etag or "If-None-Match" not in request.headers:
        return response
    wanted = parse_etags(request.headers["If-None-Match"])
    if "*" not in wanted and etag.removeprefix("W/") not in [
        tag.removeprefix("W/") for tag in wanted
    ]:
        return response
    not_modified = HttpResponseNotModified()
    for header in ("ETag", "Cache-Control", "X-Cache"):
        if header in response:
            not_modified[header] = response[header]
    return not_modified


# --- What changes answers ------------------------------------------------------------------


def content_models() -> tuple:
    """Models of other apps whose changes alter public answers: sub-apps name theirs with
    the hook ``register_response_cache_models`` (a function returning a list of models)."""
    return tuple(
        model for hook in hooks.get_hooks("register_response_cache_models") for model in hook()
    )


def shows_in_answers(model) -> bool:
    """True when a row of ``model`` can appear in, or decide, a public answer."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Locale,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtailmedia.models import get_media_model

    if issubclass(
        model, (Page, Site, Collection, PageViewRestriction, CollectionViewRestriction, Locale)
    ):
        return True
    if issubclass(model, (get_image_model(), get_document_model(), get_media_model())):
        return True
    if apps.is_installed("wagtail.contrib.settings"):
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

        if issubclass(model, (BaseGenericSetting, BaseSiteSetting)):
            return True
    meta = model._meta
    if meta.app_label == "borg_learning" and meta.model_name not in PRIVATE_CORE_MODELS:
        return True
    return issubclass(model, content_models())


_shown = {}


def shown(model) -> bool:
    if model not in _shown:
        _shown[model] = shows_in_answers(model)
    return _shown[model]


#: Fields Wagtail fills in on an image or document the first time an answer asks for
#: them: saving them changes no answer (the answer that asked shows them already).
DERIVED_FIELDS = frozenset({"file_size", "file_hash"})

#: Fields a draft, a lock or a comment of a page or snippet saves: the live content
#: answers show stays as it was (publishing says so itself).
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
    }
)

UNSHOWN_FIELDS = DERIVED_FIELDS | DRAFT_FIELDS


def saved_or_deleted(sender, update_fields=None, **kwargs) -> None:
    if issubclass(sender, Site):
        sites_changed(**kwargs)
    if update_fields and UNSHOWN_FIELDS.issuperset(update_fields):
        return
    if shown(sender):
        content_changed(**kwargs)


def relation_changed(sender, instance, action, model=None, **kwargs) -> None:
    """A view restriction's groups, a page's or offer's tags and the like."""
    if action.startswith("post_") and (shown(type(instance)) or (model and shown(model))):
        content_changed(**kwargs)


def settings_changed(*, setting, **kwargs) -> None:
    """Tests change settings; a process started with other settings has another deploy tag."""
    _shown.clear()
    if setting == "CACHES":
        return  # another cache: it holds no answers of this one
    if setting == "BORG_LEARNING" or setting in ANSWER_SETTINGS:
        _deploy_tags.clear()
    bump_generation()


def connect_signals() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"response_cache_{id(signal)}")
    post_page_move.connect(sites_changed, dispatch_uid="response_cache_sites_move")
    post_save.connect(saved_or_deleted, dispatch_uid="response_cache_saved")
    post_delete.connect(saved_or_deleted, dispatch_uid="response_cache_deleted")
    m2m_changed.connect(relation_changed, dispatch_uid="response_cache_relation")
    setting_changed.connect(settings_changed, dispatch_uid="response_cache_settings")
