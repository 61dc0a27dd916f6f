"""Submitting an evaluation: every rule the answers must meet, and that a refused
submission stores nothing; the same submission sent twice is stored once."""

import uuid

import pytest

from borg_learning import models
from borg_learning.evaluation import MAX_ANSWERS, SubmissionError, submit
from borg_learning.models.evaluation import OPEN_ANSWER_MAX_LENGTH
from tests import factories
from tests.helpers.evaluation import SUBMIT, good_answers, question_ids, submission_input

pytestmark = pytest.mark.django_db


@pytest.fixture
def module():
    return factories.module_with_questionnaire()


@pytest.fixture
def ids(module):
    return question_ids(module.questionnaire)


def send(graphql, module, answers, **extra):
    body = graphql(SUBMIT, {"input": submission_input(module, answers, **extra)})
    assert "errors" not in body, body
    return body["data"]["submitEvaluation"]


def assert_nothing_stored():
    assert models.Response.objects.count() == 0
    assert models.Answer.objects.count() == 0


def answers_with(module, question_kind, **answer):
    """The good answers with the one to ``question_kind`` replaced (or dropped: None)."""
    ids = question_ids(module.questionnaire)
    result = [
        answer_
        for answer_ in good_answers(module.questionnaire)
        if answer_["question"] != ids[question_kind]
    ]
    if answer:
        result.append({"question": ids[question_kind], **answer})
    return result


# --- What is stored -------------------------------------------------------------------------


def test_good_answers_are_stored_with_a_snapshot_of_the_questions(graphql, module, ids):
    result = send(graphql, module, good_answers(module.questionnaire))
    assert result["ok"] is True and result["errors"] == []

    response = models.Response.objects.get()
    assert response.module_id == module.pk and response.module_title == "Grenzen stellen"
    assert response.questionnaire == module.questionnaire
    assert response.questionnaire_title == "Evaluatie module"
    assert response.part == "first"
    assert response.questions == [
        question.snapshot() for question in module.questionnaire.questions_of("first")
    ]
    assert [q["text"] for q in response.questions][0] == "Hoe tevreden ben je over deze module?"
    stored = {str(answer.question_id): answer for answer in response.answers.all()}
    assert stored[ids["likert"]].number == 4 and stored[ids["likert"]].level == 1
    assert stored[ids["scale"]].number == 8
    assert stored[ids["single"]].choices == ["Ja"]
    # Choices are kept in the questionnaire's order, whatever order they were sent in.
    assert stored[ids["multiple"]].choices == ["Video", "Oefening"]
    assert stored[ids["open"]].text == "Meer voorbeelden graag."
    assert stored[ids["open"]].question_text == "Wat kan beter?"
    assert [answer.kind for answer in response.answers.all()] == [
        "likert",
        "scale",
        "single",
        "multiple",
        "open",
    ]


def test_optional_questions_may_be_left_out_or_blank(graphql, module, ids):
    answers = [
        {"question": ids["likert"], "number": 3},
        {"question": ids["single"], "choices": ["Nee"]},
        {"question": ids["open"], "text": "   "},
        {"question": ids["multiple"], "choices": []},
    ]
    assert send(graphql, module, answers)["ok"] is True
    assert models.Answer.objects.count() == 2  # only what was answered


def test_an_open_answer_of_exactly_the_limit_is_stored(graphql, module):
    text = "x" * OPEN_ANSWER_MAX_LENGTH
    assert send(graphql, module, answers_with(module, "open", text=text))["ok"] is True
    assert models.Answer.objects.get(kind="open").text == text


# --- What is refused ------------------------------------------------------------------------


