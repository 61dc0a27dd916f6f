"""A development key that signs the demo's exported badges.

The demo runs without anything set up by hand, so `make demo` makes the key the first
time and keeps it in a folder git ignores (``example_project/var/``): credentials exported
from the demo keep verifying against ``/learning/badges/jwks.json`` across restarts. Never
for production, whose key comes from the environment (example/settings/production.py).
"""

import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

RSA_BITS = 3072


def development_signing_key(path: Path) -> Path:
    """The PEM file at ``path``, made when missing (readable by its owner only)."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=RSA_BITS)
    pem = key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    )
    # Two processes starting at once (runserver and its reloader): the first file stays.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    return path
