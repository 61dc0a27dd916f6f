"""Recording progress: a learner without an account, the rule of each block kind, what
completes a page and a module, and the refusals that store nothing."""

import datetime
import hashlib
import secrets

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borg_learning.api.graphql.blocks import BLOCK_TYPES
from borg_learning.learners import rules
from borg_learning.learners.models import (
    BlockKind,
    BlockProgress,
    Completion,
    Learner,
    LearnerToken,
)
from tests import factories
from tests.helpers.learners import codes, complete_block, complete_page, parts

pytestmark = pytest.mark.django_db

EVENTS = {
    "text": "SEEN",
    "image": "SEEN",
    "audio": "PLAYED",
    "video": "PLAYED",
    "exercise": "ANSWERED",
    "download": "OPENED",
    "link": "OPENED",
}


def stored():
    """Every row the learners keep, to see that a refusal stores nothing."""
    return [model.objects.count() for model in (Learner, LearnerToken, BlockProgress, Completion)]


# --- A learner without an account ----------------------------------------------------------


def test_the_first_event_starts_a_learner_and_hands_out_its_token_once(browser, module):
    first = browser.record(module)
    token = first["learnerToken"]
    assert first["ok"] is True and len(token) == 43
    assert browser.record(module)["learnerToken"] is None  # sent with the token now
    (learner,) = Learner.objects.all()
    (stored_token,) = LearnerToken.objects.all()
    assert stored_token.learner == learner
    assert stored_token.digest == hashlib.sha256(token.encode()).hexdigest() != token


def test_a_learner_is_nothing_but_a_token_hash_and_two_dates(browser, module, send):
    send(
        "mutation ($input: LearningRecordProgressInput!) { recordProgress(input: $input) { ok } }",
        {"input": {"page": str(module.pk), "event": "SEEN"}},
        REMOTE_ADDR="203.0.113.7",
        HTTP_USER_AGENT="Mozilla/5.0 (Android 14) Firefox/130.0",
    )
    assert {field.name for field in Learner._meta.concrete_fields} == {
        "id",
        "user",
        "created_at",
        "last_seen",
    }
    rows = [
        list(model.objects.values()) for model in (Learner, LearnerToken, BlockProgress, Completion)
    ]
    assert "203.0.113" not in str(rows) and "Firefox" not in str(rows)


def test_a_forged_or_forgotten_token_never_records_progress(browsers, module):
    for token in (secrets.token_urlsafe(32), "not-a-token", "x" * 500):
        payload = browsers(token).record(module)
        assert payload["ok"] is False and codes(payload) == ["UNKNOWN_LEARNER"]
        assert payload["errors"][0]["field"] == "learnerToken"
        assert payload["learnerToken"] is None
    assert stored() == [0, 0, 0, 0]


def test_last_seen_moves_at_most_once_a_day(browser, module):
    browser.record(module)
    learner = Learner.objects.get()
    Learner.objects.update(last_seen=timezone.localdate() - datetime.timedelta(days=3))
    browser.record(module, factories.block_id(module, "text"), "SEEN")
    learner.refresh_from_db()
    assert learner.last_seen == timezone.localdate()
    with CaptureQueriesContext(connection) as queries:
        browser.record(module, factories.block_id(module, "image"), "SEEN")
    learner_updates = [
        query["sql"]
        for query in queries
        if query["sql"].startswith("UPDATE") and "learners_learner" in query["sql"]
    ]
    assert learner_updates == []


def test_new_learners_are_rate_limited_per_address(browsers, module, settings):
    settings.BORG_LEARNING = {"NEW_LEARNER_RATE_LIMIT": 2}
    first = browsers()
    first.record(module)
    browsers().record(module)
    refused = browsers().record(module)
    assert codes(refused) == ["RATE_LIMITED"] and refused["errors"][0]["field"] is None
    assert "NEW_LEARNER_RATE_LIMIT" in refused["errors"][0]["message"]
    assert Learner.objects.count() == 2
    assert first.record(module, factories.block_id(module, "text"), "SEEN")["ok"] is True


# --- The rule of each block kind ----------------------------------------------------------------


def test_the_block_kinds_are_those_of_a_module_body():
    assert {kind.value for kind in BlockKind} - {"page"} == set(BLOCK_TYPES)
    assert set(rules.EVENTS) == set(BlockKind)


def test_each_block_kind_takes_its_one_event(browser, module):
    browser.record(module)
    for kind, block in factories.blocks_of(module):
        for event in {"SEEN", "PLAYED", "ANSWERED", "OPENED"} - {EVENTS[kind]}:
            values = {"played": 1.0} if event == "PLAYED" else {}
            values = {"answer": ["x"]} if event == "ANSWERED" else values
            refused = browser.record(module, block, event, **values)
            assert codes(refused) == ["WRONG_EVENT"], (kind, event)
            assert refused["errors"][0]["field"] == "event"
            assert f"takes {EVENTS[kind]}, not {event}" in refused["errors"][0]["message"]
    assert BlockProgress.objects.count() == 1  # the page only


