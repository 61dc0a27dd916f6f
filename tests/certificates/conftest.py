import datetime

import pytest
from django.utils import timezone

from borg_learning.models import DevelopmentGroup
from tests import factories
from tests.helpers.graphql import screen_query
from tests.helpers.learners import token_header

ISSUE = screen_query("issue_certificate")
VERIFY = screen_query("verify_certificate")
MINE = screen_query("my_certificates")
#: What the certificate of ``issued`` says about the module and the learner.
PRINTED = {
    "name": "Anna de Vries",
    "title": "Grenzen stellen",
    "durationMinutes": 70,
    "completedOn": "2026-11-02",
    "developmentGroup": "Ontwikkelgroep SGG",
    "issuer": "De Borg",
}
COMPLETED_AT = timezone.make_aware(datetime.datetime(2026, 11, 2, 14, 30))


@pytest.fixture
def module(environment):
    """A basic module of 70 minutes by a development group."""
    group = DevelopmentGroup.objects.create(name="Ontwikkelgroep SGG")
    return factories.basic_module(
        environment, "Grenzen stellen", target_duration=70, development_group=group
    )


@pytest.fixture
def learner(module):
    """``(learner, token)`` of a learner who completed the module on 2 November 2026."""
    learner, token = factories.learner()
    factories.completion(learner, module, completed_at=COMPLETED_AT)
    return learner, token


@pytest.fixture
def issue(graphql):
    """issueCertificate for ``token``: the payload."""

    def run(token, module, name="Anna de Vries"):
        fields = {"name": name}
        if module is not None:
            fields["module"] = str(getattr(module, "pk", module))
        answer = graphql(ISSUE, {"input": fields}, **token_header(token))
        assert "errors" not in answer, answer
        return answer["data"]["issueCertificate"]

    return run


@pytest.fixture
def issued(issue, learner, module):
    """The payload's certificate of the learner's module, as "Anna de Vries"."""
    return issue(learner[1], module)["certificate"]
