"""This tool's RSA keys: made on first use, rotated with ``rotate_lms_key``, the newest
signs and the newest two are published as the JWK set platforms verify us with."""

import functools
import secrets

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.db import IntegrityError, transaction

from borg_learning.lms.models import ToolKey

#: Keys published: the signing one and the one before it (platforms cache key sets).
PUBLISHED = 2
ALGORITHM = "RS256"


def generate() -> ToolKey:
    """A new key pair, which signs from now on."""
    private_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    return ToolKey.objects.create(kid=secrets.token_urlsafe(16), private_key=pem)


def rotate() -> ToolKey:
    """A new signing key; keys older than the previous one are deleted."""
    with transaction.atomic():
        key = generate()
        keep = list(ToolKey.objects.values_list("pk", flat=True)[:PUBLISHED])
        ToolKey.objects.exclude(pk__in=keep).delete()
    return key


def signing_key() -> ToolKey:
    """The newest key, made when there is none yet."""
    key = ToolKey.objects.first()
    if key is None:
        try:
            with transaction.atomic():
                key = generate()
        except IntegrityError:  # pragma: no cover (a kid collision: 128 random bits)
            key = ToolKey.objects.first()
    return key


@functools.lru_cache(maxsize=16)
def _private(pem: str):
    return serialization.load_pem_private_key(pem.encode(), password=None)


def public_jwk(key: ToolKey) -> dict:
    members = jwt.algorithms.RSAAlgorithm.to_jwk(
        _private(key.private_key).public_key(), as_dict=True
    )
    members.pop("key_ops", None)  # "use" says it (RFC 7517 §4.3: not both)
    return {**members, "kid": key.kid, "alg": ALGORITHM, "use": "sig"}


def jwks() -> dict:
    """The public keys (never the private parts), newest first."""
    keys = list(ToolKey.objects.all()[:PUBLISHED]) or [signing_key()]
    return {"keys": [public_jwk(key) for key in keys]}


def sign(claims: dict) -> str:
    """A JWT of ``claims`` signed with the newest key, named by its ``kid``."""
    key = signing_key()
    return jwt.encode(
        claims, _private(key.private_key), algorithm=ALGORITHM, headers={"kid": key.kid}
    )
