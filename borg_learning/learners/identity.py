"""Who a request is: a learner token in the ``X-Learner-Token`` header, or the signed-in user.

The token is made by the server (``secrets.token_urlsafe(32)``), handed out once, and kept
by the frontend (in ``localStorage``); only its SHA-256 is stored. It travels in a header,
never in a cookie, so a page of another site cannot send it along (no CSRF). A signed-in
user (a request with Django's session cookie, see ``visibility.signed_in_user``) has one
learner of their own; a request that is signed in and carries the token of an anonymous
learner merges that learner's progress into the user's, in one transaction, and deletes
the anonymous learner with its tokens.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from borg_learning.api.references import References
from borg_learning.api.vary import answer_varies_on
from borg_learning.learners import completion
from borg_learning.learners.models import BlockProgress, Completion, Learner, LearnerToken
from borg_learning.learners.signals import learners_merged
from borg_learning.visibility import signed_in_user

HEADER = "X-Learner-Token"
# What secrets.token_urlsafe(32) makes: 43 characters of the URL-safe base64 alphabet.
TOKEN_FORMAT = re.compile(r"[A-Za-z0-9_-]{43}")
REQUEST_ATTRIBUTE = "_borg_learning_learner_identity"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """The stored form of a token. A plain SHA-256: the token is 256 random bits, so the
    hash cannot be turned back, and rotating ``SECRET_KEY`` keeps every learner."""
    return hashlib.sha256(token.encode()).hexdigest()


def learner_of_token(token) -> Learner | None:
    """The learner a token names; None for a malformed, forged, forgotten or merged one."""
    if not isinstance(token, str) or not TOKEN_FORMAT.fullmatch(token):
        return None
    found = LearnerToken.objects.filter(digest=token_digest(token)).select_related("learner")
    found = found.first()
    return found.learner if found else None


def issue_token(learner: Learner) -> str:
    """A new token for ``learner``; the caller hands it out once."""
    token = new_token()
    LearnerToken.objects.create(learner=learner, digest=token_digest(token))
    return token


@dataclass
class Identity:
    """What a request says about its learner, read without writing anything."""

    user: object | None = None
    #: The token the request sent, if any (stripped).
    token: str | None = None
    #: The learner that token belongs to; None for a forged, forgotten or merged token.
    token_learner: Learner | None = None
    #: The signed-in user's learner, once looked up.
    user_learner: Learner | None = None

    @property
    def unknown_token(self) -> bool:
        return bool(self.token) and self.token_learner is None

    @property
    def merge_source(self) -> Learner | None:
        """The anonymous learner a signed-in request's token names: merged into the
        user's learner on this request."""
        if self.user is None or self.token_learner is None:
            return None
        return self.token_learner if self.token_learner.is_anonymous else None

    @property
    def token_retired(self) -> bool:
        """True when the frontend should forget the token it sent: signed in, the token
        is not the user's own (it was merged, or is unknown or another account's)."""
        if self.user is None or not self.token:
            return False
        return self.token_learner is None or self.token_learner.user_id != self.user.pk

    @property
    def learner(self) -> Learner | None:
        """The learner this request reads: the user's, else the token's."""
        if self.user is not None:
            return self.user_learner
        return self.token_learner


def request_token(request: HttpRequest) -> str | None:
    return (request.headers.get(HEADER) or "").strip() or None


def identify(request: HttpRequest) -> Identity:
    """The request's ``Identity``, looked up once per request: one query for a token,
    one for a signed-in user's learner."""
    identity = getattr(request, REQUEST_ATTRIBUTE, None)
    if identity is None:
        answer_varies_on(request, HEADER)
        identity = Identity(user=signed_in_user(request), token=request_token(request))
        if identity.token:
            identity.token_learner = learner_of_token(identity.token)
        if identity.user is not None:
            if identity.token_learner is not None and identity.token_learner.user_id == (
                identity.user.pk
            ):
                identity.user_learner = identity.token_learner
            else:
                identity.user_learner = Learner.objects.filter(user=identity.user).first()
        setattr(request, REQUEST_ATTRIBUTE, identity)
    return identity


def forget_identity(request: HttpRequest) -> None:
    """Look the identity up again on the next ``identify`` (after a write changed it)."""
    if hasattr(request, REQUEST_ATTRIBUTE):
        delattr(request, REQUEST_ATTRIBUTE)


def lock(learner_id: int) -> Learner | None:
    """The learner's row, locked until the transaction ends (``SELECT ... FOR UPDATE``):
    the requests of one learner write one after the other. None when it was deleted."""
    return Learner.objects.select_for_update().filter(pk=learner_id).first()


