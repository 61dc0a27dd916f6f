"""The public documents a verifier of an exported badge fetches: the issuer's profile, its
public key under the URL a credential's ``kid`` names, and its public keys as a JWK set."""

from django.http import Http404, JsonResponse
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
    return JsonResponse(signing.public_jwks(request), content_type="application/jwk-set+json")


@require_GET
@cache_control(public=True, max_age=3600)
def key(request, thumbprint):
    """The site's public key, when ``thumbprint`` is its own; a replaced key is gone."""
    current = signing.signing_key()
    if current is None or current.thumbprint != thumbprint:
        raise Http404("No key of this site has this thumbprint.")
    return JsonResponse(current.public_jwk(request), content_type="application/jwk+json")
