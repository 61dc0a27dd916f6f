"""``/learning/packages/``: what a package's launcher asks this site, from the LMS's page.

* ``start/``: the package's key and the learner token the LMS kept for this learner (or
  none) → a learner token (the same one while it is valid, else a new learner's) and the
  address to open: the target's page in the frontend with the token in the fragment, as
  an LTI launch opens it.
* ``status/``: the package's key and the learner token → whether the learner completed
  the target, and the score where it has exercises.

The launcher runs on the LMS's origin, so the answers allow any origin; the body is
JSON sent as ``text/plain``, which needs no CORS preflight. Nothing here reads or sets a
cookie: the token in the body is the learner's only key, as in the learners' API. A
refused request gets ``{"error": "...", "code": "..."}`` (English) with 400, 404, 413 or
429 and stores nothing; the codes: ``bad_request``, ``not_published`` (the target),
``unknown_learner``, ``rate_limited``.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from borg_learning import throttling
from borg_learning.conf import learning_settings
from borg_learning.learners import identity
from borg_learning.learners.models import Learner
from borg_learning.lms import grading, launching
from borg_learning.lms.models import TargetKind
from borg_learning.lms.packages.exporting import target_of_key
from borg_learning.lms.views import FRAGMENT_NAME

MAX_BODY_BYTES = 2048


class Refused(Exception):
    def __init__(self, message, status=400, code="bad_request"):
        super().__init__(message)
        self.message, self.status, self.code = message, status, code


def answer(data: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "no-store"
    return response


def preflight() -> HttpResponse:
    """For a launcher that sends ``application/json`` after all."""
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "POST"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    response["Access-Control-Max-Age"] = "86400"
    return response


def read(request) -> dict:
    # The declared length first: Django refuses to read a body above
    # DATA_UPLOAD_MAX_MEMORY_SIZE with its own HTML page.
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES or len(request.body) > MAX_BODY_BYTES:
        raise Refused(f"The body is larger than {MAX_BODY_BYTES} bytes.", 413)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Refused('Send a JSON object: {"package": ..., "learner": ...}.') from None
    if not isinstance(data, dict) or not isinstance(data.get("package"), str):
        raise Refused('Send a JSON object with the package\'s key: {"package": ...}.')
    return data


def target_of(request, data):
    target = target_of_key(request, data["package"])
    if target is None:
        raise Refused(
            "This package's module, part or route is not (or no longer) published, or the "
            "package was not exported by this site.",
            404,
            "not_published",
        )
    return target


def endpoint(handle):
    """A launcher's endpoint: POST (and its preflight), the refusals as JSON."""

    @csrf_exempt  # no cookie is read: the learner token in the body is the key
    @require_http_methods(["POST", "OPTIONS"])
    def view(request):
        if request.method == "OPTIONS":
            return preflight()
        try:
            return answer(handle(request, read(request)))
        except Refused as refused:
            return answer({"error": refused.message, "code": refused.code}, refused.status)

    view.__name__ = handle.__name__
    view.__doc__ = handle.__doc__
    return view


@endpoint
def start(request, data):
    """The learner to go on with (a new one when the LMS kept no valid token) and where."""
    target = target_of(request, data)
    token = data.get("learner")
    learner = identity.learner_of_token(token)
    if learner is None:
        if not throttling.allow(request, "learner-new", learning_settings.NEW_LEARNER_RATE_LIMIT):
            raise Refused(
                "Too many new learners from this address; try again within an hour.",
                429,
                "rate_limited",
            )
        learner = Learner.objects.create()
        token = identity.issue_token(learner)
    else:
        identity.seen_today(learner)
    return {
        "learner": token,
        "title": target.title,
        "url": f"{target.url}#{FRAGMENT_NAME}={token}",
    }


@endpoint
def status(request, data):
    """Whether the learner completed the target, with the exercises' score if it has them."""
    target = target_of(request, data)
    learner = identity.learner_of_token(data.get("learner"))
    if learner is None:
        raise Refused(
            "The learner token names no learner (forgotten, merged into an account, or never "
            "made).",
            404,
            "unknown_learner",
        )
    completed = launching.already_completed(learner, target)
    score = None
    if completed and target.kind == TargetKind.PAGE and target.module_id:
        judged = grading.exercise_score(learner, target.module_id, target.id)
        if judged:
            right, maximum = judged
            score = {"raw": right, "max": maximum, "scaled": round(right / maximum, 4)}
    return {"completed": completed, "score": score}
