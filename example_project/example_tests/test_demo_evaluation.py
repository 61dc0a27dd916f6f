"""The demo's questionnaire and its generated year of responses and visits."""

import datetime
import re
from collections import Counter
from pathlib import Path
from statistics import mean

import pytest
from django.test import override_settings
from django.utils import timezone

from borg_learning.evaluation import GivenAnswer, check_answers, digest_of
from borg_learning.models import Answer, PageVisitDay, Question, Questionnaire, Response
from borg_learning.models.evaluation import (
    CHOICE_KINDS,
    NUMBER_RANGES,
    OPEN_ANSWER_MAX_LENGTH,
    Level,
    Part,
    QuestionKind,
)
from demo import content, evaluation, microlessons

EXAMPLE_SETTINGS = Path(content.__file__).parents[1] / "example" / "settings" / "base.py"


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def firsts():
    return Response.objects.filter(part=Part.FIRST)


def test_the_questionnaire_asks_on_three_levels_in_five_kinds(loaded):
    questionnaire = loaded.questionnaire
    questionnaire.full_clean()
    questions = list(questionnaire.questions.all())
    for question in questions:
        question.clean()
    assert {question.level for question in questions} == set(Level)
    assert {question.kind for question in questions} == set(QuestionKind)
    first = questionnaire.questions_of(Part.FIRST)
    assert {question.level for question in first} == {Level.REACTION, Level.LEARNING}
    assert {question.kind for question in first} == set(QuestionKind)
    follow_up = questionnaire.questions_of(Part.FOLLOW_UP)
    assert questionnaire.has_follow_up and questionnaire.follow_up_after_days == 90
    assert {question.level for question in follow_up} == {Level.BEHAVIOUR}
    assert {question.kind for question in follow_up} == {
        QuestionKind.LIKERT,
        QuestionKind.OPEN,
        QuestionKind.SINGLE,
    }
    assert all(
        not question.required for question in questions if question.kind == QuestionKind.OPEN
    )
    assert questionnaire.intro and questionnaire.follow_up_intro


def test_the_signals_question_offers_the_signals_the_sgg_module_teaches(loaded):
    question = Question.objects.get(kind=QuestionKind.MULTIPLE)
    part = next(part for part in loaded.sgg_parts if part.slug == "signaleren-en-reageren")
    taught = str(part.body[0].value["text"])
    assert len(question.option_list) == 5
    for option, keyword in zip(
        question.option_list,
        ["grapjes", "cadeautjes", "badkamer", "telefoon", "stil w"],
        strict=True,
    ):
        assert keyword in option and keyword in taught


def test_the_sgg_module_asks_it_and_the_example_site_makes_it_the_default(loaded):
    questionnaire = loaded.questionnaire
    assert loaded.sgg.questionnaire == questionnaire
    assert loaded.sgg.get_questionnaire() == questionnaire
    assert loaded.basic_module.questionnaire is None
    assert loaded.basic_module.get_questionnaire() is None  # the tests set no default
    slug = re.search(r'"DEFAULT_QUESTIONNAIRE": "([-\w]+)"', EXAMPLE_SETTINGS.read_text())
    assert slug and slug.group(1) == questionnaire.slug
    with override_settings(BORG_LEARNING={"DEFAULT_QUESTIONNAIRE": slug.group(1)}):
        assert loaded.basic_module.get_questionnaire() == questionnaire


def test_a_few_hundred_responses_spread_over_the_past_year(loaded):
    today = timezone.localdate()
    responses = list(Response.objects.all())
    first = [response for response in responses if response.part == Part.FIRST]
    follow_ups = [response for response in responses if response.part == Part.FOLLOW_UP]
    assert 300 <= len(first) <= 400
    days = [timezone.localdate(response.submitted_at) for response in responses]
    assert all(today - datetime.timedelta(days=365) <= day < today for day in days)
    assert len({(day.year, day.month) for day in days}) >= 10
    assert {response.module_id for response in first} == {loaded.basic_module.pk, loaded.sgg.pk}

    due = [response for response in first if response.follow_up_due < today]
    assert 0.15 <= len(follow_ups) / len(due) <= 0.35
    for response in first:
        assert response.follow_up_code and response.first_response_id is None
        assert response.follow_up_due == (
            timezone.localdate(response.submitted_at) + datetime.timedelta(days=90)
        )
    for response in follow_ups:
        earlier = response.first_response
        assert earlier.part == Part.FIRST and earlier.module_id == response.module_id
        assert timezone.localdate(response.submitted_at) >= earlier.follow_up_due
        assert response.follow_up_code is None

    for response in responses:
        assert response.questionnaire == loaded.questionnaire
        assert response.questionnaire_title == "Evaluatie module"
        assert response.module_title == response.module.title
        assert re.fullmatch(r"[0-9a-f]{64}", response.digest)
    numbers = {evaluation.submission_id(number) for number in range(len(responses))}
    assert {response.submission_id for response in responses} == numbers


