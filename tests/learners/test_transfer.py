"""Moving to another device: a short code, valid for a day, used once, rate limited."""

import datetime
import re

import pytest
from django.utils import timezone

from borg_learning.learners import transfer
from borg_learning.learners.models import Learner, LearnerToken, TransferCode
from tests import factories
from tests.helpers.learners import CREATE_CODE, REDEEM_CODE, codes

pytestmark = pytest.mark.django_db


def create_code(browser):
    return browser.graphql(CREATE_CODE, **header(browser))["data"]["createTransferCode"]


def redeem(browser, code):
    payload = browser.graphql(REDEEM_CODE, {"code": code}, **header(browser))["data"][
        "redeemTransferCode"
    ]
    if payload["learnerToken"]:
        browser.token = payload["learnerToken"]
    return payload


def header(browser):
    return {"HTTP_X_LEARNER_TOKEN": browser.token} if browser.token else {}


@pytest.fixture
def laptop(browser, module):
    browser.record(module, factories.block_id(module, "text"), "SEEN")
    return browser


def test_a_code_is_eight_unambiguous_characters_valid_for_a_day_and_only_its_hash_kept(laptop):
    created = create_code(laptop)
    assert created["errors"] == []
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", created["code"])
    assert not set(created["code"]) & set("01ILO")
    expires = datetime.datetime.fromisoformat(created["expiresAt"])
    assert abs(expires - (timezone.now() + datetime.timedelta(hours=24))) < datetime.timedelta(
        minutes=1
    )
    (stored,) = TransferCode.objects.all()
    plain = created["code"].replace("-", "")
    assert plain not in stored.digest and stored.digest == transfer.code_digest(plain)


def test_a_redeemed_code_gives_another_device_the_same_learner(laptop, browsers, module):
    code = create_code(laptop)["code"]
    phone = browsers()
    payload = redeem(phone, code.lower().replace("-", " "))  # as typed on a phone
    assert payload["errors"] == [] and len(payload["learnerToken"]) == 43
    assert payload["learnerToken"] != laptop.token
    assert Learner.objects.count() == 1 and LearnerToken.objects.count() == 2
    assert phone.page(module)["blocksDone"] == 1
    phone.record(module, factories.block_id(module, "image"), "SEEN")
    assert laptop.page(module)["blocksDone"] == 2  # the first device keeps its token


def test_a_code_is_used_once(laptop, browsers):
    code = create_code(laptop)["code"]
    redeem(browsers(), code)
    again = redeem(browsers(), code)
    assert codes(again) == ["INVALID_TRANSFER_CODE"] and again["errors"][0]["field"] == "code"
    assert again["learnerToken"] is None


def test_an_expired_unknown_or_malformed_code_is_refused(laptop, browsers):
    code = create_code(laptop)["code"]
    TransferCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    for attempt in (code, "K7QM-3XPD", "K7QM", "!!!!-????", ""):
        assert codes(redeem(browsers(), attempt)) == ["INVALID_TRANSFER_CODE"], attempt
    assert LearnerToken.objects.count() == 1


def test_a_new_code_replaces_the_last(laptop, browsers):
    first = create_code(laptop)["code"]
    second = create_code(laptop)["code"]
    assert TransferCode.objects.count() == 1
    assert codes(redeem(browsers(), first)) == ["INVALID_TRANSFER_CODE"]
    assert redeem(browsers(), second)["errors"] == []


def test_making_and_trying_codes_is_rate_limited_per_address(laptop, browsers, settings):
    settings.BORG_LEARNING = {"TRANSFER_RATE_LIMIT": 3}
    code = create_code(laptop)["code"]
    assert codes(redeem(browsers(), "AAAA-AAAA")) == ["INVALID_TRANSFER_CODE"]
    assert codes(redeem(browsers(), "BBBB-BBBB")) == ["INVALID_TRANSFER_CODE"]
    refused = redeem(browsers(), code)  # the right code, but the fourth attempt
    assert codes(refused) == ["RATE_LIMITED"]
    assert "TRANSFER_RATE_LIMIT" in refused["errors"][0]["message"]
    assert TransferCode.objects.count() == 1


def test_a_code_needs_a_learner(browser, browsers):
    assert codes(create_code(browser)) == ["NO_LEARNER"]
    forged = create_code(browsers("A" * 43))
    assert codes(forged) == ["UNKNOWN_LEARNER"] and forged["code"] is None
    assert TransferCode.objects.count() == 0


def test_redeeming_brings_the_devices_own_anonymous_progress_along(laptop, browsers, module):
    code = create_code(laptop)["code"]
    phone = browsers()
    phone.record(module, factories.block_id(module, "download"), "OPENED")
    old_token = phone.token
    assert redeem(phone, code)["errors"] == []
    assert Learner.objects.count() == 1
    assert laptop.page(module)["blocksDone"] == 2
    assert codes(browsers(old_token).record(module)) == ["UNKNOWN_LEARNER"]