def test_each_block_kind_is_done_by_its_event_and_the_page_when_all_are(browser, module):
    browser.record(module)
    blocks = factories.blocks_of(module)
    for number, (kind, block) in enumerate(blocks, start=1):
        payload = complete_block(browser, module, kind, block)
        assert payload["block"]["completed"] is True and payload["block"]["kind"] == kind.upper()
        assert payload["page"]["blocksDone"] == number
        assert payload["page"]["blocksTotal"] == len(blocks)
        assert payload["page"]["completed"] is (number == len(blocks))
    assert payload["newlyCompleted"] == [str(module.pk)]
    assert payload["module"] == {
        "completed": True,
        "completedAt": payload["page"]["completedAt"],
        "partsDone": 1,
        "partsTotal": 1,
    }


@pytest.mark.parametrize("kind", ["audio", "video"])
def test_audio_and_video_are_done_once_95_percent_is_played(browser, module, kind):
    block = factories.block_id(module, kind)
    assert browser.record(module, block, "PLAYED", played=0.5)["block"]["completed"] is False
    assert browser.record(module, block, "PLAYED", played=0.94)["block"]["completed"] is False
    done = browser.record(module, block, "PLAYED", played=0.95)["block"]
    assert done["completed"] is True and done["played"] == 0.95
    again = browser.record(module, block, "PLAYED", played=0.2)["block"]
    assert again == done  # playing a bit again takes nothing away


@pytest.mark.parametrize(
    "event, values, field",
    [
        ("PLAYED", {}, "played"),
        ("PLAYED", {"played": 1.5}, "played"),
        ("PLAYED", {"played": -0.1}, "played"),
    ],
)
def test_a_played_part_outside_0_to_1_is_refused(browser, module, event, values, field):
    browser.record(module)
    refused = browser.record(module, factories.block_id(module, "video"), event, **values)
    assert codes(refused) == ["INVALID_PLAYED"] and refused["errors"][0]["field"] == field
    assert BlockProgress.objects.count() == 1


def test_values_that_belong_to_another_event_are_refused(browser, module):
    browser.record(module)
    text = factories.block_id(module, "text")
    assert codes(browser.record(module, text, "SEEN", played=1.0)) == ["INVALID_PLAYED"]
    assert codes(browser.record(module, text, "SEEN", answer=["a"])) == ["INVALID_ANSWER"]
    assert codes(browser.record(module, None, "SEEN", text="Hoi")) == ["INVALID_ANSWER"]


# --- Exercises ------------------------------------------------------------------------------------


@pytest.fixture
def exercises(section):
    """A module with a single choice, a multiple choice and a reflection exercise."""
    single = factories.block("exercise", factories.exercise_block()[1])
    multiple = factories.block(
        "exercise",
        {
            "kind": "multiple",
            "question": "<p>Wat helpt?</p>",
            "explanation": "",
            "options": [
                {"text": "Rust", "correct": True, "feedback": ""},
                {"text": "Haast", "correct": False, "feedback": ""},
                {"text": "Duidelijkheid", "correct": True, "feedback": ""},
            ],
        },
    )
    reflection = factories.block(
        "exercise",
        {"kind": "reflection", "question": "<p>Wat doe jij?</p>", "explanation": "", "options": []},
    )
    return factories.basic_module(section, "Oefenen", body=[single, multiple, reflection])


def test_an_exercise_takes_options_of_its_own_in_the_number_its_kind_allows(browser, exercises):
    single, multiple, reflection = (block for _kind, block in factories.blocks_of(exercises))
    true, false = factories.option_ids(exercises, single)
    rest, haste, clarity = factories.option_ids(exercises, multiple)
    browser.record(exercises)

    def refused(block, **values):
        return codes(browser.record(exercises, block, "ANSWERED", **values))

    assert refused(single) == ["INVALID_ANSWER"]
    assert refused(single, answer=[]) == ["INVALID_ANSWER"]
    assert refused(single, answer=[true, false]) == ["INVALID_ANSWER"]
    assert refused(single, answer=[rest]) == ["UNKNOWN_OPTION"]  # another exercise's
    assert refused(multiple, answer=[rest, rest]) == ["INVALID_ANSWER"]
    assert refused(multiple, text="Rust") == ["INVALID_ANSWER"]
    assert refused(reflection, answer=[true]) == ["INVALID_ANSWER"]
    assert refused(reflection, text="   ") == ["INVALID_ANSWER"]
    assert refused(reflection, text="x" * (rules.REFLECTION_MAX_LENGTH + 1)) == ["INVALID_ANSWER"]
    assert BlockProgress.objects.count() == 1
    assert browser.record(exercises, single, "ANSWERED", answer=[false])["ok"] is True
    chosen = browser.record(exercises, multiple, "ANSWERED", answer=[clarity, rest])
    assert chosen["block"]["answer"] == [rest, clarity]  # in the exercise's order
    done = browser.record(exercises, reflection, "ANSWERED", text="  Ik vraag door.  ")
    assert done["block"]["text"] == "Ik vraag door." and done["page"]["completed"] is True


