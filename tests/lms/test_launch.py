"""A learner launched from an LMS: the OIDC login, the checked id_token, the learner linked
to the LMS's user id, and the frontend opened at the module with a learner token."""

import urllib.parse

import pytest

from borg_learning.learners.models import Learner
from borg_learning.lms.models import Launch, PlatformLearner, UsedNonce
from tests import factories
from tests.helpers.learners import ME, token_header

pytestmark = pytest.mark.django_db


def fragment_token(response):
    location = urllib.parse.urlsplit(response["Location"])
    name, _sep, token = location.fragment.partition("=")
    assert name == "learner-token"
    return location, token


def test_the_login_sends_the_browser_to_the_platform(lms, registered, platform):
    auth = lms.start()

    assert auth["client_id"] == platform.client_id
    assert auth["redirect_uri"] == "http://testserver/learning/lti/launch/"
    assert auth["login_hint"] == "moodle-user-42"
    assert auth["lti_message_hint"] == "hint-7"
    assert (auth["scope"], auth["response_type"], auth["response_mode"]) == (
        "openid",
        "id_token",
        "form_post",
    )
    assert len(auth["state"]) > 20 and len(auth["nonce"]) > 20
    cookie = lms.client.cookies["borg_lms_state_" + auth["state"]]
    assert cookie["samesite"] == "None" and cookie["secure"] and cookie["httponly"]


def test_a_launch_opens_the_module_with_a_learner_token_that_works(
    lms, registered, module, graphql
):
    response = lms.launch(custom={"page_id": str(module.pk)})

    assert response.status_code == 302, response.content
    location, token = fragment_token(response)
    assert location.path == "/leeromgeving/modules/grenzen-stellen/"
    assert "token" not in location.query
    assert response["Referrer-Policy"] == "no-referrer"
    link = PlatformLearner.objects.get()
    assert (link.platform, link.subject, link.name) == (registered, "moodle-user-42", "")
    me = graphql(ME, {}, **token_header(token))["data"]["me"]
    assert me is not None
    launch = Launch.objects.get()
    assert (launch.target_kind, launch.target_id) == ("page", module.pk)
    assert launch.lineitem_url == lms.platform.lineitem()


def test_the_same_lms_user_launching_again_is_the_same_learner(lms, registered, module):
    first = fragment_token(lms.launch(custom={"page_id": str(module.pk)}))[1]
    second = fragment_token(lms.launch(custom={"page_id": str(module.pk)}))[1]

    assert first != second
    assert Learner.objects.count() == 1
    assert Learner.objects.get().tokens.count() == 2
    assert Launch.objects.count() == 1


def test_the_target_link_uri_can_name_a_part(lms, registered, environment):
    section = factories.section(environment, title="Modules")
    specialist = factories.specialist_module(section, "SGG", parts=2, blocks_per_part=1)
    part = specialist.get_children().last()
    uri = f"https://tool.example/learning/lti/launch/?page={part.pk}"

    response = lms.launch(**{"https://purl.imsglobal.org/spec/lti/claim/target_link_uri": uri})

    location, _token = fragment_token(response)
    assert location.path == part.url_path[len("/home-borg") :]


def test_the_name_is_kept_only_when_the_settings_allow(lms, registered, module, settings):
    lms.launch(custom={"page_id": str(module.pk)}, name="Anna de Vries")
    assert PlatformLearner.objects.get().name == ""

    settings.BORG_LEARNING = {"LMS_STORE_NAMES": True}
    lms.launch(custom={"page_id": str(module.pk)}, name="Anna de Vries")
    assert PlatformLearner.objects.get().name == "Anna de Vries"


def assert_refused(response, status, reason):
    assert response.status_code == status, response.content
    assert reason in response.content.decode()
    assert Learner.objects.count() == 0
    assert PlatformLearner.objects.count() == 0
    assert Launch.objects.count() == 0


def test_an_expired_id_token_is_refused(lms, registered, module):
    response = lms.launch(
        custom={"page_id": str(module.pk)},
        claims=lambda claims: {**claims, "iat": claims["iat"] - 900, "exp": claims["iat"] - 600},
    )
    assert_refused(response, 403, "The id_token has expired.")


