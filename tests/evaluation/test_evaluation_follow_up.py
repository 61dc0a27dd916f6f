"""The follow-up: a first submission gets a code, and with it the level-3 questions are
answered once, after the configured number of days."""

import datetime
import uuid

import pytest
from django.utils import timezone

from borg_learning import models
from borg_learning.evaluation import submit
from tests import factories
from tests.helpers.evaluation import (
    SUBMIT,
    follow_up_answers,
    good_answers,
    question_ids,
    submission_input,
)
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db

FOLLOW_UP = screen_query("follow_up")


@pytest.fixture
def module():
    return factories.module_with_questionnaire()


def send(graphql, module, answers, **extra):
    body = graphql(SUBMIT, {"input": submission_input(module, answers, **extra)})
    assert "errors" not in body, body
    return body["data"]["submitEvaluation"]


def first_submission(graphql, module):
    result = send(graphql, module, good_answers(module.questionnaire))
    assert result["ok"]
    return result["followUpCode"]


def make_due(code):
    models.Response.objects.filter(follow_up_code=code).update(
        follow_up_due=timezone.localdate() - datetime.timedelta(days=1)
    )


def test_the_first_submission_gets_a_code_due_after_the_configured_days(graphql, module):
    questionnaire = module.questionnaire
    questionnaire.follow_up_after_days = 30
    questionnaire.save()
    result = send(graphql, module, good_answers(questionnaire))
    due = timezone.localdate() + datetime.timedelta(days=30)
    assert result["followUpDue"] == due.isoformat()
    response = models.Response.objects.get()
    assert str(response.follow_up_code) == result["followUpCode"]
    assert response.follow_up_due == due


def test_a_questionnaire_without_follow_up_questions_gives_no_code(graphql, environment):
    questionnaire = factories.questionnaire(slug="kort", follow_up=False)
    module = factories.module_with_questionnaire(environment, questionnaire)
    result = send(graphql, module, good_answers(questionnaire))
    assert result["ok"] and result["followUpCode"] is None and result["followUpDue"] is None


