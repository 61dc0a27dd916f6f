"""The domain signals are sent once per stored fact, with what a receiver needs."""

import uuid

import pytest
from django.test import RequestFactory

from borg_learning import evaluation, models
from borg_learning.analytics.visits import record_visit
from tests import factories
from tests.helpers import evaluation as ec
from tests.helpers.signals import signals_sent

pytestmark = pytest.mark.django_db

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0"


def browser(user_agent=USER_AGENT):
    return RequestFactory().post("/api/visits/", HTTP_USER_AGENT=user_agent)


@pytest.fixture
def received():
    """Every signal sent while the test runs, as (signal name, keyword arguments)."""
    with signals_sent("visit_recorded", "module_viewed", "evaluation_submitted") as sent:
        yield sent


def test_a_counted_visit_to_a_part_says_which_module_was_viewed(environment, received):
    module = factories.specialist_module(environment, parts=1)
    part = module.get_children().get()
    assert record_visit(part.pk, browser()) is True
    (visit, viewed) = received
    assert visit[0] == "visit_recorded" and visit[1]["page_id"] == part.pk
    assert viewed[0] == "module_viewed"
    assert (viewed[1]["module_id"], viewed[1]["page_id"]) == (module.pk, part.pk)


def test_a_visit_to_a_page_that_is_no_module_is_recorded_without_module_viewed(
    environment, received
):
    assert record_visit(environment.pk, browser()) is True
    assert [name for name, _kwargs in received] == ["visit_recorded"]


def test_nothing_is_sent_for_a_visit_that_does_not_count(environment, received):
    module = factories.basic_module(environment)
    assert record_visit(module.pk, browser("Googlebot/2.1")) is False
    assert record_visit(module.pk, browser(), preview=True) is False
    factories.unpublish(module)
    assert record_visit(module.pk, browser()) is False
    assert received == []


def test_a_stored_evaluation_is_sent_once_and_a_repeat_or_a_refusal_not(received):
    module = factories.module_with_questionnaire()
    submission_id = uuid.uuid4()
    answers = ec.good_answers(module.questionnaire)
    evaluation.submit(module, submission_id, answers)
    evaluation.submit(module, submission_id, answers)  # the same submission sent again
    with pytest.raises(evaluation.SubmissionError):
        evaluation.submit(module, uuid.uuid4(), [])
    ((name, kwargs),) = received
    assert name == "evaluation_submitted" and kwargs["module_id"] == module.pk
    assert kwargs["response"] == models.Response.objects.get()


def test_a_failing_receiver_neither_stops_the_others_nor_undoes_the_fact(
    django_capture_on_commit_callbacks, caplog
):
    from django.dispatch import Signal

    from borg_learning.signals import send_after_commit

    happened = Signal()
    heard = []

    def broken(sender, **kwargs):
        raise RuntimeError("receiver bug")

    happened.connect(broken, weak=False)
    happened.connect(lambda sender, **kwargs: heard.append(kwargs["fact"]), weak=False)
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(happened, sender=None, fact="stored")
        assert heard == []  # not before the commit
    assert heard == ["stored"]
    assert "receiver bug" in caplog.text and "failed" in caplog.text
