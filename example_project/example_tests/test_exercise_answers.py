"""The demo's exercises reach a learner without what only an answer may bring: which
options are correct, the editor's feedback and the explanation are not in the frontend's
first HTML (with its preloaded query), nor in the page's GraphQL or REST answer."""

import html
import re

import pytest
from wagtail.models import Site

from example.settings import base

FRONTEND = base.BASE_DIR / "frontend"

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def path(page):
    """The page's path on the demo site, as the frontend routes it."""
    root = Site.objects.get(is_default_site=True).root_page
    return page.url_path[len(root.url_path) - 1 :]


def modules_with_exercises(loaded):
    pages = [loaded.basic_module, *loaded.sgg_parts]
    return [
        (page, [block.value for block in page.body if block.block_type == "exercise"])
        for page in pages
        if any(block.block_type == "exercise" for block in page.body)
    ]


def secrets(exercises):
    """The feedback and explanations an editor wrote: long enough to be recognised."""
    found = set()
    for value in exercises:
        found.update(option["feedback"] for option in value["options"] if option["feedback"])
        text = re.sub(r"<[^>]+>", " ", value["explanation"].source)
        found.update(part.strip() for part in re.split(r"[.!?]", text) if len(part.strip()) > 25)
    return found


def assert_hidden(answer, exercises):
    text = html.unescape(answer)
    assert not re.search(r"[\"'](correct|feedback|explanation)[\"']\s*:", text)
    for secret in secrets(exercises):
        assert secret not in text, secret


def test_the_frontend_s_first_html_and_its_query_hold_no_answers(client, loaded, settings):
    # The frontend served as in the browser tests.
    settings.ROOT_URLCONF = "example_tests.browser.urls"
    settings.TEMPLATES = [
        {**engine, "DIRS": [FRONTEND / "templates"]} for engine in settings.TEMPLATES
    ]
    for page, exercises in modules_with_exercises(loaded):
        response = client.get(path(page))
        assert response.status_code == 200
        shell = response.content.decode()
        # The preloaded query asks the exercise for its question and options only.
        (asked,) = re.findall(r"\.\.\. on LearningExerciseBlock \{(.*?)\n  \}", shell, re.S)
        fields = ["id", "exerciseType", "question", "hasExplanation", "options", "id", "text"]
        assert re.findall(r"\w+", asked) == fields
        assert_hidden(shell, exercises)


def test_the_page_s_graphql_and_rest_answers_hold_no_answers(client, graphql, loaded):
    from tests.helpers.graphql import screen_query

    for page, exercises in modules_with_exercises(loaded):
        answer = graphql(screen_query("page"), {"id": str(page.pk)})
        assert "errors" not in answer
        options = [
            option["text"]
            for block in answer["data"]["page"]["body"]
            for option in block.get("options", [])
        ]
        assert options == [option["text"] for value in exercises for option in value["options"]]
        assert_hidden(str(answer), exercises)
        rest = client.get(f"/api/v2/pages/{page.pk}/?fields=*")
        assert rest.status_code == 200 and options[0] in rest.content.decode()
        assert_hidden(rest.content.decode("unicode_escape"), exercises)
