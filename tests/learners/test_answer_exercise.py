"""``answerExercise``: the server judges the answer, keeps it as the learner's progress
(as ``recordProgress``'s ANSWERED does) and answers with what the page does not show."""

import pytest

from borg_learning.learners.models import BlockProgress, Completion, Learner, LearnerToken
from tests import factories
from tests.helpers.learners import ANSWER, RECORD, codes, token_header
from tests.helpers.learners import exercise_options as options

pytestmark = pytest.mark.django_db


def stored():
    return [model.objects.count() for model in (Learner, LearnerToken, BlockProgress, Completion)]


@pytest.fixture
def exercises(section):
    """A single choice, a multiple choice and a reflection, with feedback and explanations."""
    single = factories.block(
        "exercise",
        {
            "kind": "single",
            "question": "<p>Wat doe je eerst?</p>",
            "explanation": f'<p>Zie <a linktype="page" id="{section.pk}">de uitleg</a>.</p>',
            "options": options(
                ("luisteren", "Luisteren", True, "Ja. Eerst luisteren."),
                ("praten", "Praten", False, "Nog niet: eerst luisteren."),
            ),
        },
    )
    multiple = factories.block(
        "exercise",
        {
            "kind": "multiple",
            "question": "<p>Wat helpt?</p>",
            "explanation": "",
            "options": options(
                ("rust", "Rust", True, "Klopt."),
                ("haast", "Haast", False, "Haast maakt onrustig."),
                ("duidelijkheid", "Duidelijkheid", True, ""),
            ),
        },
    )
    reflection = factories.block(
        "exercise",
        {
            "kind": "reflection",
            "question": "<p>Wat doe jij?</p>",
            "explanation": "<p>Bijvoorbeeld: ik vraag door.</p>",
            "options": [],
        },
    )
    return factories.basic_module(section, "Oefenen", body=[single, multiple, reflection])


def ids(page):
    return [block for _kind, block in factories.blocks_of(page)]


def test_a_wrong_answer_gets_the_verdict_the_feedback_and_the_explanation(
    browser, exercises, received
):
    single, _multiple, _reflection = ids(exercises)
    payload = browser.answer(exercises, single, answer=["praten"])
    assert payload["ok"] is True and payload["errors"] == []
    assert len(payload["learnerToken"]) == 43  # the first progress starts a learner
    assert payload["result"] == {
        "correct": False,
        "chosen": [
            {
                "id": "praten",
                "text": "Praten",
                "correct": False,
                "feedback": "Nog niet: eerst luisteren.",
            }
        ],
        "correctOptions": ["luisteren"],
        "explanation": '<p>Zie <a href="http://localhost/leeromgeving/modules/">de uitleg</a>.</p>',
    }
    (row,) = BlockProgress.objects.all()
    assert (row.block_id, row.answer, row.completed_at is not None) == (single, ["praten"], True)
    assert [(name, kwargs["block_id"], kwargs["correct"]) for name, kwargs in received] == [
        ("exercise_answered", single, False)
    ]

    # Trying again: judged again, kept as the last answer, announced no more.
    again = browser.answer(exercises, single, answer=["luisteren"])
    assert again["learnerToken"] is None
    assert again["result"]["correct"] is True
    assert again["result"]["chosen"][0]["feedback"] == "Ja. Eerst luisteren."
    assert BlockProgress.objects.get().answer == ["luisteren"]
    assert len(received) == 1


def test_a_multiple_choice_is_right_with_exactly_the_correct_options(browser, exercises):
    _single, multiple, _reflection = ids(exercises)
    partly = browser.answer(exercises, multiple, answer=["haast", "rust"])["result"]
    assert partly["correct"] is False
    assert [(o["id"], o["correct"], o["feedback"]) for o in partly["chosen"]] == [
        ("rust", True, "Klopt."),
        ("haast", False, "Haast maakt onrustig."),
    ]  # in the exercise's order
    assert partly["correctOptions"] == ["rust", "duidelijkheid"] and partly["explanation"] == ""
    right = browser.answer(exercises, multiple, answer=["duidelijkheid", "rust"])["result"]
    assert right["correct"] is True


