"""The admin's "Preview" shows a draft in the frontend; learners keep seeing what is live."""

import re
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from example_tests.helpers import preview_token

from .conftest import path, server_paused

pytestmark = pytest.mark.browser


#: What saving a revision changes on the page's own row.
REVISION_FIELDS = [
    "latest_revision_id",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
]


@contextmanager
def draft_of(site, page):
    """A draft revision of ``page`` as the test changed it, for the test's length; then
    the page is as it was (the database is committed: later tests see it)."""
    from wagtail.models import Page

    rows = Page.objects.filter(pk=page.pk)
    before = rows.values(*REVISION_FIELDS).get()
    revision = page.save_revision()
    try:
        yield revision
    finally:
        with server_paused(site):
            rows.update(**before)
            revision.delete()


def test_a_preview_of_the_start_page_shows_its_draft(desktop, site, committed_db):
    environment = type(site.environment).objects.get(pk=site.environment.pk)
    environment.title = "Leeromgeving (concept)"
    with draft_of(site, environment):
        token = preview_token(environment)
        page = desktop.open(f"/?content_type=borg_learning.learningenvironmentpage&token={token}")
        expect(page.locator(".preview-banner")).to_be_visible()
        expect(page).to_have_title(re.compile(r"Leeromgeving \(concept\)"))
        expect(page.locator(".start-buttons li")).to_have_count(environment.buttons.count())

        page = desktop.open("/")
        expect(page).to_have_title(f"{site.environment.title} | Leeromgeving De Borg")


def test_a_preview_judges_the_draft_s_exercise_and_keeps_nothing(phone, site, committed_db):
    """The draft's exercise is not the published one: the preview's token judges it, and
    an editor trying it out starts no learner."""
    from borg_learning.learners.models import Learner

    module = type(site.basic_module).objects.get(pk=site.basic_module.pk)
    body = module.body.raw_data
    index = next(i for i, block in enumerate(body) if block["type"] == "exercise")
    exercise = dict(body[index]["value"])
    exercise["options"] = [
        {"text": option["text"], "correct": False, "feedback": option["feedback"]}
        for option in (item.get("value", item) for item in exercise["options"])
    ] + [{"text": "Een nieuw antwoord", "correct": True, "feedback": "Dit antwoord is nieuw."}]
    exercise["kind"] = "single"
    body[index] = {**body[index], "value": exercise}
    module.body = body
    learners = Learner.objects.count()
    with draft_of(site, module):
        token = preview_token(module)
        page = phone.open(f"/?content_type=borg_learning.basicmodulepage&token={token}")
        expect(page.locator(".preview-banner")).to_be_visible()
        block = page.locator(".exercise").filter(has=page.get_by_label("Een nieuw antwoord"))
        block.get_by_label("Een nieuw antwoord").check()
        block.get_by_role("button", name="Controleer").click()
        expect(block.locator(".exercise__result")).to_have_text("Goed. Dit antwoord is nieuw.")
        assert page.evaluate("localStorage.getItem('borg-learner-token')") is None
        assert Learner.objects.count() == learners


def test_a_preview_shows_the_draft_of_a_microlesson(phone, site, committed_db):
    from borg_learning.microlearning.models import MicrolessonPage

    lesson = MicrolessonPage.objects.live().filter(format="text").first()
    title = lesson.title
    lesson.title = "Eenvoudige taal (concept)"
    with draft_of(site, lesson):
        token = preview_token(lesson)
        content_type = lesson._meta.label_lower
        page = phone.open(f"/?content_type={content_type}&token={token}")
        expect(page.locator(".preview-banner")).to_be_visible()
        expect(page.locator("h1")).to_have_text("Eenvoudige taal (concept)")
        expect(page.locator(".microlesson__format")).to_have_text(
            f"Tekst · {lesson.length} seconden"
        )
        page = phone.open(path(lesson))
        expect(page.locator("h1")).to_have_text(title)
