"""An earned badge exported as an Open Badges 3.0 credential: valid against 1EdTech's
schema, signed with the site's key, verifiable with the public key the site publishes."""

import base64
import json
import re
from pathlib import Path

import jsonschema_rs
import jwt
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from borg_learning.badges.models import BadgeAward
from tests import factories
from tests.helpers.badges import badge, ec_key_pem, module, rsa_key_pem
from tests.helpers.learners import codes, complete_page

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(
    (Path(__file__).parent / "fixtures" / "ob_v3p0_achievementcredential_schema.json").read_text()
)
#: The JWT claims Open Badges 3.0 §8.2 adds to the credential's own properties.
CLAIMS = ("iss", "jti", "nbf", "sub")


def schema_errors(document):
    validator = jsonschema_rs.Draft201909Validator(SCHEMA, validate_formats=True)
    return [error.message for error in validator.iter_errors(document)]


def segment(token, number):
    part = token.split(".")[number]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


@pytest.fixture
def earned(browser, section):
    """The learner earned "Eén module" (on an image, with its description)."""
    one = badge(
        "Eén module",
        count=1,
        description="Je rondde je eerste module af.",
        image=factories.image(title="Ster"),
        image_description="Een gouden ster",
    )
    complete_page(browser, module(section, "Grenzen stellen"))
    award = BadgeAward.objects.get(badge=one)
    return browser, award


def verified(client, token):
    """The payload of ``token``, its signature checked with the key of the site's JWK set
    named by the token's ``kid``."""
    response = client.get("/learning/badges/jwks.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwk-set+json"
    header = jwt.get_unverified_header(token)
    (jwk,) = [key for key in response.json()["keys"] if key["kid"] == header["kid"]]
    assert "d" not in jwk  # never the private key
    return jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=[header["alg"]])