def test_a_saved_answer_survives_a_reload_and_a_changed_one_replaces_it(
    browser, browsers, exercises, received
):
    single, _multiple, reflection = (block for _kind, block in factories.blocks_of(exercises))
    true, false = factories.option_ids(exercises, single)
    browser.record(exercises, single, "ANSWERED", answer=[false])
    browser.record(exercises, reflection, "ANSWERED", text="Eerst luisteren.")
    reloaded = browsers(browser.token).page(exercises)  # another tab, same token
    answers = {block["block"]: (block["answer"], block["text"]) for block in reloaded["blocks"]}
    assert answers == {single: ([false], None), reflection: ([], "Eerst luisteren.")}
    browser.record(exercises, single, "ANSWERED", answer=[true])
    assert browser.page(exercises)["blocks"][0]["answer"] == [true]
    answered = [kwargs for name, kwargs in received if name == "exercise_answered"]
    assert [(event["block_id"], event["correct"]) for event in answered] == [
        (single, False),
        (reflection, None),
    ]  # the first answer of each, once


def test_the_option_ids_are_those_the_page_query_gives(graphql, module):
    block = factories.block_id(module, "exercise")
    page = graphql(
        "query ($id: ID) { page(id: $id) { ... on LearningBasicModulePage { body { "
        "... on LearningExerciseBlock { id options { id } } } } } }",
        {"id": str(module.pk)},
    )["data"]["page"]
    (exercise,) = [item for item in page["body"] if item]
    assert exercise["id"] == block
    assert [option["id"] for option in exercise["options"]] == factories.option_ids(module, block)


# --- Only the live page the learner may see ---------------------------------------------------------


def test_only_blocks_of_live_module_pages_the_learner_may_see_are_taken(
    browser, module, section, environment
):
    draft = factories.basic_module(section, "Concept", publish=False, body=module.body.raw_data)
    restricted = factories.basic_module(section, "Intern")
    factories.restrict(restricted, "login")
    unpublished = factories.unpublish(factories.basic_module(section, "Oud"))
    for page in (
        "999999",
        "abc",
        section.pk,
        environment.pk,
        draft.pk,
        restricted.pk,
        unpublished.pk,
    ):
        refused = browser.record(page)
        assert codes(refused) == ["UNKNOWN_PAGE"] and refused["errors"][0]["field"] == "page"
    assert stored() == [0, 0, 0, 0]  # not even a learner
    assert codes(browser.record(module, "no-such-block", "SEEN")) == ["UNKNOWN_BLOCK"]


def test_a_block_only_in_a_draft_is_unknown_until_it_is_published(browser, module):
    new_block = factories.block("text", {"text": "<p>Nieuw</p>"})
    factories.save_draft(module, body=[*module.body.raw_data, new_block])
    refused = browser.record(module, new_block["id"], "SEEN")
    assert codes(refused) == ["UNKNOWN_BLOCK"] and refused["errors"][0]["field"] == "block"
    assert stored() == [0, 0, 0, 0]


# --- Once, and only once ---------------------------------------------------------------------------


def test_the_same_event_twice_changes_nothing(browser, module, received):
    complete_page(browser, module)
    rows = list(BlockProgress.objects.values())
    completions = list(Completion.objects.values())
    events = list(received)
    repeated = complete_page(browser, module)
    assert repeated["newlyCompleted"] == [] and repeated["page"]["completed"] is True
    assert list(BlockProgress.objects.values()) == rows
    assert list(Completion.objects.values()) == completions
    assert received == events


def test_the_domain_events_are_sent_after_the_commit_and_not_without_one(
    graphql, module, received, django_capture_on_commit_callbacks
):
    from tests.helpers.learners import Frontend

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        complete_page(Frontend(graphql), module)
    assert received == []  # nothing is sent while the transaction could still roll back
    for callback in callbacks:
        callback()
    learner = Learner.objects.get()
    assert [name for name, _kwargs in received] == ["exercise_answered", "module_completed"]
    assert received[1][1] == {"learner": learner, "module_id": module.pk}


