"""The public documents a verifier of an exported badge fetches: the issuer's profile and
its public keys as a JWK set."""

from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from borg_learning.badges import credentials, signing


@require_GET
@cache_control(public=True, max_age=3600)
def issuer(request):
    profile = {"@context": credentials.CONTEXT, **credentials.issuer_profile(request)}
    return JsonResponse(profile, content_type="application/json")


@require_GET
@cache_control(public=True, max_age=3600)
def jwks(request):
    return JsonResponse(signing.public_jwks(), content_type="application/jwk-set+json")
