"""The tool's endpoints a platform calls: the JWK set, OIDC login initiation, the launch
(a resource link or a deep linking request) and the deep linking selection's answer.

A launch opens the frontend at the launched page with a fresh learner token in the URL's
fragment (``#learner-token=...``): browsers do not send a fragment to any server, so the
token never lands in a server's log or a ``Referer``. A refused request gets a short
English page with the reason (400 or 403) and stores nothing.
"""

import logging
import secrets
import time
from urllib.parse import urlencode

from django.core import signing
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from borg_learning.lms import id_tokens, keys, launching, targets
from borg_learning.lms.id_tokens import LTI, LaunchRefused
from borg_learning.lms.models import Platform

logger = logging.getLogger(__name__)

STATE_COOKIE = "borg_lms_state_"
STATE_SALT = "borg_learning.lms.state"
STATE_SECONDS = 600
DEEP_LINKING_SALT = "borg_learning.lms.deep_linking"
DEEP_LINKING_SECONDS = 3600
DL = "https://purl.imsglobal.org/spec/lti-dl/claim/"
FRAGMENT_NAME = "learner-token"


def refused(request, reason: str, status: int):
    logger.info("LTI request refused (%s): %s", status, reason)
    response = render(request, "borg_learning_lms/refused.html", {"reason": reason}, status=status)
    response["Cache-Control"] = "no-store"
    return response


def urls(request) -> dict:
    """Our addresses an LMS administrator fills in."""
    return {
        name: request.build_absolute_uri(reverse(f"borg_learning_lms:{name}"))
        for name in ("jwks", "login", "launch", "deep_linking")
    }


@require_GET
@cache_control(public=True, max_age=600)
def jwks(request):
    return JsonResponse(keys.jwks(), content_type="application/jwk-set+json")


@csrf_exempt
@xframe_options_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def login(request):
    """OIDC login initiation: remember a state and a nonce, send the browser to the
    platform's authentication URL."""
    params = request.POST if request.method == "POST" else request.GET
    issuer, login_hint = params.get("iss"), params.get("login_hint")
    if not issuer or not login_hint:
        return refused(request, "The login needs the parameters iss and login_hint.", 400)
    platforms = Platform.objects.filter(issuer=issuer, active=True)
    if params.get("client_id"):
        platforms = platforms.filter(client_id=params["client_id"])
    found = list(platforms[:2])
    if not found:
        return refused(
            request, "No active platform is registered for this issuer and client ID.", 403
        )
    if len(found) > 1:
        return refused(
            request, "Several platforms use this issuer: the login must name its client_id.", 400
        )
    platform = found[0]
    state, nonce = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
    query = {
        "scope": "openid",
        "response_type": "id_token",
        "response_mode": "form_post",
        "prompt": "none",
        "client_id": platform.client_id,
        "redirect_uri": request.build_absolute_uri(reverse("borg_learning_lms:launch")),
        "login_hint": login_hint,
        "state": state,
        "nonce": nonce,
    }
    if params.get("lti_message_hint"):
        query["lti_message_hint"] = params["lti_message_hint"]
    separator = "&" if "?" in platform.auth_login_url else "?"
    response = HttpResponseRedirect(platform.auth_login_url + separator + urlencode(query))
    response.set_cookie(
        STATE_COOKIE + state,
        signing.dumps({"nonce": nonce, "platform": platform.pk}, salt=STATE_SALT),
        max_age=STATE_SECONDS,
        secure=True,
        httponly=True,
        samesite="None",  # the platform posts the launch from its own site
    )
    return response


def _login_of(request) -> dict:
    state = request.POST.get("state") or ""
    value = request.COOKIES.get(STATE_COOKIE + state) if state else None
    if not value:
        raise LaunchRefused(
            "The launch does not match a login started in this browser (state). Open the "
            "activity again; if your browser blocks cookies in frames, open it in a new window.",
            400,
        )
    try:
        return signing.loads(value, salt=STATE_SALT, max_age=STATE_SECONDS)
    except signing.BadSignature:
        raise LaunchRefused("The login has expired; open the activity again.", 400) from None


