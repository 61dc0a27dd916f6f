"""The demo's evaluation: a questionnaire on Kirkpatrick's levels 1–3, and a year of
generated responses and visits, so the reports show something real.

The history is drawn from a seeded random generator over the 365 days before today,
with a weekly rhythm, a quieter summer and Christmas, slowly growing use and slowly
improving scores; the two modules differ, so the overview per theme does too.
Generated responses are known by their submission ids (``uuid5`` in a fixed
namespace): when the first one exists the history is left alone, so loading again
adds nothing. Rows are made with ``bulk_create``: the whole year takes a fraction of
a second.
"""

import datetime
import math
import random
import uuid

from django.utils import timezone

from borg_learning.evaluation import GivenAnswer, digest_of
from borg_learning.models import (
    Answer,
    BasicModulePage,
    CataloguePage,
    ModulePartPage,
    PageVisitDay,
    Question,
    Questionnaire,
    Response,
    SectionPage,
    SpecialistModulePage,
)
from borg_learning.models.evaluation import NUMBER_RANGES, Level, Part, QuestionKind

SEED = "borg-leeromgeving-evaluatie"
# Submission ids of generated responses: uuid5(NAMESPACE, "response-<n>").
NAMESPACE = uuid.UUID("6d1f3c2e-8a4b-4f0e-9c7d-2b5e8f1a0c36")
DAYS = 365

QUESTIONNAIRE = {
    "title": "Evaluatie module",
    "slug": "evaluatie-module",
    "intro": "Help ons de leeromgeving beter te maken. Het invullen duurt twee minuten en "
    "is anoniem: we vragen niet naar je naam of je instelling.",
    "follow_up_after_days": 90,
    "follow_up_intro": "Zo'n drie maanden geleden heb je deze module gevolgd. We zijn "
    "benieuwd wat je er in de praktijk mee doet. Drie korte vragen, "
    "ook weer anoniem.",
}
LIKERT_HELP = "1 = helemaal mee oneens, 5 = helemaal mee eens"
# The signals from the SGG part "Signaleren en reageren".
SIGNALS = [
    "Seksueel getinte taal of 'grapjes' die steeds verder gaan",
    "Veel aandacht voor één medecliënt: opzoeken, cadeautjes geven, afzonderen",
    "Opvallend gedrag rond privacy en de badkamer",
    "Geheimzinnig doen met de telefoon of online contact",
    "Een medecliënt die stil wordt of iemand ontloopt",
]
# Which mean of a module's profile (below) each level's Likert question follows.
LIKERT = {Level.REACTION: "clear", Level.LEARNING: "learned", Level.BEHAVIOUR: "applied"}
LENGTHS = ["Te kort", "Goed", "Te lang"]
FREQUENCIES = ["Nog niet", "Een of twee keer", "Een paar keer per maand", "Wekelijks of vaker"]
QUESTIONS = [
    {
        "text": "De module was duidelijk en goed te volgen.",
        "help_text": LIKERT_HELP,
        "level": Level.REACTION,
        "kind": QuestionKind.LIKERT,
    },
    {
        "text": "Welk rapportcijfer geef je deze module?",
        "help_text": "1 = zeer slecht, 10 = uitstekend",
        "level": Level.REACTION,
        "kind": QuestionKind.SCALE,
    },
    {
        "text": "Wat vond je van de lengte van de module?",
        "level": Level.REACTION,
        "kind": QuestionKind.SINGLE,
        "options": LENGTHS,
    },
    {
        "text": "Ik weet nu beter wat ik kan doen in de situaties uit deze module.",
        "help_text": LIKERT_HELP,
        "level": Level.LEARNING,
        "kind": QuestionKind.LIKERT,
    },
    {
        "text": "Welke signalen van seksueel grensoverschrijdend gedrag herken je nu?",
        "help_text": "Kies alles wat je nu zou opmerken en opschrijven.",
        "level": Level.LEARNING,
        "kind": QuestionKind.MULTIPLE,
        "options": SIGNALS,
        # Only after modules about SGG: the basic module does not teach these signals.
        "scope_themes": ["sgg"],
    },
    {
        "text": "Wat neem je mee uit deze module naar je werk?",
        "help_text": "Bijvoorbeeld iets dat je morgen anders doet. Niet verplicht.",
        "level": Level.LEARNING,
        "kind": QuestionKind.OPEN,
        "required": False,
    },
    {
        "text": "Ik pas het geleerde toe in mijn werk.",
        "help_text": LIKERT_HELP,
        "level": Level.BEHAVIOUR,
        "kind": QuestionKind.LIKERT,
        "part": Part.FOLLOW_UP,
    },
    {
        "text": "Geef een voorbeeld van een situatie waarin je het geleerde hebt gebruikt.",
        "help_text": "Laat namen en andere herkenbare details weg. Niet verplicht.",
        "level": Level.BEHAVIOUR,
        "kind": QuestionKind.OPEN,
        "required": False,
        "part": Part.FOLLOW_UP,
    },
    {
        "text": "Hoe vaak heb je het geleerde de afgelopen drie maanden gebruikt?",
        "level": Level.BEHAVIOUR,
        "kind": QuestionKind.SINGLE,
        "options": FREQUENCIES,
        "part": Part.FOLLOW_UP,
    },
]