BAD_ANSWERS = [
    # (question answered, the answer, expected code)
    ("likert", {"number": 0}, "OUT_OF_RANGE"),
    ("likert", {"number": 6}, "OUT_OF_RANGE"),
    ("likert", {"number": -3}, "OUT_OF_RANGE"),
    ("scale", {"number": 11}, "OUT_OF_RANGE"),
    ("likert", {"text": "vier"}, "WRONG_TYPE"),
    ("likert", {"choices": ["4"]}, "WRONG_TYPE"),
    ("likert", {"number": 4, "text": "vier"}, "WRONG_TYPE"),
    ("single", {"number": 1}, "WRONG_TYPE"),
    ("single", {"text": "Ja"}, "WRONG_TYPE"),
    ("single", {"choices": ["Misschien"]}, "UNKNOWN_OPTION"),
    ("single", {"choices": ["ja"]}, "UNKNOWN_OPTION"),
    ("single", {"choices": ["Ja", "Nee"]}, "TOO_MANY_CHOICES"),
    ("multiple", {"choices": ["Video", "Video"]}, "DUPLICATE_CHOICE"),
    ("multiple", {"choices": ["Video", "Podcast"]}, "UNKNOWN_OPTION"),
    ("multiple", {"number": 2}, "WRONG_TYPE"),
    ("open", {"number": 5}, "WRONG_TYPE"),
    ("open", {"choices": ["Video"]}, "WRONG_TYPE"),
    ("open", {"text": "x" * (OPEN_ANSWER_MAX_LENGTH + 1)}, "TOO_LONG"),
    ("likert", {}, "REQUIRED"),  # left out
    ("single", {"choices": []}, "REQUIRED"),  # blank
]


@pytest.mark.parametrize("kind, answer, code", BAD_ANSWERS)
def test_a_wrong_answer_is_refused_for_its_question_and_nothing_is_stored(
    graphql, module, ids, kind, answer, code
):
    result = send(graphql, module, answers_with(module, kind, **answer))
    assert result["ok"] is False and result["followUpCode"] is None
    (error,) = result["errors"]
    assert error["code"] == code and error["question"] == ids[kind]
    assert error["field"] == "answers"
    assert f"Question {ids[kind]}" in error["message"]
    assert_nothing_stored()


def test_the_messages_say_what_is_wrong(graphql, module, ids):
    cases = {
        "likert": ({"number": 9}, "the answer takes a whole number from 1 to 5; got 9."),
        "single": ({"choices": ["Misschien"]}, "'Misschien' is not one of its options."),
        "open": ({"text": "x" * 2500}, "the answer is 2,500 characters long; the limit is 2,000."),
        "scale": ({"text": "acht"}, "the answer takes a whole number from 1 to 10, not text."),
    }
    for kind, (answer, message) in cases.items():
        (error,) = send(graphql, module, answers_with(module, kind, **answer))["errors"]
        assert error["message"] == f"Question {ids[kind]}: {message}"
    (error,) = send(graphql, module, answers_with(module, "likert"))["errors"]
    assert error["message"] == f"Question {ids['likert']} needs an answer."


def test_every_problem_is_reported_at_once(graphql, module, ids):
    answers = [
        {"question": ids["likert"], "number": 7},
        {"question": ids["multiple"], "choices": ["Podcast"]},
        {"question": "999999", "number": 1},
    ]
    result = send(graphql, module, answers)
    assert {(e["question"], e["code"]) for e in result["errors"]} == {
        (ids["likert"], "OUT_OF_RANGE"),
        (ids["multiple"], "UNKNOWN_OPTION"),
        ("999999", "UNKNOWN_QUESTION"),
        (ids["single"], "REQUIRED"),
    }
    assert_nothing_stored()


@pytest.mark.parametrize("question", ["999999", "abc", "", " 1", "1.0", "9" * 30])
def test_an_unknown_question_is_refused(graphql, module, question):
    answers = good_answers(module.questionnaire) + [{"question": question, "number": 1}]
    result = send(graphql, module, answers)
    (error,) = result["errors"]
    assert error["code"] == "UNKNOWN_QUESTION"
    assert_nothing_stored()


