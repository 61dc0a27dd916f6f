"""A badge award as an Open Badges 3.0 credential, signed as a JWT (VC-JWT).

``credential()`` is the ``OpenBadgeCredential`` (Verifiable Credentials data model 2.0):
its id is the award's own URN, the achievement is the badge as it was awarded (name,
description, criterion), the issuer is the site's profile at
``/learning/badges/issuer.json``. Learners are named by no name: the subject's id is a URN
of the award alone, and its ``identifier`` a salted SHA-256 of a pseudonym only the site
can compute (a keyed hash of the learner), so two credentials of one learner cannot be
linked by others. ``signed()`` is the compact JWS of Open Badges 3.0 §8.2: the JOSE header
``alg``, ``kid``, ``typ``; the credential's properties as the payload, with the claims
``iss``, ``jti``, ``nbf`` and ``sub``.
"""

import datetime
import hashlib
import hmac
import uuid

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from borg_learning.badges import conf  # noqa: F401  (settings)
from borg_learning.badges.models import BadgeAward
from borg_learning.badges.signing import SigningKey
from borg_learning.conf import learning_settings

CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
#: The image in a credential: square enough for a wallet, small enough to load fast.
IMAGE_FILTER = "max-512x512"


def iso(moment: datetime.datetime) -> str:
    """A moment in UTC to the second, as the schema's DateTimeZ ("2026-11-30T10:02:11Z")."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_profile(request: HttpRequest) -> dict:
    """The issuer, as a credential names it and ``issuer.json`` serves it."""
    return {
        "id": request.build_absolute_uri(reverse("borg_learning_badges:issuer")),
        "type": ["Profile"],
        "name": learning_settings.BADGE_ISSUER,
        "url": request.build_absolute_uri("/"),
    }


def learner_pseudonym(award: BadgeAward) -> str:
    """A keyed hash of the learner: the same for each of their awards, known only here."""
    message = f"borg_learning.badges.learner:{award.learner_id}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def subject(award: BadgeAward, achievement: dict) -> dict:
    salt = award.uuid.hex
    hashed = hashlib.sha256((learner_pseudonym(award) + salt).encode()).hexdigest()
    return {
        "id": f"urn:uuid:{uuid.uuid5(award.uuid, 'credentialSubject')}",
        "type": ["AchievementSubject"],
        "identifier": [
            {
                "type": "IdentityObject",
                "identityHash": f"sha256${hashed}",
                "identityType": "identifier",
                "hashed": True,
                "salt": salt,
            }
        ],
        "achievement": achievement,
    }


def credential(award: BadgeAward, request: HttpRequest) -> dict:
    """The ``OpenBadgeCredential`` of ``award`` (its ``badge`` and ``badge.image`` loaded)."""
    issuer = issuer_profile(request)
    achievement = {
        "id": f"urn:uuid:{award.badge.uuid}",
        "type": ["Achievement"],
        "achievementType": "Badge",
        "name": award.name,
        "description": award.description,
        "criteria": {"narrative": award.criterion},
        "image": {
            "id": request.build_absolute_uri(award.badge.image.get_rendition(IMAGE_FILTER).url),
            "type": "Image",
            "caption": award.badge.image_description,
        },
        "creator": issuer,
    }
    return {
        "@context": CONTEXT,
        "id": f"urn:uuid:{award.uuid}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": award.name,
        "description": award.description,
        "issuer": issuer,
        "validFrom": iso(award.awarded_at),
        "awardedDate": iso(award.awarded_at),
        "credentialSubject": subject(award, achievement),
        "credentialSchema": [{"id": SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def signed(award: BadgeAward, request: HttpRequest, key: SigningKey) -> str:
    """The credential as a compact JWS, signed with the site's key."""
    document = credential(award, request)
    claims = {
        **document,
        "iss": document["issuer"]["id"],
        "jti": document["id"],
        "nbf": int(award.awarded_at.timestamp()),
        "sub": document["credentialSubject"]["id"],
    }
    return key.sign(claims, request)