def test_every_snapshot_is_the_questions_as_asked(loaded):
    for module in (loaded.basic_module, loaded.sgg):
        for part in Part:
            questions = loaded.questionnaire.for_module(module).questions_of(part)
            asked = [question.snapshot() for question in questions]
            for response in Response.objects.filter(part=part, module=module):
                assert response.questions == asked


def test_every_answer_is_valid_for_its_question(loaded):
    answers = Counter()
    for response in Response.objects.prefetch_related("answers"):
        questions = {question["id"]: question for question in response.questions}
        given = list(response.answers.all())
        positions = [question["id"] for question in response.questions]
        assert [answer.sort_order for answer in given] == [
            positions.index(answer.question_id) for answer in given
        ]
        assert {question["id"] for question in response.questions if question["required"]} <= {
            answer.question_id for answer in given
        }
        for answer in given:
            question = questions[answer.question_id]
            assert (answer.question_text, answer.level, answer.kind) == (
                question["text"],
                question["level"],
                question["kind"],
            )
            answers[answer.kind] += 1
            if answer.kind in NUMBER_RANGES:
                low, high = NUMBER_RANGES[answer.kind]
                assert low <= answer.number <= high
                assert not answer.choices and not answer.text
            elif answer.kind in CHOICE_KINDS:
                assert answer.choices and set(answer.choices) <= set(question["options"])
                assert len(set(answer.choices)) == len(answer.choices)
                assert answer.kind == QuestionKind.MULTIPLE or len(answer.choices) == 1
                assert answer.number is None and not answer.text
            else:
                assert 0 < len(answer.text) <= OPEN_ANSWER_MAX_LENGTH
                assert answer.number is None and not answer.choices
    assert set(answers) == set(QuestionKind)


def sent(response):
    return [
        GivenAnswer(str(answer.question_id), answer.number, tuple(answer.choices), answer.text)
        for answer in response.answers.all()
    ]


def test_the_api_would_have_taken_every_response_as_it_is_stored(loaded):
    questions = {
        (module.pk, part): loaded.questionnaire.for_module(module).questions_of(part)
        for module in (loaded.basic_module, loaded.sgg)
        for part in Part
    }
    for response in Response.objects.select_related("first_response").prefetch_related("answers"):
        asked = questions[response.module_id, response.part]
        assert check_answers(asked, sent(response)) == []
        code = response.first_response.follow_up_code if response.first_response else None
        assert response.digest == digest_of(response.module_id, response.part, code, sent(response))


def average(kind, level, module, **filters):
    return mean(
        Answer.objects.filter(
            kind=kind, level=level, response__module=module, **filters
        ).values_list("number", flat=True)
    )


def test_scores_differ_per_module_and_improve_over_the_year(loaded):
    half_year_ago = timezone.now() - datetime.timedelta(days=182)
    for module in (loaded.basic_module, loaded.sgg):
        earlier = average(
            QuestionKind.SCALE, Level.REACTION, module, response__submitted_at__lt=half_year_ago
        )
        later = average(
            QuestionKind.SCALE, Level.REACTION, module, response__submitted_at__gte=half_year_ago
        )
        assert 6 < earlier < later < 9
    assert average(QuestionKind.LIKERT, Level.LEARNING, loaded.sgg) > average(
        QuestionKind.LIKERT, Level.LEARNING, loaded.basic_module
    )

    def too_long(module):
        lengths = Counter(
            choice
            for choices in Answer.objects.filter(
                kind=QuestionKind.SINGLE,
                level=Level.REACTION,
                response__module=module,
            ).values_list("choices", flat=True)
            for choice in choices
        )
        return lengths["Te lang"] / lengths.total()

    assert too_long(loaded.sgg) > 2 * too_long(loaded.basic_module)


