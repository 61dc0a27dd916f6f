"""A learner gets a certificate for a module they completed, and nothing else."""

import pytest
from django.test import override_settings

from borg_learning.certificates.models import Certificate
from tests import factories
from tests.certificates.conftest import PRINTED
from tests.helpers.learners import codes

pytestmark = pytest.mark.django_db


def test_a_completed_module_gets_a_certificate_with_its_facts(issue, learner, module):
    payload = issue(learner[1], module, name="  Anna   de Vries ")
    assert payload["errors"] == []
    certificate = payload["certificate"]
    code = certificate.pop("code")
    assert certificate.pop("issuedAt")
    assert certificate == {
        "pdfUrl": f"http://testserver/learning/certificates/{code}.pdf",
        "verifyUrl": f"http://testserver/learning/certificates/{code}/",
        **PRINTED,
    }
    assert len(code) == 14 and code[4] == code[9] == "-"
    assert set(code.replace("-", "")) <= set("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    assert Certificate.objects.get().learner == learner[0]


def test_the_same_name_again_gives_the_same_certificate(issue, learner, module):
    first = issue(learner[1], module)["certificate"]
    assert issue(learner[1], module, name="Anna de Vries ")["certificate"] == first
    assert Certificate.objects.count() == 1


def test_another_name_issues_another_certificate_and_the_first_stays(issue, learner, module):
    first = issue(learner[1], module)["certificate"]
    second = issue(learner[1], module, name="A. de Vries")["certificate"]
    assert second["code"] != first["code"] and second["name"] == "A. de Vries"
    assert Certificate.objects.count() == 2


def test_five_names_per_module_at_most(issue, learner, module):
    for number in range(5):
        assert issue(learner[1], module, name=f"Naam {number}")["errors"] == []
    refused = issue(learner[1], module, name="Naam 6")
    assert codes(refused) == ["TOO_MANY_CERTIFICATES"] and refused["certificate"] is None
    assert Certificate.objects.count() == 5


def test_the_certificate_stays_true_when_the_module_changes(issue, learner, module):
    first = issue(learner[1], module)["certificate"]
    module.title = "Grenzen stellen, herzien"
    module.target_duration = 20
    module.development_group = None
    module.save_revision().publish()
    assert issue(learner[1], module)["certificate"] == first


def test_the_issuer_comes_from_the_settings(issue, learner, module):
    with override_settings(BORG_LEARNING={"CERTIFICATE_ISSUER": "GGZ Centraal"}):
        assert issue(learner[1], module)["certificate"]["issuer"] == "GGZ Centraal"


@pytest.mark.parametrize(
    "name",
    [
        "",
        "   ",
        "x" * 101,
        "Anna\nde Vries",
        "Anna\tde Vries",
        "Anna\x1b[31m",
        "Anna\u2028de Vries",
    ],
)
def test_an_empty_over_long_or_multi_line_name_is_refused(issue, learner, module, name):
    refused = issue(learner[1], module, name=name)
    assert refused["certificate"] is None
    assert [(error["field"], error["code"]) for error in refused["errors"]] == [
        ("name", "INVALID_NAME")
    ]
    assert not Certificate.objects.exists()


def test_a_name_of_100_characters_fits(issue, learner, module):
    assert issue(learner[1], module, name="é" * 100)["certificate"]["name"] == "é" * 100


def test_an_unfinished_module_is_refused(issue, learner, environment):
    started = factories.basic_module(environment, "Nog bezig")
    factories.progress(learner[0], started)
    refused = issue(learner[1], started)
    assert refused["certificate"] is None
    assert [(error["field"], error["code"]) for error in refused["errors"]] == [
        ("module", "NOT_COMPLETED")
    ]
    assert not Certificate.objects.exists()


def test_a_completed_part_is_not_a_completed_module(issue, learner, environment):
    specialist = factories.specialist_module(environment, "SGG", parts=2)
    part = specialist.get_children().first().specific
    factories.completion(learner[0], part, module=specialist)
    assert codes(issue(learner[1], specialist)) == ["NOT_COMPLETED"]
    assert codes(issue(learner[1], part)) == ["UNKNOWN_MODULE"]
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("hide", [factories.unpublish, factories.expire, factories.restrict])
def test_a_hidden_module_is_refused_even_when_completed(issue, learner, module, hide):
    hide(module)
    assert codes(issue(learner[1], module)) == ["UNKNOWN_MODULE"]
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("module_id", ["999999", "abc", "-1", "1" * 40])
def test_an_unknown_module_is_refused(issue, learner, module_id):
    refused = issue(learner[1], module_id)
    assert [(error["field"], error["code"]) for error in refused["errors"]] == [
        ("module", "UNKNOWN_MODULE")
    ]
    assert not Certificate.objects.exists()


def test_no_module_is_refused(issue, learner):
    assert codes(issue(learner[1], None)) == ["NO_SUBJECT"]


def test_without_a_learner_nothing_is_issued(issue, learner, module):
    assert codes(issue(None, module)) == ["NO_LEARNER"]
    assert codes(issue("a-forged-token", module)) == ["UNKNOWN_LEARNER"]
    assert not Certificate.objects.exists()


def test_another_learner_cannot_have_the_first_ones_module(issue, learner, module):
    _other, token = factories.learner()
    assert codes(issue(token, module)) == ["NOT_COMPLETED"]


def test_a_signed_in_learner_gets_a_certificate_for_their_account(client, issue, module):
    user = factories.user("leerling")
    learner, _token = factories.learner(user=user)
    factories.completion(learner, module)
    client.force_login(user)
    assert issue(None, module)["certificate"]["title"] == "Grenzen stellen"
    assert Certificate.objects.get().learner == learner