def test_an_earned_badge_exports_as_a_signed_open_badge_credential(client, earned, signing_key):
    browser, award = earned
    (entry,) = browser.my_badges().values()
    payload = browser.export_credential(entry["award"]["id"])
    assert (payload["ok"], payload["errors"]) == (True, [])
    token = payload["credential"]

    assert segment(token, 0) == {
        "alg": "RS256",
        "typ": "JWT",
        "kid": jwt.get_unverified_header(token)["kid"],
    }
    # The key id is a URL that dereferences to the public key (Open Badges 3.0 §8.2.4).
    kid = jwt.get_unverified_header(token)["kid"]
    assert re.fullmatch(r"http://testserver/learning/badges/keys/[\w-]{43}\.json", kid)
    response = client.get(kid.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/jwk+json"
    assert response.json()["kid"] == kid and "d" not in response.json()
    assert jwt.decode(
        token, jwt.PyJWK(response.json()).key, algorithms=["RS256"], options={"verify_sub": False}
    )
    assert client.get("/learning/badges/keys/not-this-key.json").status_code == 404
    claims = verified(client, token)
    credential = {name: value for name, value in claims.items() if name not in CLAIMS}
    assert schema_errors(credential) == []
    assert schema_errors(claims) == []

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert credential["id"] == f"urn:uuid:{award.uuid}" == claims["jti"]
    achievement = credential["credentialSubject"]["achievement"]
    assert achievement["name"] == "Eén module"
    assert achievement["description"] == "Je rondde je eerste module af."
    assert achievement["criteria"] == {"narrative": "Rond 1 module af."}
    assert achievement["image"]["caption"] == "Een gouden ster"
    rendition = award.badge.image.get_rendition("max-512x512")
    assert achievement["image"]["id"] == f"http://testserver{rendition.url}"
    issuer = credential["issuer"]
    assert (issuer["id"], issuer["name"]) == (
        "http://testserver/learning/badges/issuer.json",
        "De Borg",
    )
    assert claims["iss"] == issuer["id"]
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert claims["nbf"] == int(award.awarded_at.timestamp())
    assert credential["validFrom"] == award.awarded_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    profile = client.get("/learning/badges/issuer.json").json()
    assert (profile["id"], profile["type"], profile["name"]) == (
        issuer["id"],
        ["Profile"],
        "De Borg",
    )


def test_the_learner_is_named_by_no_name_and_two_credentials_are_not_linked(
    client, earned, signing_key, section
):
    browser, _award = earned
    badge("Twee modules", count=2)
    complete_page(browser, module(section, "Observeren"))
    subjects = []
    for entry in browser.my_badges().values():
        token = browser.export_credential(entry["award"]["id"])["credential"]
        subjects.append(verified(client, token)["credentialSubject"])
    first, second = subjects
    assert first["id"] != second["id"]
    (one,), (two,) = first["identifier"], second["identifier"]
    assert one["hashed"] is True and one["identityHash"].startswith("sha256$")
    assert (one["identityHash"], one["salt"]) != (two["identityHash"], two["salt"])
    assert str(browser.token) not in json.dumps(subjects)


def test_a_p256_key_signs_with_es256(client, earned, settings):
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": ec_key_pem()}
    browser, award = earned
    token = browser.export_credential(award.uuid)["credential"]
    assert jwt.get_unverified_header(token)["alg"] == "ES256"
    assert verified(client, token)["jti"] == f"urn:uuid:{award.uuid}"


def test_the_key_may_be_the_path_of_a_pem_file(client, earned, settings, tmp_path):
    key_file = tmp_path / "badge-signing-key.pem"
    key_file.write_text(rsa_key_pem())
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": str(key_file)}
    browser, award = earned
    assert verified(client, browser.export_credential(award.uuid)["credential"])


def test_a_credential_signed_with_another_key_does_not_verify(client, earned, settings):
    browser, award = earned
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": rsa_key_pem(3072)}
    token = browser.export_credential(award.uuid)["credential"]
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": rsa_key_pem()}
    with pytest.raises(ValueError):  # no key of the site's set has its kid
        verified(client, token)
    forged = token.rsplit(".", 1)[0] + "." + rsa_token_signature(award)
    with pytest.raises((jwt.InvalidSignatureError, ValueError)):
        verified(client, forged)


def rsa_token_signature(award):
    """The signature part of a token of other claims, by the site's key."""
    other = jwt.encode({"jti": "urn:uuid:other"}, rsa_key_pem(), algorithm="RS256")
    return other.rsplit(".", 1)[1]


def test_the_schema_refuses_what_is_no_open_badge(client, earned, signing_key):
    """The schema check can fail: without a validFrom, or without the achievement's
    criteria, the credential is no Open Badge."""
    browser, award = earned
    claims = verified(client, browser.export_credential(award.uuid)["credential"])
    del claims["validFrom"]
    assert schema_errors(claims)
    claims = verified(client, browser.export_credential(award.uuid)["credential"])
    del claims["credentialSubject"]["achievement"]["criteria"]
    assert schema_errors(claims)


@pytest.mark.parametrize("which", ["unknown", "not a uuid", "another learner's"])
def test_only_the_learners_own_award_exports(earned, browsers, signing_key, which):
    browser, award = earned
    other = browsers()
    other.record(
        factories.basic_module(factories.section(factories.learning_environment(slug="x")))
    )
    award_id = {
        "unknown": "00000000-0000-4000-8000-000000000000",
        "not a uuid": "12",
        "another learner's": str(award.uuid),
    }[which]
    payload = other.export_credential(award_id)
    assert (payload["ok"], payload["credential"], codes(payload)) == (
        False,
        None,
        ["UNKNOWN_AWARD"],
    )
    assert payload["errors"][0]["field"] == "award"


def test_without_a_learner_or_a_key_nothing_exports(browsers, earned, settings):
    browser, award = earned
    settings.BORG_LEARNING = {}
    payload = browser.export_credential(award.uuid)
    assert (payload["ok"], codes(payload)) == (False, ["NO_SIGNING_KEY"])
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": rsa_key_pem()}
    assert codes(browsers().export_credential(award.uuid)) == ["NO_LEARNER"]
    assert codes(browsers("forged-token").export_credential(award.uuid)) == ["UNKNOWN_LEARNER"]


def test_without_a_key_the_jwk_set_is_empty(client, settings):
    settings.BORG_LEARNING = {}
    assert client.get("/learning/badges/jwks.json").json() == {"keys": []}
    assert client.post("/learning/badges/jwks.json").status_code == 405


def test_the_system_check_says_when_there_is_no_key_or_a_wrong_one(settings, capsys):
    settings.BORG_LEARNING = {}
    call_command("check")
    assert "borg_learning_badges.I001" in "".join(capsys.readouterr())
    settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": rsa_key_pem()}
    call_command("check")
    assert "borg_learning_badges" not in "".join(capsys.readouterr())
    for wrong, says in [
        ("/nonexistent/key.pem", "names no readable PEM file"),
        (
            "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----",
            "not an unencrypted PEM",
        ),
        (rsa_key_pem(1024), "RSA key of 1024 bits"),
        (12, "must be a PEM text"),
    ]:
        settings.BORG_LEARNING = {"BADGE_SIGNING_KEY": wrong}
        with pytest.raises(SystemCheckError, match=says):
            call_command("check")
