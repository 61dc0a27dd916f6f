"""The site's key that signs exported badges, and its public half as a JWK set.

``BADGE_SIGNING_KEY`` is a PEM private key, or the path of a file holding one. An RSA key
signs with RS256 (the algorithm every Open Badges 3.0 verifier supports), a P-256 key
with ES256. Open Badges 3.0 (§8.2.4) wants the key id (``kid``) to be a URL that
dereferences to the public JWK: ``/learning/badges/keys/<thumbprint>.json``, named by the
key's JWK thumbprint (RFC 7638), so a new key gets a new URL and credentials signed with
the old one keep naming theirs. The JWK set at ``/learning/badges/jwks.json`` lists the
public key under the same URL.
"""

import base64
import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key
from django.http import HttpRequest
from django.urls import reverse

from borg_learning.conf import learning_settings

MIN_RSA_BITS = 2048
#: The members of a public JWK that make its thumbprint (RFC 7638).
THUMBPRINT_MEMBERS = {"RSA": ("e", "kty", "n"), "EC": ("crv", "kty", "x", "y")}


class SigningKeyError(ValueError):
    """The configured key cannot sign: why, in English."""


@dataclass(frozen=True)
class SigningKey:
    private_key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey
    algorithm: str
    #: The public key's members, without a ``kid`` (which depends on the host).
    public_members: dict
    #: The JWK thumbprint (RFC 7638) that names the key in its URL.
    thumbprint: str

    def public_jwk(self, request: HttpRequest) -> dict:
        """The public key as a JWK (never ``d``), under its URL as ``kid``."""
        return {**self.public_members, "kid": self.url(request)}

    def url(self, request: HttpRequest) -> str:
        path = reverse("borg_learning_badges:key", args=[self.thumbprint])
        return request.build_absolute_uri(path)

    def sign(self, claims: dict, request: HttpRequest) -> str:
        """A compact JWS of ``claims`` with the header ``alg``, ``kid`` and ``typ`` only."""
        return jwt.encode(
            claims, self.private_key, algorithm=self.algorithm, headers={"kid": self.url(request)}
        )


def pem_of(value: str) -> bytes:
    """The PEM text of the setting: the value itself, or the file it names."""
    if "-----BEGIN" in value:
        return value.encode()
    try:
        return Path(value).read_bytes()
    except OSError as error:
        raise SigningKeyError(f"names no readable PEM file ({error.strerror}: {value!r})") from None


def thumbprint(public_jwk: dict) -> str:
    members = THUMBPRINT_MEMBERS[public_jwk["kty"]]
    canonical = json.dumps({name: public_jwk[name] for name in members}, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


@functools.lru_cache(maxsize=8)
def load(value: str) -> SigningKey:
    """The signing key of a setting's value; raises ``SigningKeyError`` saying what is wrong."""
    try:
        private_key = load_pem_private_key(pem_of(value), password=None)
    except (ValueError, TypeError) as error:
        raise SigningKeyError(f"is not an unencrypted PEM private key ({error})") from None
    if isinstance(private_key, rsa.RSAPrivateKey):
        if private_key.key_size < MIN_RSA_BITS:
            raise SigningKeyError(
                f"is an RSA key of {private_key.key_size} bits; use {MIN_RSA_BITS}+"
            )
        algorithm, public_jwk = (
            "RS256",
            jwt.algorithms.RSAAlgorithm.to_jwk(private_key.public_key(), as_dict=True),
        )
    elif isinstance(private_key, ec.EllipticCurvePrivateKey) and isinstance(
        private_key.curve, ec.SECP256R1
    ):
        algorithm, public_jwk = (
            "ES256",
            jwt.algorithms.ECAlgorithm.to_jwk(private_key.public_key(), as_dict=True),
        )
    else:
        raise SigningKeyError("is neither an RSA key nor an EC key on the curve P-256")
    members = {**public_jwk, "alg": algorithm, "use": "sig"}
    return SigningKey(private_key, algorithm, members, thumbprint(public_jwk))


def key_problem(value) -> str | None:
    """What is wrong with a value of ``BADGE_SIGNING_KEY``, for the system check."""
    if not isinstance(value, str):
        return f"must be a PEM text or the path of a PEM file, got {type(value).__name__}"
    try:
        load(value)
    except SigningKeyError as error:
        return str(error)
    return None


def signing_key() -> SigningKey | None:
    """The site's key, or None when ``BADGE_SIGNING_KEY`` is not set (or cannot sign)."""
    value = learning_settings.BADGE_SIGNING_KEY
    if value is None or key_problem(value):
        return None
    return load(value)


def public_jwks(request: HttpRequest) -> dict:
    """The JWK set a verifier checks signatures with: the public key only (never ``d``)."""
    key = signing_key()
    return {"keys": [key.public_jwk(request)] if key else []}
