"""Badges as editors make them, the badges screens as a frontend asks for them, and keys
to sign exported badges with."""

import functools

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from borg_learning.badges.models import Badge
from tests import factories
from tests.helpers.graphql import screen_query
from tests.helpers.reviews import ReviewFrontend

BADGES = screen_query("badges")
MY_BADGES = screen_query("my_badges")
EXPORT_CREDENTIAL = screen_query("export_badge_credential")


def badge(name="Drie modules", criterion="modules", count=None, **fields):
    """An active badge; ``count`` defaults to 3 for the criteria that take a number."""
    if count is None and criterion in ("modules", "streak", "reviews"):
        count = 3
    fields.setdefault("description", f"Je hebt {name.lower()} gehaald.")
    fields.setdefault("image", factories.image(title=factories.unique("Badge")))
    fields.setdefault("image_description", "Een ster met een lint")
    return Badge.objects.create(name=name, criterion=criterion, count=count, **fields)


def module(section, title, themes=(), publish=True):
    """A basic module of one text, completed by seeing it."""
    body = factories.body_blocks(1, section, ("text",))
    return factories.basic_module(section, title, publish=publish, themes=themes, body=body)


class BadgeFrontend(ReviewFrontend):
    """A frontend's badges screens, besides the daily review's and the learner's."""

    def badges(self):
        return self.send(BADGES)["badges"]

    def my_badges(self):
        """``{badge name: entry}`` of me { badges }."""
        me = self.send(MY_BADGES)["me"]
        return {entry["badge"]["name"]: entry for entry in (me["badges"] if me else [])}

    def earned(self):
        return sorted(name for name, entry in self.my_badges().items() if entry["earned"])

    def export_credential(self, award):
        payload = self.send(EXPORT_CREDENTIAL, {"input": {"award": str(award)}})
        return payload["exportBadgeCredential"]


def pem(private_key) -> str:
    return private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@functools.cache
def rsa_key_pem(bits=2048) -> str:
    return pem(rsa.generate_private_key(public_exponent=65537, key_size=bits))


@functools.cache
def ec_key_pem(curve=ec.SECP256R1) -> str:
    return pem(ec.generate_private_key(curve()))
