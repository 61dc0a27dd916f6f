"""A learner signed in to the site keeps progress with their account, and brings the
progress of the anonymous learner on their device along when they sign in."""

import datetime

import pytest
from django.utils import timezone

from borg_learning.learners.identity import token_digest
from borg_learning.learners.models import BlockProgress, Completion, Learner, LearnerToken
from borg_learning.learners.signals import learners_merged
from tests import factories
from tests.helpers.learners import codes, complete_block, complete_page, parts

pytestmark = pytest.mark.django_db


def test_a_signed_in_learner_keeps_progress_with_the_account(client, browser, module):
    user = factories.user("leerling")
    client.force_login(user)
    payload = browser.record(module)
    assert payload["ok"] is True and payload["learnerToken"] is None
    assert Learner.objects.get().user == user and LearnerToken.objects.count() == 0
    me = browser.me()
    assert me["signedIn"] is True and me["tokenRetired"] is False
    assert me["resume"]["page"]["id"] == str(module.pk)
    client.logout()
    assert browser.me() is None  # no session and no token: nobody


def test_signing_in_merges_the_anonymous_progress_into_the_account(
    client, browsers, specialist, received
):
    first, second = parts(specialist)
    (first_text, first_exercise), (second_text, second_exercise) = (
        [block for _kind, block in factories.blocks_of(part)] for part in parts(specialist)
    )
    user = factories.user("leerling")
    earlier = timezone.now() - datetime.timedelta(days=2)
    own, _token = factories.learner(user=user)
    # On the account, days ago: the first part done, and one block of the second.
    factories.progress(own, first, first_text, module=specialist, completed_at=earlier)
    factories.progress(own, first, first_exercise, kind="exercise", module=specialist, answer=["a"])
    factories.completion(own, first, module=specialist)
    factories.progress(own, second, second_text, module=specialist)

    phone = browsers()
    complete_page(phone, first)  # anonymously, today: the first part again
    complete_block(phone, second, "exercise", second_exercise)  # the missing block
    anonymous = Learner.objects.get(user__isnull=True)
    received.clear()

    client.force_login(user)
    me = phone.me()  # the first request with both the session and the token
    assert me["signedIn"] is True and me["tokenRetired"] is True
    assert me["completedPageIds"] == [str(first.pk), str(second.pk), str(specialist.pk)]
    assert not Learner.objects.filter(pk=anonymous.pk).exists()
    # The merged token no longer works.
    assert not LearnerToken.objects.filter(digest=token_digest(phone.token)).exists()
    assert set(BlockProgress.objects.values_list("learner", flat=True)) == {own.pk}
    texts = BlockProgress.objects.get(page=first, block_id=first_text)
    assert texts.completed_at == earlier  # the earliest completion wins
    assert BlockProgress.objects.get(block_id=first_exercise).answer == ["a"]
    assert Completion.objects.filter(learner=own).count() == 3  # both parts and the module
    assert [name for name, _kwargs in received] == ["part_completed", "module_completed"]
    assert all(kwargs["learner"] == own for _name, kwargs in received)

    client.logout()
    refused = phone.record(second)
    assert codes(refused) == ["UNKNOWN_LEARNER"]


def test_recording_progress_signed_in_merges_too_and_tells_the_frontend_to_forget_the_token(
    client, browsers, module
):
    phone = browsers()
    phone.record(module, factories.block_id(module, "text"), "SEEN")
    user = factories.user("leerling")
    client.force_login(user)
    merged = []

    def receiver(sender, **kwargs):
        merged.append(kwargs)

    learners_merged.connect(receiver)
    try:
        payload = phone.record(module, factories.block_id(module, "image"), "SEEN")
    finally:
        learners_merged.disconnect(receiver)
    assert payload["tokenRetired"] is True and payload["page"]["blocksDone"] == 2
    (learner,) = Learner.objects.all()
    assert learner.user == user
    assert merged[0]["target"] == learner and merged[0]["source"].user is None
    me = phone.me()
    assert me["tokenRetired"] is True  # until the frontend drops it
    assert me["resume"]["page"]["id"] == str(module.pk)


def test_the_token_of_another_account_is_never_merged(client, browsers, module):
    other = factories.user("collega")
    theirs, token = factories.learner(user=other)
    factories.progress(theirs, module)
    client.force_login(factories.user("leerling"))
    payload = browsers(token).record(module, factories.block_id(module, "text"), "SEEN")
    assert payload["ok"] is True and payload["tokenRetired"] is True
    assert BlockProgress.objects.filter(learner=theirs).count() == 1
    mine = Learner.objects.get(user__username="leerling")
    assert BlockProgress.objects.filter(learner=mine).count() == 1


def test_a_signed_in_learner_with_a_stale_token_is_not_refused(client, browsers, module):
    client.force_login(factories.user("leerling"))
    payload = browsers("f" * 43).record(module)
    assert payload["ok"] is True and payload["tokenRetired"] is True
