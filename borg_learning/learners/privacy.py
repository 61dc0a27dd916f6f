"""A learner's right to see and delete what is kept about them.

``export()`` is everything stored for the request's learner, as plain data (for a
download as JSON); ``forget()`` deletes the learner and, through the foreign keys,
everything of theirs at once: tokens, transfer codes, progress and completions.

Other features add their rows to the export with the Wagtail hook
``register_learner_export``: a function of the learner and the request's ``References``
returning a dict of more top-level keys (snake_case; the JSON download has them in
camelCase).
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page

from borg_learning.api.references import References
from borg_learning.learners import identity
from borg_learning.learners.models import BlockKind, Learner
from borg_learning.learners.progress import known_learner, no_learner, own_learner


def forget(request: HttpRequest) -> int:
    """Delete every learner the request names (the signed-in user's, and the anonymous
    one of its token); how many. Raises ``LearnerError`` when it names none."""
    who = known_learner(request)
    ids = set()
    if who.user_learner is not None:
        ids.add(who.user_learner.pk)
    token_learner = who.token_learner
    if token_learner is not None and (
        who.user is None or token_learner.is_anonymous or token_learner.user_id == who.user.pk
    ):
        ids.add(token_learner.pk)
    if not ids:
        if who.user is not None:
            return 0  # signed in, nothing stored yet: nothing to forget
        raise no_learner()
    with transaction.atomic():
        deleted, _by_model = Learner.objects.filter(pk__in=ids).delete()
    identity.forget_identity(request)
    return len(ids) if deleted else 0


def export(request: HttpRequest, references: References | None = None) -> dict:
    """Everything stored for the request's learner (after merging an anonymous learner
    into a signed-in user's), with the titles of the pages the request may still see."""
    references = references or References.of(request)
    with own_learner(request, references) as learner:
        data = learner_data(learner, references)
    return data


def learner_data(learner: Learner, references: References) -> dict:
    progress = list(learner.block_progress.order_by("updated_at", "pk"))
    completions = list(learner.completions.order_by("completed_at", "pk"))
    page_ids = {row.page_id for row in progress} | {row.page_id for row in completions}
    titles = dict(
        references.visibility.pages(Page.objects.filter(pk__in=page_ids)).values_list("pk", "title")
    )
    data = {
        "exported_at": timezone.now(),
        "learner": {
            "created_at": learner.created_at,
            "last_seen": learner.last_seen,
            "signed_in": not learner.is_anonymous,
        },
        "devices": [
            {"created_at": token.created_at} for token in learner.tokens.order_by("created_at")
        ],
        "transfer_codes": [
            {"created_at": code.created_at, "expires_at": code.expires_at}
            for code in learner.transfer_codes.order_by("created_at")
        ],
        "progress": [
            {
                "page": str(row.page_id),
                "page_title": titles.get(row.page_id),
                "module": str(row.module_id) if row.module_id else None,
                "block": row.block_id or None,
                "kind": BlockKind(row.kind).name,
                "played": row.played,
                "answer": list(row.answer or []),
                "text": row.text or None,
                "completed_at": row.completed_at,
                "updated_at": row.updated_at,
            }
            for row in progress
        ],
        "completions": [
            {
                "page": str(done.page_id),
                "page_title": titles.get(done.page_id),
                "module": str(done.module_id) if done.module_id else None,
                "whole_module": done.is_module,
                "completed_at": done.completed_at,
            }
            for done in completions
        ],
    }
    for hook in hooks.get_hooks("register_learner_export"):
        data.update(hook(learner, references))
    return data


def camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda match: match.group(1).upper(), name)


def camel_keys(value):
    if isinstance(value, dict):
        return {camel(key): camel_keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [camel_keys(item) for item in value]
    return value


def as_json(data: dict) -> str:
    """The export as the file a learner downloads: JSON with the API's camelCase names."""
    return json.dumps(camel_keys(data), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
