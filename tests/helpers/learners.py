"""What a frontend sends for a learner: the documented queries, with the token header."""

import datetime
import re

from borg_learning.models import ModulePartPage
from tests import factories
from tests.helpers.graphql import screen_query

RECORD = screen_query("record_progress")
ANSWER = screen_query("answer_exercise")
ME = screen_query("me")
PAGE_PROGRESS = screen_query("page_progress")
CREATE_CODE = screen_query("create_transfer_code")
REDEEM_CODE = screen_query("redeem_transfer_code")
FORGET_ME = screen_query("forget_me")
EXPORT = screen_query("export_my_data")


def token_header(token):
    """The request header that names the learner (Django's test client spelling)."""
    return {"HTTP_X_LEARNER_TOKEN": token} if token else {}


class Frontend:
    """A browser of the frontend: keeps the learner token it is given, as localStorage would."""

    def __init__(self, graphql, token=None):
        self.graphql, self.token = graphql, token

    def send(self, query, variables=None):
        answer = self.graphql(query, variables or {}, **token_header(self.token))
        assert "errors" not in answer, answer
        return answer["data"]

    def record(self, page, block=None, event="SEEN", **values):
        """recordProgress for ``page`` (an object or id); the payload."""
        fields = {"page": str(getattr(page, "pk", page)), "event": event}
        if block is not None:
            fields["block"] = block
        fields.update(values)
        payload = self.send(RECORD, {"input": fields})["recordProgress"]
        if payload["learnerToken"]:
            self.token = payload["learnerToken"]
        return payload

    def answer(self, page, block, **values):
        """answerExercise for an exercise of ``page`` (an object or id); the payload."""
        fields = {"page": str(getattr(page, "pk", page)), "block": block, **values}
        payload = self.send(ANSWER, {"input": fields})["answerExercise"]
        if payload["learnerToken"]:
            self.token = payload["learnerToken"]
        return payload

    def me(self, modules=None):
        variables = {"modules": [str(pk) for pk in modules]} if modules is not None else {}
        return self.send(ME, variables)["me"]

    def page(self, page):
        answer = self.send(PAGE_PROGRESS, {"id": str(getattr(page, "pk", page))})["me"]
        return answer and answer["page"]


def exercise_options(*values):
    """The stored options of an exercise: ``(id, text, correct, feedback)`` each."""
    return [
        {
            "type": "item",
            "id": option_id,
            "value": {"text": text, "correct": correct, "feedback": feedback},
        }
        for option_id, text, correct, feedback in values
    ]


def codes(payload):
    return [error["code"] for error in payload["errors"]]


def complete_block(browser, page, kind, block):
    """Send the event that completes a block of ``kind``."""
    if kind in ("text", "image"):
        return browser.record(page, block, "SEEN")
    if kind in ("audio", "video"):
        return browser.record(page, block, "PLAYED", played=1.0)
    if kind == "exercise":
        return browser.record(
            page, block, "ANSWERED", answer=[factories.option_ids(page, block)[0]]
        )
    return browser.record(page, block, "OPENED")


def complete_page(browser, page):
    """Complete every block of ``page``; the payload of the last event."""
    payload = None
    for kind, block in factories.blocks_of(page):
        payload = complete_block(browser, page, kind, block)
        assert payload["ok"], payload
    return payload


def parts(module):
    """The parts of a specialist module, in tree order."""
    return list(ModulePartPage.objects.child_of(module).order_by("path"))


def to_the_millisecond(rows):
    """Exported rows with their moments to the millisecond, as the JSON download writes
    them ("2026-11-30T12:26:16.161Z"), so the typed data compares with the JSON."""

    def value(item):
        if isinstance(item, str) and re.fullmatch(
            r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)", item
        ):
            moment = datetime.datetime.fromisoformat(item.replace("Z", "+00:00"))
            return moment.astimezone(datetime.UTC).replace(
                microsecond=moment.microsecond // 1000 * 1000
            )
        return item

    return [{key: value(item) for key, item in row.items()} for row in rows]