def user_learner(user) -> Learner:
    """The signed-in user's learner, made on first use; safe when two first requests race."""
    try:
        with transaction.atomic():
            learner, _created = Learner.objects.get_or_create(user=user)
    except IntegrityError:
        learner = Learner.objects.get(user=user)
    return learner


def seen_today(learner: Learner) -> None:
    """Move ``last_seen`` to today, at most one write a day."""
    today = timezone.localdate()
    if learner.last_seen < today:
        Learner.objects.filter(pk=learner.pk, last_seen__lt=today).update(last_seen=today)
        learner.last_seen = today


def locked_learner(identity: Identity, references: References) -> Learner | None:
    """Inside a transaction: the request's learner, locked, or None when there is none
    (no token and no session, or a token of a learner that is gone). For a signed-in user
    their learner is made when missing, and an anonymous learner named by the request's
    token is merged into it."""
    if identity.user is not None:
        target = identity.user_learner or user_learner(identity.user)
        source = identity.merge_source
        if source is not None:
            locked = {pk: lock(pk) for pk in sorted([target.pk, source.pk])}
            if locked[target.pk] is None:  # deleted by a concurrent forgetMe
                target = user_learner(identity.user)
            if locked[source.pk] is not None:
                merge(locked[source.pk], target, references)
        # Made again if a concurrent request deleted it (forgetMe) in the meantime.
        learner = lock(target.pk) or lock(user_learner(identity.user).pk)
    elif identity.token_learner is not None:
        learner = lock(identity.token_learner.pk)
    else:
        return None
    if learner is not None:
        seen_today(learner)
    return learner


def merge(source: Learner, target: Learner, references: References) -> list[int]:
    """Move everything of ``source`` (anonymous) to ``target`` and delete ``source``; both
    rows must be locked. The union of their progress is kept, the earliest completion of
    a block or page wins, and pages that only the union completes are completed now (and
    announced). Returns the ids of those pages."""
    theirs = list(BlockProgress.objects.filter(learner=source))
    ours = {
        (row.page_id, row.block_id): row
        for row in BlockProgress.objects.filter(
            learner=target, page_id__in={row.page_id for row in theirs}
        )
    }
    # Pages both learners worked on: the union of their blocks may complete them.
    shared_pages = {page_id for page_id, _block in ours}
    both = {(row.page_id, row.module_id) for row in theirs if row.page_id in shared_pages}
    moved = []
    for row in theirs:
        mine = ours.get((row.page_id, row.block_id))
        if mine is None:
            moved.append(row.pk)
        else:
            _combine(mine, row)
    BlockProgress.objects.filter(pk__in=moved).update(learner=target)

    their_completions = list(Completion.objects.filter(learner=source))
    our_completions = {
        done.page_id: done
        for done in Completion.objects.filter(
            learner=target, page_id__in={done.page_id for done in their_completions}
        )
    }
    moved = []
    for done in their_completions:
        mine = our_completions.get(done.page_id)
        if mine is None:
            moved.append(done.pk)
        elif done.completed_at < mine.completed_at:
            mine.completed_at = done.completed_at
            mine.save(update_fields=["completed_at"])
    Completion.objects.filter(pk__in=moved).update(learner=target)
    # Parts completed on either side may now complete their modules together.
    both |= {(done.page_id, done.module_id) for done in their_completions if not done.is_module}

    learners_merged.send(sender=Learner, source=source, target=target)
    source.delete()
    return _complete_after_merge(target, both, references)


def _combine(mine: BlockProgress, theirs: BlockProgress) -> None:
    """One block's progress from two learners: the earliest completion (with its answer)
    wins, the most played counts, the latest change is the row's time."""
    if theirs.completed_at and (
        mine.completed_at is None or theirs.completed_at < mine.completed_at
    ):
        mine.completed_at = theirs.completed_at
        mine.answer, mine.text = theirs.answer, theirs.text
    if theirs.played is not None and (mine.played is None or theirs.played > mine.played):
        mine.played = theirs.played
    mine.updated_at = max(mine.updated_at, theirs.updated_at)
    mine.save(update_fields=["completed_at", "answer", "text", "played", "updated_at"])


def _complete_after_merge(target, pages, references) -> list[int]:
    if not pages:
        return []
    loaded = {
        page.pk: page
        for page in references.visibility.pages(
            Page.objects.filter(pk__in={page_id for page_id, _ in pages})
        ).specific()
    }
    newly = []
    for page_id, module_id in sorted(pages):
        page = loaded.get(page_id)
        if isinstance(page, completion.tracked_page_types()):
            newly += completion.evaluate(target, page, module_id, references)
    return newly