# --- Pages and modules ---------------------------------------------------------------------------


def test_a_page_with_nothing_to_do_is_complete_once_it_is_seen(browser, section):
    empty = factories.basic_module(section, "Leeg", body=[])
    payload = browser.record(empty)
    assert payload["newlyCompleted"] == [str(empty.pk)]
    assert payload["page"] == {
        "completed": True,
        "completedAt": payload["page"]["completedAt"],
        "blocksDone": 0,
        "blocksTotal": 0,
    }


def test_a_block_whose_file_or_target_is_gone_has_nothing_to_do(browser, section, environment):
    video = factories.media("video", 30)
    document = factories.document()
    hidden = factories.basic_module(section, "Verborgen")
    factories.restrict(hidden, "login")
    body = [
        factories.block("text", {"text": "<p>Lees dit.</p>"}),
        factories.block(*factories.video_block(video.pk)),
        factories.block("download", {"document": document.pk, "title": "", "description": ""}),
        factories.block(
            "link",
            {"label": "Intern", "description": "", "kind": "other", "page": hidden.pk},
        ),
    ]
    page = factories.basic_module(section, "Met gaten", body=body)
    video.delete()
    document.delete()
    text = factories.block_id(page, "text")
    payload = browser.record(page, text, "SEEN")
    assert payload["page"]["blocksTotal"] == 1 and payload["page"]["completed"] is True
    # Such a block still takes its event, for the frontend's sake.
    assert browser.record(page, factories.block_id(page, "link"), "OPENED")["ok"] is True


def test_a_page_of_blocks_with_nothing_to_do_is_complete_once_it_is_seen(browser, section):
    image = factories.image()
    page = factories.basic_module(
        section,
        "Zonder beeld",
        body=[factories.block("image", {"image": image.pk, "alt_text": "Een foto"})],
    )
    image.delete()
    assert browser.record(page)["page"]["completed"] is True


def test_a_specialist_module_is_complete_when_all_its_parts_are(browser, specialist, received):
    first, second = parts(specialist)
    done = complete_page(browser, first)
    assert done["newlyCompleted"] == [str(first.pk)]
    assert done["module"]["partsDone"] == 1 and done["module"]["partsTotal"] == 2
    assert done["module"]["completed"] is False
    done = complete_page(browser, second)
    assert done["newlyCompleted"] == [str(second.pk), str(specialist.pk)]
    assert done["module"]["completed"] is True and done["module"]["partsDone"] == 2
    learner = Learner.objects.get()
    assert [name for name, _kwargs in received] == [
        "exercise_answered",  # the answer first, then what it completes
        "part_completed",
        "exercise_answered",
        "part_completed",
        "module_completed",
    ]
    completions = [(name, kwargs) for name, kwargs in received if name != "exercise_answered"]
    assert completions == [
        ("part_completed", {"learner": learner, "module_id": specialist.pk, "page_id": first.pk}),
        ("part_completed", {"learner": learner, "module_id": specialist.pk, "page_id": second.pk}),
        ("module_completed", {"learner": learner, "module_id": specialist.pk}),
    ]


def test_the_parts_of_a_specialist_module_count_as_the_learner_sees_them(browser, specialist):
    first, second = parts(specialist)
    factories.unpublish(second)
    done = complete_page(browser, first)
    assert done["newlyCompleted"] == [str(first.pk), str(specialist.pk)]


def test_a_specialist_module_without_parts_is_complete_once_seen(browser, section):
    empty = factories.specialist_module(section, "Nog leeg")
    payload = browser.record(empty)
    assert payload["newlyCompleted"] == [str(empty.pk)]
    assert payload["module"]["partsTotal"] == 0 and payload["module"]["completed"] is True


def test_a_specialist_module_with_parts_is_not_complete_when_only_seen(browser, specialist):
    payload = browser.record(specialist)
    assert payload["newlyCompleted"] == [] and payload["module"]["completed"] is False


def test_a_completion_is_kept_when_the_content_changes(browser, specialist):
    first, second = parts(specialist)
    complete_page(browser, first)
    complete_page(browser, second)
    grown = type(first).objects.get(pk=first.pk)
    grown.body = [*first.body.raw_data, factories.block("text", {"text": "<p>Nieuw</p>"})]
    grown.save_revision().publish()
    factories.module_part(specialist, "Onderdeel 3", body=[])
    assert browser.page(first)["completed"] is True
    (progress,) = browser.me(modules=[specialist.pk])["modules"]
    assert progress["completed"] is True
    assert (progress["partsDone"], progress["partsTotal"]) == (2, 3)
