"""A question can be limited to modules of some themes: only those modules ask it (the
GraphQL ``questionnaire`` of a module, and what a submission must answer), and the
reports count it over those modules only."""

import datetime

import pytest

from borg_learning.analytics import figures
from borg_learning.analytics.figures import Scope
from borg_learning.models import Answer, Question, Questionnaire, Response
from tests import factories
from tests.helpers.admin_forms import snippet_url
from tests.helpers.evaluation import SUBMIT, submission_input
from tests.helpers.graphql import screen_query

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]

SIGNALS = "Welke signalen van seksueel grensoverschrijdend gedrag herken je nu?"


@pytest.fixture
def themes(db):
    return factories.theme(name="SGG", slug="sgg"), factories.theme(name="LVB", slug="lvb")


@pytest.fixture
def questionnaire(settings, themes):
    settings.BORG_LEARNING = {"DEFAULT_QUESTIONNAIRE": "standaard"}
    return factories.questionnaire(
        slug="standaard",
        follow_up=False,
        questions=[
            Question(text="Hoe tevreden ben je?", level=1, kind="likert", sort_order=0),
            Question(
                text=SIGNALS,
                level=2,
                kind="multiple",
                options="Taal\nAandacht",
                scope_themes=["sgg"],
                sort_order=1,
            ),
        ],
    )


@pytest.fixture
def modules(environment, themes):
    sgg, lvb = themes
    return (
        factories.basic_module(environment, title="Over SGG", themes=[sgg, lvb]),
        factories.basic_module(environment, title="Over de doelgroep", themes=[lvb]),
    )


def asked(graphql, module):
    body = graphql(screen_query("questionnaire"), {"id": module.pk})
    return [question["text"] for question in body["data"]["page"]["questionnaire"]["questions"]]


def test_a_module_asks_only_the_questions_in_its_scope(graphql, questionnaire, modules):
    sgg_module, other = modules
    assert asked(graphql, sgg_module) == ["Hoe tevreden ben je?", SIGNALS]
    assert asked(graphql, other) == ["Hoe tevreden ben je?"]


def test_a_module_outside_the_scope_is_not_asked_the_required_question(
    graphql, questionnaire, modules
):
    _, other = modules
    likert, signals = questionnaire.questions.all()
    answers = [{"question": str(likert.pk), "number": 4}]
    body = graphql(SUBMIT, {"input": submission_input(other, answers)})
    assert body["data"]["submitEvaluation"]["ok"] is True, body
    stored = Response.objects.get(module=other)
    assert [question["text"] for question in stored.questions] == ["Hoe tevreden ben je?"]

    answers.append({"question": str(signals.pk), "choices": ["Taal"]})
    body = graphql(SUBMIT, {"input": submission_input(other, answers)})
    assert body["data"]["submitEvaluation"]["ok"] is False


def test_a_module_in_the_scope_must_answer_it(graphql, questionnaire, modules):
    sgg_module, _ = modules
    likert, _signals = questionnaire.questions.all()
    answers = [{"question": str(likert.pk), "number": 4}]
    body = graphql(SUBMIT, {"input": submission_input(sgg_module, answers)})
    assert body["data"]["submitEvaluation"]["ok"] is False


def answer(module, question, choices):
    response = Response.objects.create(
        submission_id=factories.uuid.uuid4(),
        digest="test",
        questionnaire=question.questionnaire,
        questionnaire_title="Standaard",
        module=module,
        module_title=module.title,
        submitted_at=factories.moment(datetime.date(2026, 3, 1)),
    )
    Answer.objects.create(
        response=response,
        question_id=question.pk,
        question_text=question.text,
        level=question.level,
        kind=question.kind,
        choices=choices,
    )


def test_the_report_counts_a_scoped_question_over_its_modules_only(questionnaire, modules):
    sgg_module, other = modules
    signals = questionnaire.questions.get(text=SIGNALS)
    answer(sgg_module, signals, ["Taal"])
    answer(sgg_module, signals, ["Aandacht"])
    answer(other, signals, ["Taal"])  # given before the question was limited to SGG

    scope = Scope(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31))
    (row,) = figures.question_figures(scope)
    assert row.responses == 2
    assert sorted(row.distribution_text.split("; ")) == ["Aandacht: 1", "Taal: 1"]


def test_the_editor_limits_a_question_to_themes(editor, questionnaire):
    html = editor.get(snippet_url(Questionnaire, "edit", questionnaire.pk)).content.decode()
    assert (
        "Alleen na modules van deze thema&#x27;s" in html
        or "Alleen na modules van deze thema's" in html
    )
    assert 'value="sgg"' in html
    assert "Niets aangevinkt: gevraagd na elke module." in html


def test_a_list_of_modules_with_scoped_questions_costs_the_same_for_5_and_50(
    client, questionnaire, environment, themes
):
    from tests.helpers.graphql import count_queries

    query = """
    { modules(limit: 50) { items { ... on LearningBasicModulePage {
        title questionnaire { questions { text } } } } } }
    """
    for number in range(5):
        factories.basic_module(environment, f"Module {number}", themes=themes[number % 2 :])
    small, payload = count_queries(client, query)
    asked = {
        item["title"]: len(item["questionnaire"]["questions"])
        for item in payload["data"]["modules"]["items"]
    }
    assert asked["Module 0"] == 2 and asked["Module 1"] == 1  # SGG and LVB, or LVB only
    for number in range(5, 50):
        factories.basic_module(environment, f"Module {number}", themes=themes[number % 2 :])
    large, _ = count_queries(client, query)
    assert small == large