def test_a_replayed_id_token_is_refused(lms, registered, module, platform):
    auth = lms.start()
    id_token = platform.sign(platform.claims(auth["nonce"], custom={"page_id": str(module.pk)}))
    first = lms.client.post("/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]})
    assert first.status_code == 302

    # The same token and state again: the state's cookie is gone after the launch.
    again = lms.client.post("/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]})
    assert again.status_code == 400
    assert "does not match a login" in again.content.decode()
    assert Learner.objects.count() == 1


def test_a_spent_nonce_is_refused_even_with_a_valid_state(lms, registered, module, platform):
    auth = lms.start()
    cookie = lms.client.cookies["borg_lms_state_" + auth["state"]].value
    id_token = platform.sign(platform.claims(auth["nonce"], custom={"page_id": str(module.pk)}))
    assert (
        lms.client.post(
            "/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]}
        ).status_code
        == 302
    )
    learners = Learner.objects.count()

    lms.client.cookies["borg_lms_state_" + auth["state"]] = cookie
    again = lms.client.post("/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]})

    assert again.status_code == 403
    assert "This launch was used before" in again.content.decode()
    assert Learner.objects.count() == learners
    assert UsedNonce.objects.count() == 1


def test_an_id_token_signed_with_another_key_is_refused(lms, registered, module, platform):
    from cryptography.hazmat.primitives.asymmetric import rsa

    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    auth = lms.start()
    id_token = platform.sign(
        platform.claims(auth["nonce"], custom={"page_id": str(module.pk)}), key=stranger
    )

    response = lms.client.post(
        "/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]}
    )

    assert_refused(response, 403, "signature is not the platform")


def test_an_id_token_with_an_unknown_key_id_is_refused(lms, registered, module, platform):
    auth = lms.start()
    id_token = platform.sign(platform.claims(auth["nonce"]), kid="gone")

    response = lms.client.post(
        "/learning/lti/launch/", {"id_token": id_token, "state": auth["state"]}
    )

    assert_refused(response, 403, "a key the platform does not publish")


def test_an_id_token_for_another_tool_is_refused(lms, registered, module, platform):
    response = lms.launch(
        custom={"page_id": str(module.pk)}, aud=[platform.client_id, "other"], azp="other"
    )
    assert_refused(response, 403, "authorised party is not this tool")


def test_an_id_token_of_an_unknown_audience_is_refused(lms, registered, module):
    response = lms.launch(custom={"page_id": str(module.pk)}, aud="another-tool")
    assert_refused(response, 403, "No active platform is registered")


def test_an_unknown_deployment_is_refused(lms, registered, module):
    response = lms.launch(
        custom={"page_id": str(module.pk)},
        **{"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-9"},
    )
    assert_refused(response, 403, "The deployment is not registered")


def test_a_nonce_other_than_the_logins_is_refused(lms, registered, module):
    response = lms.launch(
        custom={"page_id": str(module.pk)}, claims=lambda claims: {**claims, "nonce": "made-up"}
    )
    assert_refused(response, 403, "nonce is not the one of this login")


def test_a_login_from_an_unknown_platform_is_refused(lms, registered):
    response = lms.login(iss="https://moodle.elsewhere.example")
    assert response.status_code == 403
    assert "No active platform" in response.content.decode()
    assert not response.cookies


def test_a_switched_off_platform_is_refused(lms, registered, module):
    registered.active = False
    registered.save()
    assert lms.login().status_code == 403


def test_a_launch_without_the_logins_state_is_refused(lms, registered, module, platform):
    auth = lms.start()
    id_token = platform.sign(platform.claims(auth["nonce"], custom={"page_id": str(module.pk)}))

    response = lms.client.post("/learning/lti/launch/", {"id_token": id_token, "state": "forged"})

    assert_refused(response, 400, "does not match a login started in this browser")


def test_a_launch_without_an_id_token_is_refused(lms, registered):
    auth = lms.start()
    response = lms.client.post("/learning/lti/launch/", {"state": auth["state"]})
    assert_refused(response, 400, "The launch has no id_token.")


def test_garbage_instead_of_an_id_token_is_refused(lms, registered):
    response = lms.launch(id_token="not.a.jwt")
    assert_refused(response, 400, "The id_token is not a JWT.")


def test_a_draft_or_unknown_target_is_refused(lms, registered, environment):
    section = factories.section(environment, title="Modules")
    draft = factories.basic_module(section, "Nog niet af", publish=False)

    assert_refused(
        lms.launch(custom={"page_id": str(draft.pk)}), 404, "not (or no longer) published"
    )
    assert_refused(lms.launch(custom={"page_id": "abc"}), 404, "not (or no longer) published")
    assert_refused(
        lms.launch(custom={"page_id": str(section.pk)}), 404, "not (or no longer) published"
    )
    assert UsedNonce.objects.count() == 0


def test_the_platforms_key_set_is_fetched_once(lms, registered, module, platform):
    lms.launch(custom={"page_id": str(module.pk)})
    lms.launch(custom={"page_id": str(module.pk)})

    fetched = [path for method, path, _h, _b in platform.requests if path == "/jwks"]
    assert fetched == ["/jwks"]


def test_an_unreachable_key_set_is_an_answer_not_a_crash(lms, registered, module):
    registered.keyset_url = "http://127.0.0.1:9/jwks"
    registered.save()
    response = lms.launch(custom={"page_id": str(module.pk)})
    assert_refused(response, 502, "key set could not be read")


@pytest.mark.parametrize(
    "claim, value",
    [
        ("https://purl.imsglobal.org/spec/lti/claim/custom", "page_id=1"),
        ("https://purl.imsglobal.org/spec/lti/claim/resource_link", "resource-link-1"),
        ("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ["lineitem"]),
        ("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiSubmissionReviewRequest"),
        ("https://purl.imsglobal.org/spec/lti/claim/version", "1.1"),
        ("sub", ""),
        ("iat", "yesterday"),
    ],
)
def test_a_malformed_claim_is_an_answer_not_a_crash(lms, registered, module, claim, value):
    response = lms.launch(
        custom={"page_id": str(module.pk)}, claims=lambda claims: {**claims, claim: value}
    )
    assert response.status_code in (302, 400, 403, 404), response.content
    if response.status_code != 302:
        assert Learner.objects.count() == 0