# How each module's learners answer. ``start`` and ``end`` are mean scores a year ago
# and today (Likert 1–5 or scale 1–10); probabilities are per option.
PROFILES = {
    "basic": {
        "responses": 160,
        "clear": (4.0, 4.4),
        "grade": (7.3, 7.9),
        "learned": (3.5, 3.9),
        "applied": (3.4, 3.8),
        "lengths": [0.22, 0.70, 0.08],
        "signals": [0.35, 0.25, 0.20, 0.30, 0.25],
        "frequencies": [0.15, 0.35, 0.30, 0.20],
        "open_rate": 0.3,
        "follow_up_rate": 0.25,
        "take_aways": [
            "Dat ik niet vraag 'snap je het?', maar iemand in eigen woorden laat vertellen "
            "wat we hebben afgesproken.",
            "Korte zinnen en één vraag tegelijk. Klinkt logisch, maar ik doe het nog te weinig.",
            "Dat gedrag een functie heeft. Ik kijk nu vaker naar wanneer en waarom het gebeurt.",
            "Veranderingen op tijd aankondigen en op het planbord zetten.",
            "Fijn om als nieuwe collega in vijf minuten een beeld van de doelgroep te krijgen.",
            "Ik wist niet dat de emotionele leeftijd zo kan verschillen van de kalenderleeftijd.",
        ],
        "examples": [
            "Ik laat cliënten nu vaker herhalen wat we hebben afgesproken. Zo merkte ik dat "
            "een cliënt de nieuwe dagplanning helemaal niet had begrepen.",
            "Een uitje ging niet door. Ik heb het 's ochtends meteen verteld en samen een "
            "nieuwe dag op het bord gezet. Het bleef rustig op de groep.",
            "In het teamoverleg hebben we afgesproken dat we allemaal dezelfde "
            "afsprakenkaart gebruiken.",
            "Na een conflict ben ik later op de dag teruggegaan om het contact te herstellen.",
        ],
    },
    "sgg": {
        "responses": 190,
        "clear": (3.8, 4.3),
        "grade": (7.0, 7.8),
        "learned": (3.9, 4.4),
        "applied": (3.6, 4.1),
        "lengths": [0.06, 0.66, 0.28],
        "signals": [0.80, 0.70, 0.60, 0.55, 0.65],
        "frequencies": [0.25, 0.45, 0.20, 0.10],
        "open_rate": 0.4,
        "follow_up_rate": 0.25,
        "take_aways": [
            "Eerst stoppen, dan zorgen voor de ander. Die volgorde ga ik onthouden.",
            "Feitelijk rapporteren: wat zag ik, wat hoorde ik, en mijn interpretatie apart.",
            "Het Vlaggensysteem ga ik voorstellen in ons teamoverleg.",
            "Meer letten op kleine signalen en die ook echt opschrijven.",
            "Goed dat er ook aandacht is voor nazorg voor jezelf.",
            "De video met de vier stappen was kort en duidelijk. Graag meer van dit soort "
            "voorbeelden.",
            "Een alternatief bieden in plaats van alleen verbieden.",
        ],
        "examples": [
            "Een cliënt maakte seksueel getinte grappen tegen een stagiaire. Ik heb hem "
            "rustig gestopt, gezegd wat wel kan en het dezelfde dienst gerapporteerd.",
            "In mijn rapportage schrijf ik nu eerst op wat ik zag en hoorde, en pas daarna "
            "wat ik denk dat er aan de hand was.",
            "Een cliënt zocht steeds een medecliënt op en gaf haar cadeautjes. Ik heb het "
            "opgeschreven en in het team besproken; collega's hadden het ook gezien.",
            "Na een incident hebben we het met de gedragsdeskundige nabesproken en het "
            "signaleringsplan aangepast.",
            "Ik heb het Vlaggensysteem gebruikt om met een collega over gedrag te praten "
            "zonder meteen te oordelen.",
        ],
    },
}

# Visits a year per page, before the weekly rhythm and the seasons spread them.
YEARLY_VISITS = {
    "environment": 1600,
    "basic_section": 450,
    "specialist_section": 420,
    "catalogue": 520,
    "basic": 650,
    "sgg": 600,
}
PART_VISITS = [380, 300, 240]  # fewer learners reach each next part
WEEKDAY = [1.15, 1.2, 1.1, 1.15, 0.9, 0.3, 0.25]  # Monday first