def test_every_learning_page_has_a_year_of_visits(loaded):
    today = timezone.localdate()
    # The year of visits is made for the modules' pages; the microlessons have none.
    microlearning = loaded.environment.get_children().get(slug=microlessons.SECTION["slug"])
    pages = loaded.environment.get_descendants(inclusive=True).not_descendant_of(
        microlearning, inclusive=True
    )
    per_page = Counter()
    weekdays, weekends = Counter(), Counter()
    for row in PageVisitDay.objects.all():
        assert today - datetime.timedelta(days=365) <= row.date < today and row.count > 0
        per_page[row.page_id] += row.count
        (weekends if row.date.weekday() >= 5 else weekdays)[row.date] += row.count
    assert set(per_page) == set(pages.values_list("pk", flat=True))
    assert {page.specific_class.__name__ for page in pages} == {
        "LearningEnvironmentPage",
        "SectionPage",
        "CataloguePage",
        "BasicModulePage",
        "SpecialistModulePage",
        "ModulePartPage",
    }
    assert 2000 <= per_page.total() <= 10_000
    assert per_page.most_common(1)[0][0] == loaded.environment.pk
    assert mean(weekdays.values()) > 2 * mean(weekends.values())
    parts = [per_page[part.pk] for part in loaded.sgg_parts]
    assert parts == sorted(parts, reverse=True)  # fewer learners reach each next part
    modules = [per_page[loaded.basic_module.pk], per_page[loaded.sgg.pk]]
    assert modules[0] > firsts().filter(module=loaded.basic_module).count()
    assert modules[1] > firsts().filter(module=loaded.sgg).count()


def fingerprint():
    return (
        list(
            Response.objects.order_by("submission_id").values_list(
                "submission_id", "digest", "module_id", "part", "submitted_at", "follow_up_code"
            )
        ),
        list(
            Answer.objects.order_by("response__submission_id", "sort_order").values_list(
                "question_id", "number", "choices", "text"
            )
        ),
        list(
            PageVisitDay.objects.order_by("page_id", "date").values_list("page_id", "date", "count")
        ),
    )


def test_loading_again_adds_nothing(loaded):
    models = [Questionnaire, Question, Response, Answer, PageVisitDay]
    before = {model: model.objects.count() for model in models}
    report = content.load()
    assert {model: model.objects.count() for model in models} == before
    assert "Evaluation history exists, left as it is" in report
    assert "Questionnaire exists: Evaluatie module" in report


def test_the_history_is_the_same_every_time_it_is_made(loaded):
    made = fingerprint()
    Response.objects.all().delete()
    PageVisitDay.objects.all().delete()
    evaluation.ensure_history(loaded.environment, loaded.questionnaire, content.Report())
    assert fingerprint() == made


def test_real_visits_counted_before_the_history_are_kept(loaded):
    Response.objects.all().delete()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    PageVisitDay.objects.all().delete()
    PageVisitDay.add(loaded.sgg.pk, yesterday, 1000)
    evaluation.ensure_history(loaded.environment, loaded.questionnaire, content.Report())
    assert PageVisitDay.objects.get(page=loaded.sgg, date=yesterday).count == 1000
    assert PageVisitDay.objects.count() > 1000


def test_the_signals_question_is_asked_after_the_sgg_module_only(loaded):
    questionnaire = loaded.questionnaire
    signals = Question.objects.get(kind=QuestionKind.MULTIPLE)
    assert signals.scope_themes == ["sgg"]
    assert signals in questionnaire.for_module(loaded.sgg).questions_of(Part.FIRST)
    assert signals not in questionnaire.for_module(loaded.basic_module).questions_of(Part.FIRST)
    # The demo's answers follow it: the basic module's responses never had the question.
    basic = Response.objects.filter(module=loaded.basic_module)
    assert basic.exists()
    assert not Answer.objects.filter(response__in=basic, question_id=signals.pk).exists()
    assert all(
        signals.pk not in [question["id"] for question in response.questions]
        for response in basic[:20]
    )
