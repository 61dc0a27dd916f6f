"""Checking a platform's ``id_token``: the signature against the platform's published
keys (fetched once and kept in the cache; fetched again for a key id not seen yet), the
issuer, the audience and authorised party, the times, the nonce (once only) and the
deployment. Every refusal is a ``LaunchRefused`` with an English reason and the HTTP
status to answer with; nothing is stored for a refused launch."""

import datetime

import jwt
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from borg_learning.lms.http import PlatformError, request_json
from borg_learning.lms.models import Platform, UsedNonce

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
#: How long a platform's key set is kept before it is fetched again.
KEYSET_SECONDS = 3600
#: Clock difference between a platform and us that is tolerated, in seconds.
LEEWAY = 60
#: The longest an id_token may live from its ``iat``, whatever its ``exp`` says.
MAX_AGE = 3600
ALGORITHMS = ["RS256", "RS384", "RS512"]
MESSAGE_TYPES = {"LtiResourceLinkRequest", "LtiDeepLinkingRequest"}


class LaunchRefused(Exception):
    def __init__(self, reason: str, status: int = 403):
        super().__init__(reason)
        self.reason, self.status = reason, status


def keyset(platform: Platform, *, fresh: bool = False) -> list[dict]:
    """The platform's public keys, from the cache unless ``fresh``."""
    cache_key = f"borg_learning_lms:keyset:{platform.keyset_url}"
    keys = None if fresh else cache.get(cache_key)
    if keys is None:
        try:
            keys = request_json(platform.keyset_url).get("keys")
        except PlatformError as error:
            raise LaunchRefused(f"The platform's key set could not be read: {error}", 502) from None
        if not isinstance(keys, list):
            raise LaunchRefused("The platform's key set is not a JWK set.", 502)
        cache.set(cache_key, keys, KEYSET_SECONDS)
    return keys


def _public_key(platform: Platform, kid: str | None):
    for fresh in (False, True):
        keys = keyset(platform, fresh=fresh)
        found = [key for key in keys if kid is None or key.get("kid") == kid]
        if found:
            try:
                return jwt.PyJWK(found[0]).key
            except jwt.PyJWTError:
                raise LaunchRefused("The platform's key for this token is not usable.") from None
    raise LaunchRefused("The token is signed with a key the platform does not publish.")


def platform_of(unverified: dict) -> Platform:
    """The active platform the token claims to come from (issuer and audience)."""
    issuer = unverified.get("iss")
    audience = unverified.get("aud")
    audiences = audience if isinstance(audience, list) else [audience]
    platform = Platform.objects.filter(
        issuer=issuer, client_id__in=[str(a) for a in audiences if a], active=True
    ).first()
    if platform is None:
        raise LaunchRefused("No active platform is registered for this issuer and client ID.")
    return platform


def verify(id_token: str, nonce: str) -> tuple[Platform, dict]:
    """The platform and the claims of a valid launch token whose nonce is ``nonce``."""
    try:
        header = jwt.get_unverified_header(id_token)
        unverified = jwt.decode(id_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        raise LaunchRefused("The id_token is not a JWT.", 400) from None
    platform = platform_of(unverified)
    if header.get("alg") not in ALGORITHMS:
        raise LaunchRefused("The id_token is not signed with RSA.")
    try:
        claims = jwt.decode(
            id_token,
            _public_key(platform, header.get("kid")),
            algorithms=ALGORITHMS,
            audience=platform.client_id,
            issuer=platform.issuer,
            leeway=LEEWAY,
            options={"require": ["exp", "iat", "nonce", "sub", "aud", "iss"]},
        )
    except jwt.ExpiredSignatureError:
        raise LaunchRefused("The id_token has expired.") from None
    except jwt.InvalidSignatureError:
        raise LaunchRefused("The id_token's signature is not the platform's.") from None
    except jwt.InvalidAudienceError:
        raise LaunchRefused("The id_token is not meant for this tool.") from None
    except jwt.PyJWTError as error:
        raise LaunchRefused(f"The id_token is not valid: {error}.") from None
    now = timezone.now().timestamp()
    if claims["iat"] > now + LEEWAY or claims["iat"] < now - MAX_AGE:
        raise LaunchRefused("The id_token was not issued just now.")
    audiences = claims["aud"] if isinstance(claims["aud"], list) else [claims["aud"]]
    if (len(audiences) > 1 or "azp" in claims) and claims.get("azp") != platform.client_id:
        raise LaunchRefused("The id_token's authorised party is not this tool.")
    if claims["nonce"] != nonce:
        raise LaunchRefused("The id_token's nonce is not the one of this login.")
    if claims.get(LTI + "version") != "1.3.0":
        raise LaunchRefused("Only LTI 1.3 launches are accepted.", 400)
    if claims.get(LTI + "message_type") not in MESSAGE_TYPES:
        raise LaunchRefused("This kind of LTI message is not supported.", 400)
    if str(claims.get(LTI + "deployment_id")) not in platform.deployments():
        raise LaunchRefused("The deployment is not registered for this platform.")
    if not str(claims["sub"]).strip():
        raise LaunchRefused(
            "The id_token names no user (anonymous launches are not supported).", 400
        )
    return platform, claims


def use_nonce(platform: Platform, claims: dict) -> None:
    """Note the nonce of an accepted launch; a second launch with it is refused (replay).
    Kept as long as the token could pass; call inside the transaction that stores the
    launch."""
    UsedNonce.objects.filter(expires_at__lt=timezone.now()).delete()
    last_valid = min(claims["exp"], claims["iat"] + MAX_AGE) + LEEWAY
    expires_at = datetime.datetime.fromtimestamp(last_valid, tz=datetime.UTC)
    nonce = claims["nonce"]
    try:
        with transaction.atomic():
            UsedNonce.objects.create(platform=platform, nonce=nonce, expires_at=expires_at)
    except IntegrityError:
        raise LaunchRefused("This launch was used before (its nonce is spent).") from None
