"""What a learner sends to submit an evaluation: the mutation, question ids and answers."""

import uuid

from tests.helpers.graphql import screen_query

SUBMIT = screen_query("submit_evaluation")


def question_ids(questionnaire_, part="first"):
    """Question ids by kind (the follow-up part: "likert" and "open")."""
    return {question.kind: str(question.pk) for question in questionnaire_.questions_of(part)}


def good_answers(questionnaire_):
    ids = question_ids(questionnaire_)
    return [
        {"question": ids["likert"], "number": 4},
        {"question": ids["scale"], "number": 8},
        {"question": ids["single"], "choices": ["Ja"]},
        {"question": ids["multiple"], "choices": ["Oefening", "Video"]},
        {"question": ids["open"], "text": "  Meer voorbeelden graag.  "},
    ]


def follow_up_answers(questionnaire_):
    ids = question_ids(questionnaire_, "follow_up")
    return [
        {"question": ids["likert"], "number": 5},
        {"question": ids["open"], "text": "Ik benoem nu eerst wat ik zie."},
    ]


def submission_input(module, answers, submission_id=None, follow_up_code=None):
    data = {
        "module": str(module.pk),
        "submissionId": str(submission_id or uuid.uuid4()),
        "answers": answers,
    }
    if follow_up_code:
        data["followUpCode"] = str(follow_up_code)
    return data
