import os
from pathlib import Path

import pytest

from borg_learning.lms.models import Platform
from tests import factories
from tests.helpers.lti_platform import FakePlatform
from tests.helpers.ralph import Ralph

LOGIN = "/learning/lti/login/"
LAUNCH = "/learning/lti/launch/"
DEEP_LINKING = "/learning/lti/deep-linking/"


@pytest.fixture
def platform():
    """The LMS, serving its key set, token URL and scores on 127.0.0.1."""
    with FakePlatform() as fake:
        yield fake


@pytest.fixture
def registered(db, platform):
    """The LMS as its administrator registered it in our admin."""
    return Platform.objects.create(**platform.registration())


@pytest.fixture
def module(environment):
    """A basic module of a text and two true/false exercises."""
    section = factories.section(environment, title="Modules")
    return factories.basic_module(
        section,
        "Grenzen stellen",
        body=factories.body_blocks(3, section, kinds=("text", "exercise", "exercise")),
    )


class Lms:
    """The learner's browser going from the LMS to us: login, then the launch form post."""

    def __init__(self, client, platform):
        self.client, self.platform = client, platform

    def login(self, **params):
        params = {
            "iss": self.platform.issuer,
            "login_hint": "moodle-user-42",
            "target_link_uri": "http://testserver" + LAUNCH,
            "client_id": self.platform.client_id,
            "lti_message_hint": "hint-7",
            **params,
        }
        return self.client.post(LOGIN, params)

    def start(self):
        """A login; what the platform got: its authentication request's parameters."""
        response = self.login()
        assert response.status_code == 302, response.content
        return self.platform.auth_redirect(response["Location"])

    def launch(self, id_token=None, state=None, *, claims=None, **claim_changes):
        """Login, then post the id_token (made from the platform's claims for the login's
        nonce, changed by ``claim_changes``) as the platform would."""
        auth = self.start()
        if id_token is None:
            made = self.platform.claims(auth["nonce"], **claim_changes)
            id_token = self.platform.sign(claims(made) if claims else made)
        return self.client.post(LAUNCH, {"id_token": id_token, "state": state or auth["state"]})


@pytest.fixture
def lms(client, platform):
    return Lms(client, platform)


@pytest.fixture(scope="session")
def ralph(tmp_path_factory):
    """ralph, a real LRS, on 127.0.0.1: started once per test session (per xdist worker)."""
    venv = os.environ.get("BORG_LEARNING_RALPH")
    if not venv:
        pytest.skip(
            "needs ralph (openfun's LRS): run the tests under scripts/with-ralph, as make "
            "test does; it makes .venv-ralph and sets BORG_LEARNING_RALPH"
        )
    with Ralph(Path(venv), tmp_path_factory.mktemp("ralph")) as lrs:
        yield lrs


def send_statements_to(platform_row, endpoint, key="borg-learning", secret=None):
    """The platform's LRS as its administrator fills it in."""
    secret = secret or "not-checked-by-a-closed-port"
    platform_row.xapi_enabled = True
    platform_row.lrs_endpoint, platform_row.lrs_key, platform_row.lrs_secret = (
        endpoint,
        key,
        secret,
    )
    platform_row.save()
    return platform_row
