"""A learner's certificates: in me, in the export, gone with forgetMe, kept on sign-in."""

import json

import pytest

from borg_learning.certificates.models import Certificate
from tests import factories
from tests.certificates.conftest import MINE, PRINTED
from tests.helpers.graphql import count_queries
from tests.helpers.learners import EXPORT, FORGET_ME, to_the_millisecond, token_header

pytestmark = pytest.mark.django_db


def mine(graphql, token, module=None):
    variables = {"module": str(module.pk)} if module is not None else {}
    answer = graphql(MINE, variables, **token_header(token))
    assert "errors" not in answer, answer
    return answer["data"]["me"]["certificates"]


def test_me_lists_the_learners_certificates_the_latest_first(
    graphql, issue, learner, module, environment
):
    other_module = factories.basic_module(environment, "Melden")
    factories.completion(learner[0], other_module)
    first = issue(learner[1], module)["certificate"]
    second = issue(learner[1], other_module)["certificate"]
    assert [found["code"] for found in mine(graphql, learner[1])] == [
        second["code"],
        first["code"],
    ]
    assert [found["code"] for found in mine(graphql, learner[1], module)] == [first["code"]]
    keys = ("code", "pdfUrl", "name", "title", "durationMinutes", "completedOn", "issuedAt")
    assert {key: mine(graphql, learner[1])[1][key] for key in keys} == {
        key: first[key] for key in keys
    }


def test_a_certificate_names_its_module_for_the_frontend(graphql, issued, learner, module):
    (found,) = mine(graphql, learner[1])
    subject = found["subject"]
    assert subject == {
        "kind": "MODULE",
        "id": str(module.pk),
        "title": "Grenzen stellen",
        "path": subject["path"],
        "slug": None,
    }
    # The path is the one page(path:) takes: it leads to the module.
    page = graphql("query ($path: String) { page(path: $path) { id } }", {"path": subject["path"]})
    assert page["data"]["page"] == {"id": str(module.pk)}


def test_a_certificate_of_a_withdrawn_module_keeps_its_title_but_names_no_page(
    graphql, issued, learner, module
):
    module.title = "Grenzen stellen (nieuw)"
    module.save_revision().publish()
    assert mine(graphql, learner[1])[0]["subject"]["title"] == "Grenzen stellen (nieuw)"
    module.unpublish()
    (found,) = mine(graphql, learner[1])
    assert found["title"] == "Grenzen stellen"
    assert found["subject"] == {
        "kind": "MODULE",
        "id": str(module.pk),
        "title": None,
        "path": None,
        "slug": None,
    }


def test_me_shows_no_certificate_of_another_learner(graphql, issued, module):
    other, token = factories.learner()
    factories.completion(other, module)
    assert mine(graphql, token) == []


def make_certificates(learner, count, start=0, modules=None):
    for number in range(start, start + count):
        Certificate.objects.create(
            learner=learner,
            subject_kind="MODULE",
            subject_id=modules[number].pk if modules else number + 1,
            name="Anna de Vries",
            title=f"Module {number}",
            duration_minutes=10,
            completed_on="2026-11-02",
            issuer="De Borg",
            code=f"{number:0>12}".translate(str.maketrans("01", "AB")),
        )


def test_me_costs_the_same_for_1_and_10_certificates(client, learner, environment):
    someone_else, _ = factories.learner()
    make_certificates(someone_else, 3, start=100)  # rows me must not load
    modules = [factories.basic_module(environment, f"Module {number}") for number in range(10)]
    make_certificates(learner[0], 1, modules=modules)
    client.defaults["HTTP_X_LEARNER_TOKEN"] = learner[1]
    small_count, small = count_queries(client, MINE)
    make_certificates(learner[0], 9, start=1, modules=modules)
    large_count, large = count_queries(client, MINE)
    assert len(small["data"]["me"]["certificates"]) == 1
    assert len(large["data"]["me"]["certificates"]) == 10
    assert all(
        found["subject"]["kind"] == "MODULE" for found in large["data"]["me"]["certificates"]
    )
    # The learner (by token), their certificates, and their modules at once: the request's
    # site (for the visibility policy), the pages and their specific rows, the site roots
    # (for the path).
    assert small_count == large_count == 6


def test_the_export_has_the_learners_certificates(graphql, issued, learner):
    answer = graphql(EXPORT, **token_header(learner[1]))["data"]["exportMyData"]
    exported = json.loads(answer["json"])["certificates"]
    assert [
        {key: value for key, value in row.items() if key not in ("issuedAt", "subjectId")}
        for row in exported
    ] == [{"code": issued["code"], "subject": "MODULE", **PRINTED}]

    # The typed data has the same certificates.
    assert to_the_millisecond(answer["data"]["certificates"]) == to_the_millisecond(exported)


def test_forget_me_deletes_the_certificates_and_their_codes_verify_no_more(
    client, graphql, issued, learner, module
):
    other, token = factories.learner()
    factories.completion(other, module)
    kept = graphql(
        "mutation ($input: LearningIssueCertificateInput!) { issueCertificate(input: $input) "
        "{ certificate { code } } }",
        {"input": {"module": str(module.pk), "name": "Bram"}},
        **token_header(token),
    )["data"]["issueCertificate"]["certificate"]
    forgotten = graphql(FORGET_ME, **token_header(learner[1]))["data"]["forgetMe"]
    assert forgotten == {"ok": True, "errors": []}
    assert list(Certificate.objects.values_list("learner", flat=True)) == [other.pk]
    assert client.get(issued["verifyUrl"]).status_code == 404
    assert Certificate.objects.get().shown_code == kept["code"]


def test_signing_in_keeps_the_anonymous_learners_certificates(client, graphql, issued, learner):
    user = factories.user("leerling")
    own, _token = factories.learner(user=user)
    client.force_login(user)
    certificates = mine(graphql, learner[1])  # the first request with both: the merge
    assert [found["code"] for found in certificates] == [issued["code"]]
    assert Certificate.objects.get().learner == own
    assert client.get(issued["verifyUrl"]).status_code == 200