def ensure_questionnaire(report):
    """The demo questionnaire, by slug; created with its questions when missing."""
    questionnaire = Questionnaire.objects.filter(slug=QUESTIONNAIRE["slug"]).first()
    if questionnaire:
        report.add(f"Questionnaire exists: {questionnaire.title}")
        scopes = {
            data["text"]: data["scope_themes"] for data in QUESTIONS if "scope_themes" in data
        }
        for question in questionnaire.questions.filter(text__in=scopes):
            if not question.scope_themes:  # made before questions had a scope
                question.scope_themes = scopes[question.text]
                question.save(update_fields=["scope_themes"])
        return questionnaire
    questionnaire = Questionnaire(**QUESTIONNAIRE)
    questions = []
    for data in QUESTIONS:
        data = dict(data)
        question = Question(options="\n".join(data.pop("options", [])), **data)
        question.clean()  # the same checks an editor gets
        questions.append(question)
    questionnaire.questions = questions
    questionnaire.full_clean()
    questionnaire.save()
    report.add(f"Questionnaire created: {questionnaire.title} with {len(questions)} questions")
    return questionnaire


def submission_id(number):
    return uuid.uuid5(NAMESPACE, f"response-{number}")


def ensure_history(environment, questionnaire, report, today=None):
    """A year of responses and visits, made once."""
    if Response.objects.filter(submission_id=submission_id(0)).exists():
        report.add("Evaluation history exists, left as it is")
        return
    today = today or timezone.localdate()
    rng = random.Random(SEED)
    days = [today - datetime.timedelta(days=DAYS - offset) for offset in range(DAYS)]
    pages = learning_pages(environment)
    visits = make_visits(rng, days, pages)
    responses, follow_ups, answers = make_responses(rng, days, today, pages, questionnaire)
    report.add(
        f"Evaluation history created: {responses} responses and {follow_ups} "
        f"follow-ups with {answers} answers, {visits} visits over {DAYS} days"
    )


def learning_pages(environment):
    """The demo's pages by role: the start page, sections, catalogue, modules and parts.

    A page an editor has since deleted is None: it gets no history.
    """
    sections = SectionPage.objects.child_of(environment)
    sgg = SpecialistModulePage.objects.descendant_of(environment).filter(slug="sgg").first()
    return {
        "environment": environment,
        "basic_section": sections.filter(slug="basismodules").first(),
        "specialist_section": sections.filter(slug="specialistische-modules").first(),
        "catalogue": CataloguePage.objects.descendant_of(environment).first(),
        "basic": BasicModulePage.objects.descendant_of(environment).first(),
        "sgg": sgg,
        "parts": list(ModulePartPage.objects.child_of(sgg).order_by("path")) if sgg else [],
    }


def activity(day, progress):
    """How busy a day is: weekday, season and slowly growing use (``progress`` 0 to 1
    over the year)."""
    growth = 0.8 + 0.45 * progress
    season = 0.6 if day.month in (7, 8) else 0.5 if (day.month, day.day) >= (12, 22) else 1
    return WEEKDAY[day.weekday()] * season * growth