def test_a_reflection_is_kept_and_answered_with_the_example_answer(browser, exercises):
    _single, _multiple, reflection = ids(exercises)
    payload = browser.answer(exercises, reflection, text="  Ik vraag door.  ")
    assert payload["result"] == {
        "correct": None,
        "chosen": [],
        "correctOptions": [],
        "explanation": "<p>Bijvoorbeeld: ik vraag door.</p>",
    }
    assert BlockProgress.objects.get().text == "Ik vraag door."


def test_answering_every_exercise_completes_the_page_as_recorded_progress_does(
    browser, exercises, received
):
    single, multiple, reflection = ids(exercises)
    browser.answer(exercises, single, answer=["praten"])
    browser.answer(exercises, multiple, answer=["rust"])
    last = browser.answer(exercises, reflection, text="Doorvragen.")
    assert last["newlyCompleted"] == [str(exercises.pk)]
    assert last["page"] == {**last["page"], "completed": True, "blocksDone": 3, "blocksTotal": 3}
    assert last["module"]["completed"] is True
    assert [name for name, _kwargs in received] == [
        "exercise_answered",
        "exercise_answered",
        "exercise_answered",
        "module_completed",
    ]
    # The same answer again changes nothing.
    before = list(BlockProgress.objects.values_list("updated_at", flat=True))
    assert browser.answer(exercises, reflection, text="Doorvragen.")["newlyCompleted"] == []
    assert list(BlockProgress.objects.values_list("updated_at", flat=True)) == before
    assert len(received) == 4


def test_a_saved_answer_comes_back_with_its_verdict(browser, browsers, exercises):
    single, multiple, reflection = ids(exercises)
    answered = browser.answer(exercises, single, answer=["praten"])["result"]
    browser.answer(exercises, reflection, text="Doorvragen.")
    browser.record(exercises)  # the page itself, seen
    reloaded = browsers(browser.token).page(exercises)  # another tab, same token
    results = {block["block"]: block["result"] for block in reloaded["blocks"]}
    assert results[single] == answered
    assert results[reflection]["explanation"] == "<p>Bijvoorbeeld: ik vraag door.</p>"
    assert multiple not in results


def test_refusals_store_nothing_and_say_why(browser, exercises, section):
    single, multiple, reflection = ids(exercises)
    text_module = factories.basic_module(section, "Lezen", body=factories.body_blocks(1, section))
    draft = factories.basic_module(section, "Concept", publish=False, body=exercises.body.raw_data)
    restricted = factories.basic_module(section, "Intern", body=exercises.body.raw_data)
    factories.restrict(restricted, "login")
    new_exercise = factories.block("exercise", exercises.body.raw_data[0]["value"])
    factories.save_draft(exercises, body=[*exercises.body.raw_data, new_exercise])

    def refused(page, block, **values):
        payload = browser.answer(page, block, **values)
        assert payload["ok"] is False and payload["result"] is None
        assert payload["learnerToken"] is None and payload["newlyCompleted"] == []
        return [(error["field"], error["code"]) for error in payload["errors"]]

    for page in ("999999", "abc", section.pk, draft.pk, restricted.pk):
        assert refused(page, single, answer=["luisteren"]) == [("page", "UNKNOWN_PAGE")]
    assert refused(exercises, new_exercise["id"], answer=["luisteren"]) == [
        ("block", "UNKNOWN_BLOCK")
    ]  # only in a draft
    assert refused(exercises, "no-such-block", answer=["luisteren"]) == [("block", "UNKNOWN_BLOCK")]
    text_block = factories.block_id(text_module, "text")
    assert refused(text_module, text_block, answer=["x"]) == [("block", "UNKNOWN_BLOCK")]
    assert refused(exercises, single, answer=["rust"]) == [("answer", "UNKNOWN_OPTION")]
    assert refused(exercises, single, answer=["luisteren", "praten"]) == [
        ("answer", "INVALID_ANSWER")
    ]
    assert refused(exercises, single, answer=[]) == [("answer", "INVALID_ANSWER")]
    assert refused(exercises, multiple, answer=["rust", "rust"]) == [("answer", "INVALID_ANSWER")]
    assert refused(exercises, single, text="Luisteren") == [("text", "INVALID_ANSWER")]
    assert refused(exercises, reflection, answer=["luisteren"]) == [("answer", "INVALID_ANSWER")]
    assert refused(exercises, reflection, text=" ") == [("text", "INVALID_ANSWER")]
    token = factories.preview_token(exercises)
    assert refused(exercises, single, answer=["praten"], previewToken=token) == [
        ("page", "UNKNOWN_PAGE")
    ]  # page or previewToken, not both
    assert stored() == [0, 0, 0, 0]