@csrf_exempt
@xframe_options_exempt
@never_cache
@require_POST
def launch(request):
    """The platform's form post with the ``id_token``."""
    try:
        login = _login_of(request)
        if not request.POST.get("id_token"):
            raise LaunchRefused("The launch has no id_token.", 400)
        platform, claims = id_tokens.verify(request.POST["id_token"], login["nonce"])
        if platform.pk != login.get("platform"):
            raise LaunchRefused("The launch comes from another platform than its login.")
        if claims[LTI + "message_type"] == "LtiDeepLinkingRequest":
            response = _deep_linking_selection(request, platform, claims)
        else:
            target = targets.of_launch(request, claims, LTI)
            if target is None:
                raise LaunchRefused(
                    "The launched module or route is not (or no longer) published.", 404
                )
            token = launching.accept(platform, claims, target)
            response = HttpResponseRedirect(f"{target.url}#{FRAGMENT_NAME}={token}")
    except LaunchRefused as error:
        return refused(request, error.reason, error.status)
    response.delete_cookie(STATE_COOKIE + request.POST["state"], samesite="None")
    response["Referrer-Policy"] = "no-referrer"
    return response


def _deep_linking_selection(request, platform, claims):
    settings = launching.claim(claims, DL + "deep_linking_settings")
    return_url = settings.get("deep_link_return_url")
    if not isinstance(return_url, str) or not return_url.startswith(("https://", "http://")):
        raise LaunchRefused("The deep linking request has no return URL.", 400)
    accept_types = settings.get("accept_types")
    if not isinstance(accept_types, list) or "ltiResourceLink" not in accept_types:
        raise LaunchRefused("The platform does not accept resource links here.", 400)
    id_tokens.use_nonce(platform, claims)
    context = {
        "platform": platform.pk,
        "deployment": claims[LTI + "deployment_id"],
        "return_url": return_url,
        "data": settings.get("data"),
        "multiple": bool(settings.get("accept_multiple", True)),
    }
    return _selection_page(request, signing.dumps(context, salt=DEEP_LINKING_SALT), context)


def _selection_page(request, signed_context, context, error="", status=200):
    return render(
        request,
        "borg_learning_lms/deep_linking.html",
        {
            "context": signed_context,
            "choices": targets.selectable(request),
            "multiple": context["multiple"],
            "error": error,
            "action": reverse("borg_learning_lms:deep_linking"),
        },
        status=status,
    )


@csrf_exempt  # a cross-site frame has no CSRF cookie; the signed context guards the post
@xframe_options_exempt
@never_cache
@require_POST
def deep_linking(request):
    """The teacher's choice: a signed ``LtiDeepLinkingResponse`` posted back to the platform."""
    signed_context = request.POST.get("context") or ""
    try:
        context = signing.loads(
            signed_context, salt=DEEP_LINKING_SALT, max_age=DEEP_LINKING_SECONDS
        )
        platform = Platform.objects.get(pk=context["platform"], active=True)
    except (signing.BadSignature, Platform.DoesNotExist):
        return refused(
            request, "The selection has expired or was not started by an LMS; start it again.", 400
        )
    chosen = [targets.by_key(request, key) for key in request.POST.getlist("item")]
    chosen = [target for target in chosen if target is not None]
    if not chosen or (len(chosen) > 1 and not context["multiple"]):
        message = (
            _("Choose one module or route.")
            if not context["multiple"]
            else _("Choose at least one module or route.")
        )
        return _selection_page(request, signed_context, context, message, status=400)
    launch_url = request.build_absolute_uri(reverse("borg_learning_lms:launch"))
    now = int(time.time())
    claims = {
        "iss": platform.client_id,
        "aud": [platform.issuer],
        "iat": now,
        "exp": now + 600,
        "nonce": secrets.token_urlsafe(16),
        LTI + "deployment_id": context["deployment"],
        LTI + "message_type": "LtiDeepLinkingResponse",
        LTI + "version": "1.3.0",
        DL + "content_items": [
            {
                "type": "ltiResourceLink",
                "title": target.title,
                "url": launch_url,
                "custom": target.custom,
                "lineItem": {"scoreMaximum": 1, "label": target.title, "resourceId": target.key},
            }
            for target in chosen
        ],
    }
    if context.get("data") is not None:
        claims[DL + "data"] = context["data"]
    return render(
        request,
        "borg_learning_lms/deep_linking_return.html",
        {"return_url": context["return_url"], "jwt": keys.sign(claims)},
    )
