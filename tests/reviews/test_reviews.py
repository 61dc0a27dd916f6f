"""The daily review: exercises a learner answered come back when the scheduler says so,
and ``answerReview`` judges them on the server."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.reviews.models import ReviewCard, ReviewLog
from borg_learning.reviews.signals import review_answered
from tests import factories
from tests.helpers.learners import codes
from tests.helpers.reviews import ReviewFrontend, exercise_page, single_choice

pytestmark = pytest.mark.django_db

#: dueReviews and dailyReviewCount: the learner by its token, the reviews answered today,
#: the due cards, their pages' types and the pages (one query per page type: a module and
#: a microlesson). The request's site comes from the process's table (borg_learning.sites).
QUERIES = 6


def exercise_ids(page):
    return [block for _kind, block in factories.blocks_of(page)]


def stored():
    """Everything the reviews keep, to see that a refusal changes nothing."""
    return (
        list(ReviewCard.objects.order_by("pk").values()),
        list(ReviewLog.objects.order_by("pk").values()),
    )


@pytest.fixture
def answered(browser, module, clock):
    """The learner answered the single choice wrong and the multiple choice right, a day
    ago; both cards are due now."""
    single, multiple, _reflection = exercise_ids(module)
    browser.answer(module, single, answer=["praten"])
    browser.answer(module, multiple, answer=["rust"])
    clock.forward(days=1)
    return browser


def card_of(page, block):
    return ReviewCard.objects.get(page=page, block_id=block)


def test_a_first_answer_makes_one_card_with_that_answer_as_its_first_review(browser, module):
    single, multiple, reflection = exercise_ids(module)
    browser.answer(module, single, answer=["praten"])
    browser.answer(module, single, answer=["luisteren"])  # answered again: no new card
    browser.record(module, multiple, "ANSWERED", answer=["rust"])
    browser.answer(module, reflection, text="Ik vraag door.")  # nothing to judge: no card

    assert sorted(ReviewCard.objects.values_list("block_id", flat=True)) == sorted(
        [single, multiple]
    )
    logs = ReviewLog.objects.order_by("card__block_id", "pk")
    assert sorted(
        (log.card.block_id, log.source, log.correct, log.answer, log.rating) for log in logs
    ) == sorted(
        [(single, "exercise", False, ["praten"], 1), (multiple, "exercise", True, ["rust"], 3)]
    )
    assert {log.scheduler for log in logs} == {"fsrs"}


def test_a_card_is_due_once_its_interval_has_passed(browser, module, clock):
    single, _multiple, _reflection = exercise_ids(module)
    browser.answer(module, single, answer=["luisteren"])
    due_at = card_of(module, single).due
    assert timezone.now() < due_at <= timezone.now() + datetime.timedelta(days=1)
    assert browser.due() == {"dailyReviewCount": 0, "dueReviews": []}

    clock.forward(days=1)
    me = browser.due()
    card = card_of(module, single)
    assert me["dailyReviewCount"] == 1
    assert me["dueReviews"] == [
        {
            "id": str(card.pk),
            "due": due_at.isoformat(),
            "page": {
                "id": str(module.pk),
                "title": "Oefenen",
                "path": me["dueReviews"][0]["page"]["path"],
            },
            "exercise": {
                "id": single,
                "exerciseType": "SINGLE_CHOICE",
                "question": "<p>Wat doe je eerst?</p>",
                "options": [
                    {"id": "luisteren", "text": "Luisteren"},
                    {"id": "praten", "text": "Praten"},
                ],
                "hasExplanation": True,
            },
        }
    ]
    assert me["dueReviews"][0]["page"]["path"].endswith("/oefenen/")


def test_a_right_answer_moves_the_card_on_and_is_logged(answered, module):
    _single, multiple, _reflection = exercise_ids(module)
    card = card_of(module, multiple)
    payload = answered.answer_review(card.pk, ["rust"])
    assert payload["ok"] is True and payload["errors"] == []
    assert payload["result"] == {
        "correct": True,
        "chosen": [{"id": "rust", "text": "Rust", "correct": True, "feedback": "Klopt."}],
        "correctOptions": ["rust"],
        "explanation": "",
    }
    card.refresh_from_db()
    assert payload["nextDue"] == card.due.isoformat()
    assert card.due > timezone.now() + datetime.timedelta(hours=12)  # learnt: days, not minutes
    last = card.logs.last()
    assert (last.source, last.correct, last.rating, last.answer) == ("review", True, 3, ["rust"])
    assert [entry["id"] for entry in answered.due()["dueReviews"]] == [
        str(card_of(module, exercise_ids(module)[0]).pk)
    ]


def test_a_wrong_answer_brings_the_card_back_soon(answered, module):
    single, _multiple, _reflection = exercise_ids(module)
    card = card_of(module, single)
    payload = answered.answer_review(card.pk, ["praten"])
    assert payload["result"]["correct"] is False
    assert payload["result"]["chosen"][0]["feedback"] == "Nog niet: eerst luisteren."
    assert payload["result"]["correctOptions"] == ["luisteren"]
    card.refresh_from_db()
    assert timezone.now() < card.due <= timezone.now() + datetime.timedelta(minutes=10)
    assert (card.logs.last().rating, card.logs.last().correct) == (1, False)


def test_an_answer_sent_again_is_refused_and_stores_nothing(answered, module):
    card = card_of(module, exercise_ids(module)[1])
    answered.answer_review(card.pk, ["rust"])
    before = stored()
    replay = answered.answer_review(card.pk, ["rust"])
    assert (replay["ok"], codes(replay), replay["result"], replay["nextDue"]) == (
        False,
        ["NOT_DUE"],
        None,
        None,
    )
    assert stored() == before


def test_an_accepted_review_is_announced_once_and_a_refused_one_not_at_all(answered, module):
    heard = []

    def listen(sender, learner, card_id, correct, **kwargs):
        heard.append((learner.pk, card_id, correct))

    review_answered.connect(listen)
    try:
        card = card_of(module, exercise_ids(module)[1])
        answered.answer_review(card.pk, ["rust"])  # the frontend runs what the commit runs
        answered.answer_review(card.pk, ["rust"])  # not due any more: refused
    finally:
        review_answered.disconnect(listen)
    assert heard == [(card.learner_id, card.pk, True)]


@pytest.mark.parametrize(
    "answer, code",
    [
        (["stilte"], "UNKNOWN_OPTION"),
        (["luisteren", "praten"], "INVALID_ANSWER"),
        ([], "INVALID_ANSWER"),
    ],
)
def test_an_answer_that_does_not_fit_the_exercise_is_refused(answered, module, answer, code):
    card = card_of(module, exercise_ids(module)[0])
    before = stored()
    payload = answered.answer_review(card.pk, answer)
    assert (payload["ok"], codes(payload)) == (False, [code])
    assert stored() == before


def test_a_card_not_due_is_refused(browser, module):
    single = exercise_ids(module)[0]
    browser.answer(module, single, answer=["luisteren"])
    before = stored()
    payload = browser.answer_review(card_of(module, single).pk, ["luisteren"])
    assert codes(payload) == ["NOT_DUE"]
    assert stored() == before


def test_another_learners_card_or_an_unknown_one_is_refused(answered, module, browsers):
    card = card_of(module, exercise_ids(module)[0])
    other = browsers()
    other.answer(module, exercise_ids(module)[1], answer=["rust"])  # a learner of its own
    before = stored()
    for card_id in (card.pk, 999999, "kaart"):
        payload = other.answer_review(card_id, ["luisteren"])
        assert (payload["ok"], codes(payload)) == (False, ["UNKNOWN_CARD"])
    assert stored() == before
    assert codes(ReviewFrontend(other.graphql).answer_review(card.pk, ["luisteren"])) == [
        "NO_LEARNER"
    ]


def test_a_card_whose_exercise_is_gone_or_hidden_is_not_shown_nor_taken(answered, module):
    single, multiple, _reflection = exercise_ids(module)
    card = card_of(module, single)
    # The editor takes the single choice off the page and publishes it.
    module.body = [block for block in module.body.raw_data if block["id"] != single]
    module.save_revision().publish()
    assert [entry["exercise"]["id"] for entry in answered.due()["dueReviews"]] == [multiple]
    before = stored()
    assert codes(answered.answer_review(card.pk, ["luisteren"])) == ["UNKNOWN_CARD"]

    factories.unpublish(module)
    assert answered.due() == {"dailyReviewCount": 0, "dueReviews": []}
    assert codes(answered.answer_review(card_of(module, multiple).pk, ["rust"])) == ["UNKNOWN_CARD"]
    assert stored() == before


def test_the_daily_review_holds_at_most_the_daily_limit(answered, module, settings):
    settings.BORG_LEARNING = {"REVIEW_DAILY_LIMIT": 1}
    first = answered.due()
    assert first["dailyReviewCount"] == 1
    [card] = first["dueReviews"]
    assert answered.answer_review(card["id"], [card["exercise"]["options"][0]["id"]])["ok"]
    assert answered.due() == {"dailyReviewCount": 0, "dueReviews": []}
    other = card_of(module, exercise_ids(module)[1])
    before = stored()
    assert codes(answered.answer_review(other.pk, ["rust"])) == ["DAILY_LIMIT_REACHED"]
    assert stored() == before


def test_a_microlesson_exercise_becomes_a_card_too(browser, section, clock):
    lesson = factories.microlesson(
        section, "Eerst luisteren", body=[single_choice()], theme=factories.ThemeFactory()
    )
    [block] = exercise_ids(lesson)
    browser.answer(lesson, block, answer=["luisteren"])
    clock.forward(days=3)
    assert [entry["page"]["id"] for entry in browser.due()["dueReviews"]] == [str(lesson.pk)]


def due_cards(section, count):
    """A learner with ``count`` cards due, over a module and a microlesson."""
    learner, token = factories.learner()
    half = count // 2
    pages = [
        exercise_page(section, "Veel oefenen", [single_choice() for _ in range(half)]),
        factories.microlesson(
            section,
            body=[single_choice() for _ in range(count - half)],
            theme=factories.ThemeFactory(),
        ),
    ]
    past = timezone.now() - datetime.timedelta(days=1)
    ReviewCard.objects.bulk_create(
        ReviewCard(learner=learner, page=page, block_id=block, due=past, state=2)
        for page in pages
        for block in exercise_ids(page)
    )
    return ReviewFrontend(lambda *args, **kwargs: None, token), token


def test_the_due_reviews_take_the_same_queries_for_5_cards_as_for_100(
    section, graphql, settings, django_assert_num_queries
):
    from tests.helpers.learners import token_header
    from tests.helpers.reviews import DUE

    settings.BORG_LEARNING = {"REVIEW_DAILY_LIMIT": 200}
    counts = []
    for count in (5, 100):
        _browser, token = due_cards(section, count)
        graphql(DUE, {}, **token_header(token))  # warm caches (site roots, content types)
        with django_assert_num_queries(QUERIES) as captured:
            answer = graphql(DUE, {}, **token_header(token))
        assert len(answer["data"]["me"]["dueReviews"]) == count
        assert answer["data"]["me"]["dailyReviewCount"] == count
        counts.append(len(captured.captured_queries))
    assert counts == [QUERIES, QUERIES]


def test_forget_me_deletes_the_cards_and_their_reviews(answered, module):
    assert ReviewCard.objects.exists() and ReviewLog.objects.exists()
    from tests.helpers.learners import FORGET_ME

    assert answered.send(FORGET_ME)["forgetMe"]["ok"] is True
    assert (ReviewCard.objects.count(), ReviewLog.objects.count()) == (0, 0)


def test_the_export_holds_the_cards_and_their_reviews(answered, module):
    from tests.helpers.learners import EXPORT

    single, multiple, _reflection = exercise_ids(module)
    answered.answer_review(card_of(module, multiple).pk, ["rust"])
    data = answered.send(EXPORT)["exportMyData"]["data"]
    assert sorted(card["block"] for card in data["reviewCards"]) == sorted([single, multiple])
    assert {card["page"] for card in data["reviewCards"]} == {str(module.pk)}
    assert [(log["source"], log["correct"], log["answer"]) for log in data["reviewLogs"]] == [
        ("exercise", False, ["praten"]),
        ("exercise", True, ["rust"]),
        ("review", True, ["rust"]),
    ]


def test_signing_in_takes_the_anonymous_cards_along(client, answered, module):
    user = factories.user("leerling")
    client.force_login(user)
    answered.due()  # the first signed-in request with the token merges it
    assert set(ReviewCard.objects.values_list("learner__user", flat=True)) == {user.pk}
    assert ReviewLog.objects.count() == 2
