"""A module's questionnaire in the API: the frontend reads the questions from the module,
and a list of modules costs the same queries however many questionnaires it shows."""

import pytest

from borg_learning import models
from tests import factories
from tests.helpers.evaluation import question_ids
from tests.helpers.graphql import count_queries, screen_query

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]

QUESTIONNAIRE = """
  questionnaire {
    id slug title intro hasFollowUp followUpAfterDays
    questions { id text helpText level kind options required minimum maximum maxLength }
  }
"""
MODULE_PAGE = f"""
query ($id: ID!) {{
  page(id: $id) {{
    __typename
    ... on LearningBasicModulePage {{ title {QUESTIONNAIRE} }}
    ... on LearningSpecialistModulePage {{ title {QUESTIONNAIRE} }}
    ... on LearningModulePartPage {{ title module {{ title {QUESTIONNAIRE} }} }}
  }}
}}
"""
MODULE_LIST = f"""
query {{ modules(limit: 100) {{ items {{ id title {QUESTIONNAIRE} }} }} }}
"""


def test_a_module_shows_its_questionnaire_with_the_first_questions(graphql):
    module = factories.module_with_questionnaire()
    page = graphql(MODULE_PAGE, {"id": str(module.pk)})["data"]["page"]
    questionnaire = page["questionnaire"]
    assert questionnaire["title"] == "Evaluatie module"
    assert questionnaire["intro"] == "Wil je ons vertellen wat je ervan vond?"
    assert questionnaire["hasFollowUp"] is True and questionnaire["followUpAfterDays"] == 90
    questions = questionnaire["questions"]
    assert [q["kind"] for q in questions] == ["LIKERT", "SCALE", "SINGLE", "MULTIPLE", "OPEN"]
    assert questions[0] == {
        "id": question_ids(module.questionnaire)["likert"],
        "text": "Hoe tevreden ben je over deze module?",
        "helpText": "",
        "level": 1,
        "kind": "LIKERT",
        "options": [],
        "required": True,
        "minimum": 1,
        "maximum": 5,
        "maxLength": None,
    }
    assert questions[2]["options"] == ["Ja", "Nee", "Weet ik niet"]
    assert questions[4]["maxLength"] == 2000 and questions[4]["minimum"] is None
    assert questions[4]["helpText"] == "Schrijf wat je wilt."


def test_a_part_finds_the_questionnaire_through_its_module(graphql, environment):
    questionnaire = factories.questionnaire()
    sgg = factories.specialist_module(
        environment, "SGG", parts=1, blocks_per_part=1, questionnaire=questionnaire
    )
    part = sgg.get_children().first()
    page = graphql(MODULE_PAGE, {"id": str(part.pk)})["data"]["page"]
    assert page["module"]["questionnaire"]["slug"] == "evaluatie"


def test_without_its_own_questionnaire_a_module_shows_the_default_or_none(
    graphql, environment, settings
):
    module = factories.basic_module(environment, "Zonder")
    assert graphql(MODULE_PAGE, {"id": str(module.pk)})["data"]["page"]["questionnaire"] is None
    factories.questionnaire(slug="standaard", follow_up=False)
    settings.BORG_LEARNING = {"DEFAULT_QUESTIONNAIRE": "standaard"}
    questionnaire = graphql(MODULE_PAGE, {"id": str(module.pk)})["data"]["page"]["questionnaire"]
    assert questionnaire["slug"] == "standaard" and questionnaire["hasFollowUp"] is False
    settings.BORG_LEARNING = {"DEFAULT_QUESTIONNAIRE": "bestaat-niet"}
    assert graphql(MODULE_PAGE, {"id": str(module.pk)})["data"]["page"]["questionnaire"] is None


def test_a_module_page_with_a_questionnaire_costs_two_queries_more(client):
    module = factories.module_with_questionnaire()
    without = MODULE_PAGE.replace(QUESTIONNAIRE, "")
    plain, _ = count_queries(client, without, {"id": module.pk})
    asked, payload = count_queries(client, MODULE_PAGE, {"id": module.pk})
    assert len(payload["data"]["page"]["questionnaire"]["questions"]) == 5
    assert asked == plain + 2


def make_modules(section, count, questionnaires):
    for number in range(count):
        factories.basic_module(
            section, f"Module {number}", questionnaire=questionnaires[number % len(questionnaires)]
        )


def test_a_list_of_modules_costs_the_same_for_5_and_50_questionnaires(
    client, environment, settings
):
    settings.BORG_LEARNING = {"DEFAULT_QUESTIONNAIRE": "standaard"}
    factories.questionnaire(slug="standaard")
    section = environment.add_child(instance=models.SectionPage(title="Modules"))
    few = [factories.questionnaire(slug=f"q{n}") for n in range(2)] + [None]
    make_modules(section, 5, few)
    small, payload = count_queries(client, MODULE_LIST)
    assert {item["questionnaire"]["slug"] for item in payload["data"]["modules"]["items"]} == {
        "q0",
        "q1",
        "standaard",
    }
    many = [factories.questionnaire(slug=f"r{n}") for n in range(30)] + [None]
    make_modules(section, 45, many)
    large, payload = count_queries(client, MODULE_LIST)
    items = payload["data"]["modules"]["items"]
    assert len(items) == 50 and len({item["questionnaire"]["slug"] for item in items}) == 33
    assert small == large
    plain, _ = count_queries(client, MODULE_LIST.replace(QUESTIONNAIRE, ""))
    assert large == plain + 4  # questionnaires and questions, own and default


def test_the_documented_questionnaire_query(graphql, environment):
    module = factories.module_with_questionnaire(environment)
    sgg = factories.specialist_module(
        environment, "SGG", questionnaire=module.questionnaire, parts=1
    )
    for page in (module, sgg):
        answer = graphql(screen_query("questionnaire"), {"id": str(page.pk)})
        questionnaire = answer["data"]["page"]["questionnaire"]
        assert questionnaire["title"] == "Evaluatie module"
        assert len(questionnaire["questions"]) == 5
