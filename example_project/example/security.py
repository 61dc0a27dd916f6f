"""The example site's Content-Security-Policy: one strict policy, and looser ones by path.

django-csp sends ``CONTENT_SECURITY_POLICY`` on every response. The Wagtail admin (and
GraphiQL, a developer's tool) still needs inline scripts and styles, so paths named in
``CONTENT_SECURITY_POLICY_SCOPES`` get a policy of their own instead; the demo frontend,
the API and the documents keep the strict one.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware
from django.conf import settings


def origins(*urls):
    """The origins of the absolute URLs among ``urls`` (a CDN's ``MEDIA_URL``, say);
    relative URLs are the site's own origin, which ``'self'`` already allows."""
    found = []
    for url in urls:
        parts = urlsplit(str(url or ""))
        if parts.scheme and parts.netloc:
            origin = f"{parts.scheme}://{parts.netloc}"
            if origin not in found:
                found.append(origin)
    return found


class ScopedCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the policy of the first scope whose path prefix
    matches the request. A view's own ``@csp`` decorator still wins."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and not report_only:
            for prefixes, policy in getattr(settings, "CONTENT_SECURITY_POLICY_SCOPES", []):
                if request.path_info.startswith(tuple(prefixes)):
                    parts.config = policy["DIRECTIVES"]
                    break
        return parts


class PreviewFramingMiddleware:
    """``X-Frame-Options: SAMEORIGIN`` on the frontend's preview route, ``X_FRAME_OPTIONS``
    (``DENY``) everywhere else.

    Wagtail's preview panel shows a draft in a frame: the admin sends the frame to the
    frontend's root with the preview token (wagtail-headless-preview's ``?content_type=…
    &token=…``), and that answer must let the admin's own origin frame it. Its
    Content-Security-Policy says the same with ``frame-ancestors 'self'``. Goes before
    ``XFrameOptionsMiddleware`` in ``MIDDLEWARE``, so it sees that middleware's header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_preview_request(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


def is_preview_request(request):
    root = urlsplit(getattr(settings, "FRONTEND_URL", "") or "/").path or "/"
    return (
        request.method == "GET"
        and request.path_info == root
        and "token" in request.GET
        and "content_type" in request.GET
    )
