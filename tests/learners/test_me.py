"""``me``: the learner's progress on what the request may see, in a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borg_learning.learners.models import Learner
from tests import factories
from tests.helpers.graphql import count_queries
from tests.helpers.learners import ME, complete_page, parts

# These tests build many pages and never search them.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("unindexed")]


def test_me_is_null_without_a_learner(browser, browsers, module):
    assert browser.me() is None
    assert browsers("A" * 43).me() is None  # a token that names no learner: forget it


def test_a_signed_in_account_without_progress_has_an_empty_me(client, browser, module):
    client.force_login(factories.user("leerling"))
    me = browser.me()
    assert me == {
        "signedIn": True,
        "tokenRetired": False,
        "completedPageIds": [],
        "modules": [],
        "resume": None,
    }


def test_me_shows_progress_per_module_and_where_to_go_on(browser, module, specialist):
    first, second = parts(specialist)
    complete_page(browser, module)
    complete_page(browser, first)
    browser.record(second)
    me = browser.me()
    assert me["completedPageIds"] == [str(module.pk), str(first.pk)]
    by_module = {item["module"]["id"]: item for item in me["modules"]}
    assert list(by_module) == [str(specialist.pk), str(module.pk)]  # the latest first
    assert by_module[str(specialist.pk)] | {"lastActivityAt": None} == {
        "module": {"id": str(specialist.pk), "title": "SGG", "path": "/leeromgeving/modules/sgg/"},
        "started": True,
        "completed": False,
        "completedAt": None,
        "partsDone": 1,
        "partsTotal": 2,
        "completedPartIds": [str(first.pk)],
        "lastActivityAt": None,
    }
    assert by_module[str(module.pk)]["completed"] is True
    assert me["resume"]["page"] == {
        "id": str(second.pk),
        "title": "Onderdeel 2",
        "path": "/leeromgeving/modules/sgg/onderdeel-2/",
    }
    assert me["resume"]["module"] == {"id": str(specialist.pk), "title": "SGG"}
    assert me["resume"]["moduleCompleted"] is False


def test_me_gives_the_tiles_it_is_asked_for_started_or_not(browser, module, specialist, section):
    other = factories.basic_module(section, "Nog niet begonnen")
    browser.record(module)
    tiles = browser.me(modules=[other.pk, specialist.pk, module.pk, 999999, "x"])["modules"]
    assert [(tile["module"]["id"], tile["started"], tile["partsTotal"]) for tile in tiles] == [
        (str(other.pk), False, 1),
        (str(specialist.pk), False, 2),
        (str(module.pk), True, 1),
    ]


def test_hidden_pages_never_show_through_me(browser, module, specialist, section):
    first, second = parts(specialist)
    complete_page(browser, module)
    complete_page(browser, first)
    complete_page(browser, second)
    factories.restrict(specialist, "login")
    me = browser.me(modules=[specialist.pk, module.pk])
    assert me["completedPageIds"] == [str(module.pk)]
    assert [tile["module"]["id"] for tile in me["modules"]] == [str(module.pk)]
    assert me["resume"]["page"]["id"] == str(module.pk)  # the last page it may still see
    assert browser.page(second) is None
    factories.unpublish(module)
    me = browser.me()
    assert me["completedPageIds"] == [] and me["modules"] == [] and me["resume"] is None
    assert browser.page(module) is None


def test_a_draft_of_a_page_is_not_shown_through_me(browser, module):
    complete_page(browser, module)
    factories.save_draft(module, title="Nieuwe titel")
    assert browser.me()["resume"]["page"]["title"] == "Grenzen stellen"


def test_the_page_progress_restores_a_page(browser, module):
    browser.record(module)
    blocks = factories.blocks_of(module)
    exercise = factories.block_id(module, "exercise")
    option = factories.option_ids(module, exercise)[1]
    browser.record(module, exercise, "ANSWERED", answer=[option])
    browser.record(module, factories.block_id(module, "video"), "PLAYED", played=0.4)
    page = browser.page(module)
    assert page["page"] == {"id": str(module.pk)}
    assert (page["seen"], page["completed"], page["blocksDone"], page["blocksTotal"]) == (
        True,
        False,
        1,
        len(blocks),
    )
    assert [
        (block["block"], block["completed"], block["played"], block["answer"])
        for block in page["blocks"]
    ] == [
        (factories.block_id(module, "video"), False, 0.4, []),
        (exercise, True, None, [option]),
    ]


def make_modules(section, learner, count, start=0):
    """``count`` modules the learner worked on: a fifth are specialist modules with two
    parts (one done), the others basic modules (every other one completed)."""
    for number in range(start, start + count):
        if number % 5 == 4:
            module = factories.specialist_module(
                section, f"Specialistisch {number}", parts=2, blocks_per_part=1, kinds=("text",)
            )
            part = module.get_children().first()
            factories.progress(learner, part, module=module)
            factories.completion(learner, part, module=module)
        else:
            module = factories.basic_module(
                section, f"Module {number}", image=factories.image(title=f"Tegel {number}")
            )
            factories.progress(learner, module)
            if number % 2:
                factories.completion(learner, module)


LIMIT_100 = {"limit": 100}


def test_me_costs_the_same_for_progress_on_5_and_100_modules(client, section):
    learner, token = factories.learner()
    someone_else, _ = factories.learner()
    make_modules(section, learner, 5)
    make_modules(section, someone_else, 5, start=500)  # rows me must not load
    client.defaults["HTTP_X_LEARNER_TOKEN"] = token
    small_count, small = count_queries(client, ME, LIMIT_100)
    make_modules(section, learner, 95, start=5)
    large_count, large = count_queries(client, ME, LIMIT_100)
    assert len(small["data"]["me"]["modules"]) == 5
    modules = large["data"]["me"]["modules"]
    assert len(modules) == 100
    assert sum(module["completed"] for module in modules) == 40  # odd basic modules
    assert len(large["data"]["me"]["completedPageIds"]) == 40 + 20  # and the parts
    assert small_count == large_count == 15


def test_me_reads_only_the_learners_own_rows(client, section):
    learner, token = factories.learner()
    someone_else, _ = factories.learner()
    make_modules(section, learner, 5)
    make_modules(section, someone_else, 5, start=500)
    client.defaults["HTTP_X_LEARNER_TOKEN"] = token
    with CaptureQueriesContext(connection) as queries:
        client.post("/graphql/", {"query": ME}, content_type="application/json")
    own = [query["sql"] for query in queries if "borg_learning_learners_" in query["sql"]]
    assert own and all(f'"learner_id" = {learner.pk}' in sql or "digest" in sql for sql in own), own


def test_me_moves_last_seen_once_a_day(browser, module):
    browser.record(module)
    Learner.objects.update(last_seen=timezone.localdate() - datetime.timedelta(days=1))
    browser.me()
    assert Learner.objects.get().last_seen == timezone.localdate()


def test_a_module_part_is_not_a_module(browser, specialist):
    first = parts(specialist)[0]
    browser.record(first)
    assert browser.me(modules=[first.pk])["modules"] == []


def test_an_answer_that_read_the_learner_token_varies_on_it(client, browser, module):
    """``me`` over GET may be kept by a cache in between: its answer names the header."""
    complete_page(browser, module)
    response = client.get(
        "/graphql/", {"query": "{ me { completedPageIds } }"}, HTTP_X_LEARNER_TOKEN=browser.token
    )
    assert response.json()["data"]["me"]["completedPageIds"] == [str(module.pk)]
    vary = {value.strip().lower() for value in response["Vary"].split(",")}
    assert {"accept", "x-learner-token"} <= vary
    other = client.get("/graphql/", {"query": "{ borgLearningVersion }"})
    assert "x-learner-token" not in other["Vary"].lower()
    assert "accept" in other["Vary"].lower()