def test_the_follow_up_query_shows_the_follow_up_questions(graphql, module):
    code = first_submission(graphql, module)
    follow_up = graphql(FOLLOW_UP, {"code": code})["data"]["followUp"]
    assert follow_up["code"] == code
    assert follow_up["title"] == "Evaluatie module"
    assert follow_up["intro"] == "Een tijd geleden volgde je deze module."
    assert [q["text"] for q in follow_up["questions"]] == [
        "Pas je het geleerde toe in je werk?",
        "Geef een voorbeeld.",
    ]
    assert {q["level"] for q in follow_up["questions"]} == {3}
    assert follow_up["due"] == (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    assert follow_up["answered"] is False and follow_up["available"] is False
    assert follow_up["module"] == {"id": str(module.pk), "title": "Grenzen stellen"}


def test_an_unknown_follow_up_code_is_null_and_a_malformed_one_an_error(graphql, module):
    assert graphql(FOLLOW_UP, {"code": str(uuid.uuid4())}) == {"data": {"followUp": None}}
    body = graphql(FOLLOW_UP, {"code": "not-a-uuid"})
    assert body.get("data") is None
    assert "Variable '$code' got invalid value 'not-a-uuid'" in body["errors"][0]["message"]


def test_the_follow_up_is_answered_once_when_it_is_due(graphql, module):
    code = first_submission(graphql, module)
    answers = follow_up_answers(module.questionnaire)

    early = send(graphql, module, answers, follow_up_code=code)
    due = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    assert early == {
        "ok": False,
        "followUpCode": None,
        "followUpDue": None,
        "errors": [
            {
                "field": "followUpCode",
                "question": None,
                "code": "FOLLOW_UP_NOT_DUE",
                "message": f"The follow-up questions can be answered from {due}.",
            }
        ],
    }
    assert models.Response.objects.count() == 1

    make_due(code)
    assert graphql(FOLLOW_UP, {"code": code})["data"]["followUp"]["available"] is True
    submission_id = uuid.uuid4()
    result = send(graphql, module, answers, follow_up_code=code, submission_id=submission_id)
    assert result == {"ok": True, "followUpCode": None, "followUpDue": None, "errors": []}
    first = models.Response.objects.get(part="first")
    follow_up = models.Response.objects.get(part="follow_up")
    assert follow_up.first_response == first and follow_up.follow_up_code is None
    assert [answer.level for answer in follow_up.answers.all()] == [3, 3]
    assert [q["part"] for q in follow_up.questions] == ["follow_up", "follow_up"]

    # Sending it again is the same submission; a new one is refused.
    assert (
        send(graphql, module, answers, follow_up_code=code, submission_id=submission_id) == result
    )
    again = send(graphql, module, answers, follow_up_code=code)
    assert again["errors"] == [
        {
            "field": "followUpCode",
            "question": None,
            "code": "FOLLOW_UP_ANSWERED",
            "message": "This follow-up was already answered.",
        }
    ]
    assert models.Response.objects.count() == 2
    status = graphql(FOLLOW_UP, {"code": code})["data"]["followUp"]
    assert status["answered"] is True and status["available"] is False


def test_a_wrong_follow_up_code_is_refused(graphql, module):
    first_submission(graphql, module)
    answers = follow_up_answers(module.questionnaire)
    result = send(graphql, module, answers, follow_up_code=uuid.uuid4())
    assert result["errors"] == [
        {
            "field": "followUpCode",
            "question": None,
            "code": "INVALID_FOLLOW_UP_CODE",
            "message": "The follow-up code is not valid.",
        }
    ]
    assert models.Response.objects.count() == 1


def test_a_follow_up_code_of_another_module_is_refused(graphql, module):
    code = first_submission(graphql, module)
    make_due(code)
    other = factories.basic_module(
        module.get_parent().specific, "Ander", questionnaire=module.questionnaire
    )
    result = send(graphql, other, follow_up_answers(module.questionnaire), follow_up_code=code)
    assert result["errors"][0]["code"] == "FOLLOW_UP_OTHER_MODULE"
    assert result["errors"][0]["message"] == "The follow-up code belongs to another module."
    assert models.Response.objects.count() == 1


def test_follow_up_answers_are_checked_against_the_follow_up_questions(graphql, module):
    code = first_submission(graphql, module)
    make_due(code)
    ids = question_ids(module.questionnaire, "follow_up")
    result = send(graphql, module, good_answers(module.questionnaire), follow_up_code=code)
    codes = {(error["code"], error["question"]) for error in result["errors"]}
    assert ("REQUIRED", ids["likert"]) in codes
    assert {code for code, _question in codes} == {"UNKNOWN_QUESTION", "REQUIRED"}
    result = send(graphql, module, [{"question": ids["likert"], "number": 6}], follow_up_code=code)
    assert result["errors"][0]["code"] == "OUT_OF_RANGE"
    assert models.Response.objects.count() == 1


def test_a_follow_up_whose_questions_were_removed_is_refused(graphql, module):
    code = first_submission(graphql, module)
    make_due(code)
    models.Question.objects.filter(part="follow_up").delete()
    result = send(graphql, module, [], follow_up_code=code)
    assert result["errors"][0]["code"] == "NO_FOLLOW_UP"
    module.questionnaire.delete()
    result = send(graphql, module, [], follow_up_code=code)
    assert result["errors"][0]["code"] == "INVALID_FOLLOW_UP_CODE"
    assert graphql(FOLLOW_UP, {"code": code}) == {"data": {"followUp": None}}
    assert models.Response.objects.count() == 1


def test_a_follow_up_keeps_the_questionnaire_it_followed(module):
    """The module may ask another questionnaire by now; the follow-up is of the first."""
    first = submit(module, uuid.uuid4(), good_answers(module.questionnaire)).response
    module.questionnaire = factories.questionnaire(slug="nieuw", follow_up=False)
    module.save()
    later = first.follow_up_due
    follow_up = submit(
        module,
        uuid.uuid4(),
        follow_up_answers(first.questionnaire),
        follow_up_code=first.follow_up_code,
        today=later,
    ).response
    assert follow_up.questionnaire == first.questionnaire