def test_a_question_of_another_questionnaire_or_the_follow_up_is_refused(graphql, module):
    other = factories.questionnaire(slug="ander")
    for question in (
        question_ids(other)["likert"],
        question_ids(module.questionnaire, "follow_up")["likert"],
    ):
        answers = good_answers(module.questionnaire) + [{"question": question, "number": 4}]
        (error,) = send(graphql, module, answers)["errors"]
        assert error == {
            "field": "answers",
            "question": question,
            "code": "UNKNOWN_QUESTION",
            "message": f"Question {question} is not asked here.",
        }
    assert_nothing_stored()


def test_a_question_answered_twice_is_refused(graphql, module, ids):
    answers = good_answers(module.questionnaire) + [{"question": ids["likert"], "number": 2}]
    (error,) = send(graphql, module, answers)["errors"]
    assert error["code"] == "DUPLICATE_ANSWER" and error["question"] == ids["likert"]
    assert_nothing_stored()


def test_too_many_answers_are_refused_without_looking_at_each(graphql, module, ids):
    answers = [{"question": ids["likert"], "number": 4}] * (MAX_ANSWERS + 1)
    (error,) = send(graphql, module, answers)["errors"]
    assert error["code"] == "TOO_MANY_ANSWERS" and error["question"] is None
    assert_nothing_stored()


@pytest.mark.parametrize(
    "answer",
    [
        {"number": "4"},
        {"number": 4.5},
        {"number": 2**40},
        {"choices": [1]},
        {"choices": {}},
        {"text": 12},
        {"number": True},
        {"choices": [None]},
    ],
)
def test_values_of_the_wrong_graphql_type_are_a_clear_error(graphql, module, ids, answer):
    body = graphql(
        SUBMIT, {"input": submission_input(module, [{"question": ids["likert"], **answer}])}
    )
    assert body.get("data") is None
    (error,) = body["errors"]
    assert "Variable '$input' got invalid value" in error["message"]
    assert_nothing_stored()


# --- Modules ---------------------------------------------------------------------------------


def unknown_module_message(graphql, module_id, answers=()):
    body = graphql(
        SUBMIT,
        {
            "input": {
                "module": str(module_id),
                "submissionId": str(uuid.uuid4()),
                "answers": list(answers),
            }
        },
    )
    assert body["data"] == {"submitEvaluation": None}
    (error,) = body["errors"]
    return error["message"], error.get("extensions", {}).get("code")


def test_an_unknown_or_hidden_module_is_a_graphql_error(graphql, module):
    section = module.get_parent().specific
    draft = factories.basic_module(
        section, "Concept", questionnaire=module.questionnaire, publish=False
    )
    private = factories.basic_module(section, "Besloten", questionnaire=module.questionnaire)
    factories.restrict(private)
    expired = factories.expire(
        factories.basic_module(section, "Verlopen", questionnaire=module.questionnaire)
    )
    sgg = factories.specialist_module(section, "SGG", parts=1, questionnaire=module.questionnaire)
    part = sgg.get_children().first()
    answers = good_answers(module.questionnaire)
    for module_id in ("999999", "abc", "-1", draft.pk, private.pk, expired.pk, part.pk, section.pk):
        message, code = unknown_module_message(graphql, module_id, answers)
        assert message == f"There is no published module with id '{module_id}'."
        assert code == "UNKNOWN_MODULE"
    assert_nothing_stored()
    # A specialist module takes answers.
    assert send(graphql, sgg, answers)["ok"] is True


def test_a_module_without_a_questionnaire_is_a_graphql_error(graphql, environment):
    module = factories.basic_module(environment, "Zonder evaluatie")
    message, code = unknown_module_message(graphql, module.pk)
    assert message == f"Module {module.pk} has no evaluation questionnaire."
    assert code == "NO_QUESTIONNAIRE"
    assert_nothing_stored()


