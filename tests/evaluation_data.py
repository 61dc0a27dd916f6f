"""Responses, answers and visit counts for the report tests, written straight to the ORM.

The questions are those of one questionnaire; ``respond`` stores a response with a
snapshot of them, as the submission service does, without going through it.
"""

import datetime
import uuid

from django.utils import timezone

from borg_learning.models import Answer, PageVisitDay, Questionnaire, Response

#: The questions as asked: id, text, level, kind, options.
QUESTIONS = [
    (101, "Hoe tevreden ben je over de module?", 1, "likert", []),
    (102, "Welk cijfer geef je de module?", 1, "scale", []),
    (201, "Wat heb je geleerd over SGLVG?", 2, "single", ["Veel", "Iets", "Niets"]),
    (202, "Welke werkvormen hielpen?", 2, "multiple", ["Tekst", "Video", "Oefening"]),
    (203, "Hoe zeker ben je van je kennis?", 2, "likert", []),
    (301, "Pas je het geleerde toe?", 3, "likert", []),
    (302, "Wat doe je nu anders?", 3, "open", []),
]
SNAPSHOT = [{"id": qid, "text": text, "helpText": "", "level": level, "kind": kind,
             "options": options, "required": False, "part": "first"}
            for qid, text, level, kind, options in QUESTIONS]


def questionnaire():
    return Questionnaire.objects.get_or_create(
        slug="evaluatie", defaults={"title": "Evaluatie na een module"})[0]


def moment(day, hour=12):
    """A day (a date) at noon in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def respond(module, day, values, part="first", hour=12):
    """A response to ``module`` on ``day``; ``values`` maps question ids to an answer:
    a number, a list of options or a text. Questions left out were skipped."""
    response = Response.objects.create(
        submission_id=uuid.uuid4(), digest="test", questionnaire=questionnaire(),
        questionnaire_title="Evaluatie na een module", module=module,
        module_title=module.title, part=part, submitted_at=moment(day, hour),
        questions=SNAPSHOT)
    answers = []
    for order, (qid, text, level, kind, _options) in enumerate(QUESTIONS):
        if qid not in values:
            continue
        value = values[qid]
        answers.append(Answer(
            response=response, question_id=qid, question_text=text, level=level, kind=kind,
            sort_order=order, number=value if isinstance(value, int) else None,
            choices=value if isinstance(value, list) else [],
            text=value if isinstance(value, str) else ""))
    Answer.objects.bulk_create(answers)
    return response


def respond_many(module, day, count):
    """``count`` responses with every kind of answer, in bulk."""
    responses = Response.objects.bulk_create([Response(
        submission_id=uuid.uuid4(), digest="test", questionnaire=questionnaire(),
        questionnaire_title="Evaluatie", module=module, module_title=module.title,
        submitted_at=moment(day), questions=SNAPSHOT) for _index in range(count)])
    Answer.objects.bulk_create([
        Answer(response=response, question_id=qid, question_text=text, level=level,
               kind=kind, sort_order=order,
               number=(index % 5 + 1) if kind in ("likert", "scale") else None,
               choices=[options[index % len(options)]] if options else [],
               text=f"Antwoord {index}" if kind == "open" else "")
        for index, response in enumerate(responses)
        for order, (qid, text, level, kind, options) in enumerate(QUESTIONS)])


def visits(page, day, count):
    PageVisitDay.objects.create(page=page, date=day, count=count)