def poisson(rng, mean):
    """A Poisson draw (Knuth's method; the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


def make_visits(rng, days, pages):
    yearly = [(pages[key], total) for key, total in YEARLY_VISITS.items() if pages[key]]
    yearly += list(zip(pages["parts"], PART_VISITS, strict=False))
    weights = [activity(day, position / len(days)) for position, day in enumerate(days)]
    scale = len(days) / sum(weights)
    rows = []
    for page, total in yearly:
        for day, weight in zip(days, weights, strict=True):
            count = poisson(rng, total / len(days) * weight * scale)
            if count:
                rows.append(PageVisitDay(page=page, date=day, count=count))
    # Real visits counted before the history was made keep their rows.
    PageVisitDay.objects.bulk_create(rows, ignore_conflicts=True)
    return sum(row.count for row in rows)


def make_responses(rng, days, today, pages, questionnaire):
    """First responses for both modules, and follow-ups for a quarter of those due."""
    weights = [activity(day, position / len(days)) for position, day in enumerate(days)]
    numbers = iter(range(10**6))
    firsts, follow_ups, answers = [], [], []

    for key in ("basic", "sgg"):
        module, profile = pages[key], PROFILES[key]
        if module is None:
            continue
        # The questions this module asks: the SGG signals only after the SGG module.
        asked = questionnaire.for_module(module)
        first_questions = Asked(
            questionnaire.questions_of(Part.FIRST), asked.questions_of(Part.FIRST)
        )
        follow_up_questions = Asked(
            questionnaire.questions_of(Part.FOLLOW_UP), asked.questions_of(Part.FOLLOW_UP)
        )
        for day in sorted(rng.choices(days, weights, k=profile["responses"])):
            progress = (day - days[0]).days / len(days)
            mood = rng.gauss(0, 1)  # one learner's overall feeling, shared by the answers
            first = response(
                rng,
                next(numbers),
                questionnaire,
                module,
                Part.FIRST,
                day,
                first_questions,
                answers,
                None,
                profile,
                progress,
                mood,
            )
            first.follow_up_code = uuid.UUID(int=rng.getrandbits(128), version=4)
            first.follow_up_due = day + datetime.timedelta(questionnaire.follow_up_after_days)
            firsts.append(first)
            later = first.follow_up_due + datetime.timedelta(days=rng.randint(0, 30))
            if later < today and rng.random() < profile["follow_up_rate"]:
                follow_up = response(
                    rng,
                    next(numbers),
                    questionnaire,
                    module,
                    Part.FOLLOW_UP,
                    later,
                    follow_up_questions,
                    answers,
                    first,
                    profile,
                    progress,
                    mood,
                )
                follow_ups.append(follow_up)

    # Saved in this order, each row gets the primary key of the one it points to.
    Response.objects.bulk_create(firsts)
    Response.objects.bulk_create(follow_ups)
    Answer.objects.bulk_create(answers, batch_size=500)
    return len(firsts), len(follow_ups), len(answers)


class Asked(list):
    """The questions a module asks, and all questions of the part: a learner's answers
    are drawn for all of them, in order, so every module's figures stay the same
    whichever questions another module asks; only the asked ones are kept."""

    def __init__(self, everything, asked):
        super().__init__(asked)
        self.everything = everything


def response(rng, number, questionnaire, module, part, day, questions, answers, first, *learner):
    """A response with a learner's answers to ``questions``, added to ``answers``.

    Its digest is the one ``borg_learning.evaluation`` makes of a real submission.
    """
    moment = datetime.time(rng.choice([7, 9, 10, 11, 13, 14, 15, 16, 20, 21]), rng.randrange(60))
    made = Response(
        submission_id=submission_id(number),
        questionnaire=questionnaire,
        questionnaire_title=questionnaire.title,
        module=module,
        module_title=module.title,
        part=part,
        questions=[question.snapshot() for question in questions],
        submitted_at=timezone.make_aware(datetime.datetime.combine(day, moment)),
        first_response=first,
    )
    given = answers_for(rng, questions, *learner)
    sent = [
        GivenAnswer(str(answer.question_id), answer.number, tuple(answer.choices), answer.text)
        for answer in given
    ]
    # A follow-up is sent with the code its first response handed out.
    code = first.follow_up_code if first is not None else None
    made.digest = digest_of(module.pk, part, code, sent)
    for answer in given:
        answer.response = made
    answers += given
    return made


def answers_for(rng, questions, profile, progress, mood):
    """One learner's answers to one part; a skipped open question has none.

    ``sort_order`` is the question's place in the part as asked, as a real submission
    stores it.
    """
    answers = []
    positions = {question.pk: position for position, question in enumerate(questions)}
    for question in getattr(questions, "everything", questions):
        answer = answer_for(rng, question, profile, progress, mood)
        if answer is not None and question.pk in positions:
            answer.sort_order = positions[question.pk]
            answers.append(answer)
    return answers


def answer_for(rng, question, profile, progress, mood):
    answer = Answer(
        question_id=question.pk,
        question_text=question.text,
        level=question.level,
        kind=question.kind,
    )
    if question.kind in NUMBER_RANGES:
        low, high = NUMBER_RANGES[question.kind]
        measure = "grade" if question.kind == QuestionKind.SCALE else LIKERT[question.level]
        start, end = profile[measure]
        mean = start + (end - start) * progress
        spread = (high - low) / 8
        answer.number = min(high, max(low, round(rng.gauss(mean + mood * spread, spread))))
    elif question.kind == QuestionKind.SINGLE:
        options = question.option_list
        weights = profile["lengths" if question.part == Part.FIRST else "frequencies"]
        answer.choices = rng.choices(options, weights if len(weights) == len(options) else None)
    elif question.kind == QuestionKind.MULTIPLE:
        chances = zip(question.option_list, profile["signals"], strict=False)
        chosen = [option for option, chance in chances if rng.random() < chance]
        answer.choices = chosen or [rng.choice(question.option_list)]
    else:
        if rng.random() >= profile["open_rate"]:
            return None
        pool = "examples" if question.part == Part.FOLLOW_UP else "take_aways"
        answer.text = rng.choice(profile[pool])
    return answer