def test_a_forged_token_is_refused(browsers, exercises):
    single, _multiple, _reflection = ids(exercises)
    payload = browsers("made-up-token").answer(exercises, single, answer=["praten"])
    assert codes(payload) == ["UNKNOWN_LEARNER"] and payload["result"] is None
    assert stored() == [0, 0, 0, 0]


def test_an_editor_s_preview_is_judged_and_nothing_is_stored(graphql, exercises):
    new_exercise = factories.block(
        "exercise",
        {
            "kind": "true_false",
            "question": "<p>Nieuw?</p>",
            "explanation": "<p>Nog niet gepubliceerd.</p>",
            "options": options(("ja", "Waar", True, "Goed."), ("nee", "Niet waar", False, "")),
        },
    )
    factories.save_draft(exercises, body=[new_exercise])
    token = factories.preview_token(exercises)

    def answer(**fields):
        return graphql(ANSWER, {"input": {"block": new_exercise["id"], **fields}})["data"][
            "answerExercise"
        ]

    payload = answer(previewToken=token, answer=["nee"])
    assert payload["ok"] is True and payload["learnerToken"] is None
    assert payload["result"]["correct"] is False
    assert payload["result"]["correctOptions"] == ["ja"]
    assert payload["result"]["explanation"] == "<p>Nog niet gepubliceerd.</p>"
    assert payload["page"] is None and payload["newlyCompleted"] == []
    assert [error["code"] for error in answer(previewToken=token, answer=["x"])["errors"]] == [
        "UNKNOWN_OPTION"
    ]
    bad = answer(previewToken="not-a-token", answer=["nee"])
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [("previewToken", "UNKNOWN_PAGE")]
    assert stored() == [0, 0, 0, 0]


# Measured: an answer of a learner with its verdict, page and module progress costs as many
# queries as recordProgress's ANSWERED with that payload (16), and 2 more when the
# explanation links to a page (the page, where it is, and the site roots for its URL).
@pytest.mark.parametrize(
    "query, exercise, queries",
    [(RECORD, "multiple", 16), (ANSWER, "multiple", 16), (ANSWER, "single", 18)],
)
def test_an_answer_costs_a_fixed_number_of_queries(
    client, browser, exercises, django_assert_num_queries, query, exercise, queries
):
    single, multiple, reflection = ids(exercises)
    browser.answer(exercises, reflection, text="Doorvragen.")
    fields = {"page": str(exercises.pk), "block": single if exercise == "single" else multiple}
    fields["answer"] = ["praten"] if exercise == "single" else ["rust"]
    if query == RECORD:
        fields["event"] = "ANSWERED"
    with django_assert_num_queries(queries):
        answer = client.post(
            "/graphql/",
            {"query": query, "variables": {"input": fields}},
            content_type="application/json",
            **token_header(browser.token),
        ).json()
    assert "errors" not in answer, answer
    payload = answer["data"]["answerExercise" if query == ANSWER else "recordProgress"]
    assert payload["ok"] is True and payload["page"]["blocksDone"] == 2