def test_a_module_without_its_own_questionnaire_asks_the_default(graphql, environment, settings):
    default = factories.questionnaire(slug="standaard", follow_up=False, title="Standaardevaluatie")
    module = factories.basic_module(environment, "Zonder eigen evaluatie")
    settings.BORG_LEARNING = {"DEFAULT_QUESTIONNAIRE": "standaard"}
    result = send(graphql, module, good_answers(default))
    assert result["ok"] is True and result["followUpCode"] is None
    assert models.Response.objects.get().questionnaire_title == "Standaardevaluatie"


# --- The same submission twice ---------------------------------------------------------------


def test_the_same_submission_twice_is_stored_once(graphql, module):
    submission_id = uuid.uuid4()
    answers = good_answers(module.questionnaire)
    first = send(graphql, module, answers, submission_id=submission_id)
    again = send(graphql, module, list(reversed(answers)), submission_id=submission_id)
    assert first == again and first["ok"] and first["followUpCode"]
    assert models.Response.objects.count() == 1
    assert models.Answer.objects.count() == 5


def test_a_reused_submission_id_with_other_answers_is_refused(graphql, module, ids):
    submission_id = uuid.uuid4()
    send(graphql, module, good_answers(module.questionnaire), submission_id=submission_id)
    stored = list(models.Answer.objects.values_list("number", "choices", "text"))
    other = answers_with(module, "likert", number=1)
    result = send(graphql, module, other, submission_id=submission_id)
    assert result["ok"] is False
    assert result["errors"] == [
        {
            "field": "submissionId",
            "question": None,
            "code": "SUBMISSION_ID_REUSED",
            "message": "This submission id was already used with different answers; make a new "
            "id for new answers.",
        }
    ]
    assert list(models.Answer.objects.values_list("number", "choices", "text")) == stored
    # Also for another module with the same answers.
    other_module = factories.module_with_questionnaire(
        module.get_parent().get_parent().specific, module.questionnaire, "Ander"
    )
    result = send(
        graphql, other_module, good_answers(module.questionnaire), submission_id=submission_id
    )
    assert result["errors"][0]["code"] == "SUBMISSION_ID_REUSED"
    assert models.Response.objects.count() == 1


def test_a_repeat_after_the_questionnaire_changed_still_answers_as_before(graphql, module, ids):
    submission_id = uuid.uuid4()
    answers = good_answers(module.questionnaire)
    first = send(graphql, module, answers, submission_id=submission_id)
    models.Question.objects.filter(pk=ids["scale"]).update(required=True, kind="likert")
    assert send(graphql, module, answers, submission_id=submission_id) == first


def test_the_service_says_whether_it_stored(module):
    submission_id = uuid.uuid4()
    answers = good_answers(module.questionnaire)
    assert submit(module, submission_id, answers).created is True
    repeat = submit(module, submission_id, answers)
    assert repeat.created is False and repeat.response == models.Response.objects.get()
    with pytest.raises(SubmissionError) as refused:
        submit(module, "not-a-uuid", answers)
    assert refused.value.problems[0].field == "submissionId"


# --- Old results never change ----------------------------------------------------------------


def test_editing_or_deleting_questions_later_keeps_old_results(graphql, module, ids):
    send(graphql, module, good_answers(module.questionnaire))
    response = models.Response.objects.get()
    snapshot = response.questions
    answers = list(models.Answer.objects.values())

    questionnaire = module.questionnaire
    models.Question.objects.filter(pk=ids["likert"]).update(text="Een nieuwe vraag", level=2)
    models.Question.objects.filter(pk=ids["single"]).update(options="Wel\nNiet")
    models.Question.objects.filter(pk=ids["open"]).delete()
    response.refresh_from_db()
    assert response.questions == snapshot
    assert list(models.Answer.objects.values()) == answers

    questionnaire.delete()
    response.refresh_from_db()
    assert response.questionnaire is None
    assert response.questionnaire_title == "Evaluatie module"
    assert response.questions == snapshot
    assert list(models.Answer.objects.values()) == answers
