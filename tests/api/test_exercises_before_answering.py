"""Points depend on answers: before a learner answers, no API tells which options are
correct, nor the editor's feedback or the explanation (``answerExercise`` does, after)."""

import json
import re

import pytest
from wagtail.search.backends import get_search_backend

from borg_learning import models
from borg_learning.content.blocks import ModuleBodyBlock
from tests import factories
from tests.helpers.graphql import screen_query

pytestmark = pytest.mark.django_db

# What only an answer may bring: strings that appear nowhere else on the page.
SECRETS = ("Terecht-gekozen-uitleg", "Verkeerd-gekozen-uitleg", "Achtergrond-bij-de-vraag")


def exercise(kind="single"):
    options = [
        {"text": "Rust geven", "correct": True, "feedback": f"{SECRETS[0]}."},
        {"text": "Haast maken", "correct": False, "feedback": f"{SECRETS[1]}."},
    ]
    return factories.block(
        "exercise",
        {
            "kind": kind,
            "question": "<p>Wat helpt?</p>",
            "explanation": f"<p>{SECRETS[2]}.</p>",
            "options": [
                {"type": "item", "id": f"option-{index}", "value": value}
                for index, value in enumerate(options)
            ],
        },
    )


@pytest.fixture
def module(environment):
    section = factories.section(environment, title="Modules")
    return factories.basic_module(section, "Oefenen", body=[exercise(), exercise("multiple")])


@pytest.fixture
def part(environment):
    section = factories.section(environment, title="Specialistisch")
    specialist = factories.specialist_module(section, "SGG")
    return factories.module_part(specialist, "Signalen", body=[exercise("true_false")])


def assert_no_secrets(text):
    for secret in SECRETS:
        assert secret not in text
    assert not re.search(r'"(correct|feedback|explanation)"\s*:', text)


def test_the_graphql_page_shows_the_question_and_the_options_only(graphql, module, part):
    for page in (module, part):
        answer = graphql(screen_query("page"), {"id": str(page.pk)})
        assert "errors" not in answer, answer
        exercises = [block for block in answer["data"]["page"]["body"] if "options" in block]
        assert exercises and all(
            block["options"]
            == [{"id": "option-0", "text": "Rust geven"}, {"id": "option-1", "text": "Haast maken"}]
            and block["hasExplanation"] is True
            for block in exercises
        )
        assert_no_secrets(json.dumps(answer))


def test_the_graphql_exercise_types_have_no_field_for_them(graphql):
    answer = graphql(
        '{ option: __type(name: "LearningExerciseOption") { fields { name } } '
        'exercise: __type(name: "LearningExerciseBlock") { fields { name } } }'
    )["data"]
    assert {field["name"] for field in answer["option"]["fields"]} == {"id", "text"}
    assert {field["name"] for field in answer["exercise"]["fields"]} == {
        "id",
        "exerciseType",
        "question",
        "options",
        "hasExplanation",
    }


def test_the_rest_page_shows_the_question_and_the_options_only(client, module, part):
    for page in (module, part):
        response = client.get(f"/api/v2/pages/{page.pk}/?fields=*")
        assert response.status_code == 200
        body = response.json()["body"]
        assert body[0]["value"] == {
            "kind": body[0]["value"]["kind"],
            "question": "<p>Wat helpt?</p>",
            "options": [
                {"id": "option-0", "text": "Rust geven"},
                {"id": "option-1", "text": "Haast maken"},
            ],
            "has_explanation": True,
        }
        assert_no_secrets(response.content.decode())
    listing = client.get("/api/v2/pages/?fields=body&type=borg_learning.BasicModulePage")
    assert listing.status_code == 200 and "Rust geven" in listing.content.decode()
    assert_no_secrets(listing.content.decode())


def test_the_block_s_own_api_representation_hides_them_too(module):
    stream = models.BasicModulePage.objects.get(pk=module.pk).body
    represented = ModuleBodyBlock().get_api_representation(stream)
    assert represented[0]["value"]["options"][0] == {"id": "option-0", "text": "Rust geven"}
    assert_no_secrets(json.dumps(represented))


def test_a_search_does_not_find_a_page_by_its_feedback_or_explanation(module):
    backend = get_search_backend()
    pages = models.BasicModulePage.objects.live()
    assert [page.pk for page in backend.search("Haast maken", pages)] == [module.pk]
    for secret in SECRETS:
        assert list(backend.search(secret, pages)) == []


def test_editors_still_see_and_edit_everything(editor, module):
    response = editor.get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == 200
    for secret in SECRETS:
        assert secret in response.content.decode()
