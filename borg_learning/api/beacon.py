"""``POST /api/visits/``: count a page visit sent with ``navigator.sendBeacon``.

``sendBeacon(url, JSON.stringify({page: 12}))`` posts the string as ``text/plain``, which
needs no CORS preflight; ``application/json`` is accepted too. The answer is ``204``
whether the visit counted or was deliberately not counted (a bot, a preview, a page that
is not a published learning page, a client whose visit to the page already counted
today), and ``400`` with a JSON message for a body that is not such an object. A beacon
from a browser page of another site (an ``Origin`` that is neither the site's own nor an
allowed frontend's, ``visits.origin_allowed``) is refused with ``403`` and counts
nothing. The view never reads or sets a cookie and keeps nothing about the visitor.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from borg_learning.analytics.visits import origin_allowed, record_visit

MAX_BODY_BYTES = 1024
CONTENT_TYPES = ("text/plain", "application/json")


class BadBeacon(Exception):
    def __init__(self, message, status=400):
        super().__init__(message)
        self.message, self.status = message, status


def read_beacon(request):
    """``(page id, preview)`` from the body, or ``BadBeacon`` saying what is wrong."""
    # The declared length is checked before the body is read: Django refuses to read a
    # body above DATA_UPLOAD_MAX_MEMORY_SIZE with its own HTML page.
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise BadBeacon(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    if not request.body:
        raise BadBeacon('The body is empty; send {"page": <page id>}.')
    if (request.content_type or "") not in CONTENT_TYPES:
        raise BadBeacon("Send the visit as text/plain or application/json.", status=415)
    body = request.body
    if len(body) > MAX_BODY_BYTES:
        raise BadBeacon(f"The body is larger than {MAX_BODY_BYTES} bytes.", status=413)
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BadBeacon('The body is not JSON; send {"page": <page id>}.') from None
    if not isinstance(data, dict):
        raise BadBeacon('The body must be a JSON object such as {"page": 12}.')
    unknown = sorted(set(data) - {"page", "preview"})
    if unknown:
        raise BadBeacon(f"Unknown field '{unknown[0][:40]}'; send page and optionally preview.")
    page, preview = data.get("page"), data.get("preview", False)
    if isinstance(page, str) and page.isascii() and page.isdigit() and len(page) <= 18:
        page = int(page)
    if isinstance(page, bool) or not isinstance(page, int) or not 0 < page < 2**63:
        raise BadBeacon("'page' must be the id of a page, a positive whole number.")
    if not isinstance(preview, bool):
        raise BadBeacon("'preview' must be true or false.")
    return page, preview


@method_decorator(csrf_exempt, name="dispatch")
class VisitBeaconView(View):
    http_method_names = ["post", "options"]

    def post(self, request):
        if not origin_allowed(request):
            return JsonResponse(
                {"message": "Visits are only counted from the site's own frontends."}, status=403
            )
        try:
            page, preview = read_beacon(request)
        except BadBeacon as error:
            return JsonResponse({"message": error.message}, status=error.status)
        record_visit(page, request, preview=preview)
        return HttpResponse(status=204)

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = JsonResponse({"message": "Send visits with POST."}, status=405)
        response["Allow"] = "POST"
        return response
