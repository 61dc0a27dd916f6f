"""A learner completes a microlesson through the learners' recordProgress, with the
rules of a module part, and ``microlesson_completed`` is sent once per learner."""

import pytest

from borg_learning.learners.models import Completion
from borg_learning.microlearning.signals import microlesson_completed
from tests import factories
from tests.helpers.learners import Frontend, complete_block, complete_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    """The ``microlesson_completed`` events sent while the test runs."""
    sent = []

    def receiver(sender, **kwargs):
        kwargs.pop("signal")
        sent.append(kwargs)

    microlesson_completed.connect(receiver)
    yield sent
    microlesson_completed.disconnect(receiver)


@pytest.fixture
def quiz(section, theme):
    """A quiz of a text and two exercises."""
    return factories.microlesson(
        section,
        "Quiz de-escaleren",
        theme=theme,
        format="quiz",
        length=120,
        body=[
            factories.block("text", {"text": factories.paragraph(20)}),
            factories.block(*factories.exercise_block()),
            factories.block(*factories.exercise_block("<p>En dit?</p>")),
        ],
    )


def test_a_microlesson_completes_when_every_block_is_done_and_is_announced_once(
    browser, quiz, received
):
    blocks = factories.blocks_of(quiz)
    for kind, block in blocks[:-1]:
        payload = complete_block(browser, quiz, kind, block)
        assert payload["newlyCompleted"] == []
        assert payload["module"] is None
    assert received == []

    payload = complete_block(browser, quiz, *blocks[-1])
    assert payload["newlyCompleted"] == [str(quiz.pk)]
    assert payload["page"]["completed"] is True
    assert (payload["page"]["blocksDone"], payload["page"]["blocksTotal"]) == (3, 3)
    assert payload["module"] is None
    (event,) = received
    assert event["page_id"] == quiz.pk
    assert event["learner"].pk == Completion.objects.get(page=quiz).learner_id

    # Answering again, or seeing the page, completes nothing more and sends nothing.
    again = complete_block(browser, quiz, *blocks[1])
    assert again["newlyCompleted"] == []
    assert browser.record(quiz)["newlyCompleted"] == []
    assert len(received) == 1
    done = Completion.objects.get(page=quiz)
    assert (done.module_id, done.is_module) == (None, False)


def test_each_learner_completes_it_once(send, quiz, received):
    first, second = Frontend(send), Frontend(send)
    complete_page(first, quiz)
    complete_page(second, quiz)
    assert len(received) == 2
    assert received[0]["learner"] != received[1]["learner"]


def test_a_wrong_event_is_refused_and_nothing_stored(browser, quiz, received):
    _kind, exercise = factories.blocks_of(quiz)[1]
    answer = browser.graphql(
        "mutation ($input: LearningRecordProgressInput!) { recordProgress(input: $input) "
        "{ ok errors { field code } } }",
        {"input": {"page": str(quiz.pk), "block": exercise, "event": "SEEN"}},
    )
    assert answer["data"]["recordProgress"] == {
        "ok": False,
        "errors": [{"field": "event", "code": "WRONG_EVENT"}],
    }
    assert not Completion.objects.exists() and received == []


def test_a_draft_or_private_microlesson_takes_no_progress(browser, section, theme):
    draft = factories.microlesson(section, "Concept", theme=theme, publish=False)
    private = factories.microlesson(section, "Intern", theme=theme)
    factories.restrict(private, "login")
    for page in (draft, private):
        answer = browser.graphql(
            "mutation ($input: LearningRecordProgressInput!) { recordProgress(input: $input) "
            "{ ok errors { code } } }",
            {"input": {"page": str(page.pk), "event": "SEEN"}},
        )
        assert answer["data"]["recordProgress"] == {
            "ok": False,
            "errors": [{"code": "UNKNOWN_PAGE"}],
        }
    assert not Completion.objects.exists()


def test_me_lists_the_completed_microlesson_and_its_page_progress(browser, quiz):
    complete_page(browser, quiz)
    me = browser.me()
    assert str(quiz.pk) in me["completedPageIds"]
    assert me["modules"] == []
    progress = browser.page(quiz)
    assert progress["completed"] is True


def test_the_learners_export_shows_the_microlesson_without_a_module(browser, quiz):
    import json

    from tests.helpers.learners import EXPORT

    complete_page(browser, quiz)
    export = json.loads(browser.send(EXPORT)["exportMyData"]["json"])
    assert [(row["page"], row["module"]) for row in export["progress"]] == [
        (str(quiz.pk), None)
    ] * 3
    (done,) = export["completions"]
    assert (done["page"], done["module"], done["wholeModule"]) == (str(quiz.pk), None, False)


def test_resuming_a_microlesson_names_no_module(browser, quiz):
    browser.record(quiz)
    resume = browser.send("{ me { resume { page { id } module { id } moduleCompleted } } }")
    assert resume["me"]["resume"] == {
        "page": {"id": str(quiz.pk)},
        "module": None,
        "moduleCompleted": False,
    }


def test_the_first_answer_to_a_quiz_exercise_is_announced_without_a_module(browser, quiz):
    from tests.helpers.signals import signals_sent

    _kind, exercise = factories.blocks_of(quiz)[1]
    with signals_sent("exercise_answered") as sent:
        complete_block(browser, quiz, "exercise", exercise)
        complete_block(browser, quiz, "exercise", exercise)
    ((name, event),) = sent
    assert (event["module_id"], event["page_id"], event["block_id"]) == (None, quiz.pk, exercise)
    assert event["correct"] is True


def test_a_quiz_exercise_is_judged_on_the_server_and_kept(browser, quiz):
    from borg_learning.content.exercises import options
    from borg_learning.learners.models import BlockProgress

    _kind, exercise = factories.blocks_of(quiz)[1]
    value = next(block["value"] for block in quiz.body.raw_data if block["id"] == exercise)
    right, wrong = (option.id for option in options(value))

    payload = browser.answer(quiz, exercise, answer=[wrong])
    assert payload["errors"] == []
    assert (payload["result"]["correct"], payload["result"]["correctOptions"]) == (False, [right])
    assert browser.answer(quiz, exercise, answer=[right])["result"]["correct"] is True
    (row,) = BlockProgress.objects.filter(page=quiz)
    assert (row.block_id, row.answer, row.module_id) == (exercise, [right], None)
