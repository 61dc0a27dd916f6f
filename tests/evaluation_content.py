"""Questionnaires and answers for the evaluation and visit tests."""

import uuid

from borg_learning import models
from borg_learning.models.evaluation import Question
from tests import content

SUBMIT = content.screen_query("submit_evaluation")


def questionnaire(slug="evaluatie", follow_up=True, follow_up_after_days=90, **fields):
    """A questionnaire with one question of each kind, and two follow-up questions."""
    questions = [
        Question(text="Hoe tevreden ben je over deze module?", level=1, kind="likert"),
        Question(text="Welk cijfer geef je de module?", level=1, kind="scale", required=False),
        Question(text="Weet je nu wat je doet bij een incident?", level=2, kind="single",
                 options="Ja\nNee\nWeet ik niet"),
        Question(text="Wat hielp je het meest?", level=2, kind="multiple",
                 options="Video\nTekst\nOefening", required=False),
        Question(text="Wat kan beter?", level=1, kind="open", required=False,
                 help_text="Schrijf wat je wilt."),
    ]
    if follow_up:
        questions += [
            Question(text="Pas je het geleerde toe in je werk?", level=3, kind="likert",
                     part="follow_up"),
            Question(text="Geef een voorbeeld.", level=3, kind="open", part="follow_up",
                     required=False),
        ]
    fields.setdefault("title", "Evaluatie module")
    fields.setdefault("intro", "Wil je ons vertellen wat je ervan vond?")
    result = models.Questionnaire(slug=slug, follow_up_after_days=follow_up_after_days,
                                  follow_up_intro="Een tijd geleden volgde je deze module.",
                                  **fields)
    for position, question in enumerate(questions):
        question.sort_order = position
    result.questions = questions
    result.save()
    return result


def question_ids(questionnaire_, part="first"):
    """Question ids by kind (the follow-up part: "likert" and "open")."""
    return {question.kind: str(question.pk)
            for question in questionnaire_.questions_of(part)}


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
    return [{"question": ids["likert"], "number": 5},
            {"question": ids["open"], "text": "Ik benoem nu eerst wat ik zie."}]


def module_with_questionnaire(environment=None, questionnaire_=None, title="Grenzen stellen"):
    environment = environment or content.environment()
    section = environment.add_child(instance=models.SectionPage(title="Basismodules"))
    questionnaire_ = questionnaire_ or questionnaire()
    return content.basic_module(section, title, questionnaire=questionnaire_)


def submission_input(module, answers, submission_id=None, follow_up_code=None):
    data = {"module": str(module.pk), "submissionId": str(submission_id or uuid.uuid4()),
            "answers": answers}
    if follow_up_code:
        data["followUpCode"] = str(follow_up_code)
    return data
