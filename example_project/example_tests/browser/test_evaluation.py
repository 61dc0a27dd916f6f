"""The questionnaire at the end of a module: problems shown by their question, a lost
answer sent again without counting twice, the thanks; the follow-up questions when
they are due."""

import datetime
import json
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from borg_learning import evaluation
from borg_learning.models import Response
from borg_learning.models.evaluation import NUMBER_RANGES, Part

from .conftest import GRAPHQL_URL, operation, path

pytestmark = pytest.mark.browser


def question(form, text):
    return form.get_by_role("group", name=text)


@pytest.mark.django_db
def test_the_questionnaire_after_a_basic_module(phone, site):
    module = site.basic_module
    # The basic module is not about SGG: the questionnaire's SGG question is not asked.
    asked = site.questionnaire.for_module(module).questions_of(Part.FIRST)
    likert, grade, length, learned, take_away = asked
    (signals,) = [
        question
        for question in site.questionnaire.questions_of(Part.FIRST)
        if question not in asked
    ]
    before = set(Response.objects.filter(module_id=module.pk).values_list("pk", flat=True))
    page = phone.open(path(module))
    form = page.locator("#evaluation")
    expect(form.get_by_role("heading", name=site.questionnaire.title)).to_be_visible()

    # Everything but the first question, which is required.
    question(form, grade.text).get_by_label("8", exact=True).check()
    question(form, length.text).get_by_label("Goed", exact=True).check()
    question(form, learned.text).get_by_label("4", exact=True).check()
    expect(question(form, signals.text)).to_have_count(0)
    form.get_by_label(take_away.text).fill("Korte zinnen, één vraag tegelijk.")
    form.get_by_role("button", name="Versturen").click()

    required = "Deze vraag is verplicht. Geef een antwoord."
    expect(question(form, likert.text)).to_contain_text(required)
    expect(question(form, likert.text)).to_have_accessible_description(
        f"{required} {likert.help_text}"
    )
    summary = form.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("listitem").first).to_have_text(f"{likert.text} {required}")
    assert not Response.objects.filter(module_id=module.pk).exclude(pk__in=before).exists()
    summary.get_by_role("link", name=likert.text).click()
    expect(question(form, likert.text).get_by_role("radio").first).to_be_focused()
    phone.check_accessibility()

    # The answers reach the server, but its answer is lost on the way back: sending
    # again uses the same submission id, so they are stored once.
    sent = []

    def lose_the_first_answer(route):
        if operation(route.request) == "SubmitEvaluation" and not sent:
            sent.append(route.request.post_data_json["variables"]["input"]["submissionId"])
            route.fetch()
            route.abort()
        else:
            route.continue_()

    page.route(GRAPHQL_URL, lose_the_first_answer)
    question(form, likert.text).get_by_label("5 helemaal mee eens").check()
    form.get_by_role("button", name="Versturen").click()
    expect(summary).to_contain_text("geen verbinding met de server")
    expect(question(form, likert.text)).not_to_contain_text(required)
    form.get_by_role("button", name="Versturen").click()
    expect(form).to_contain_text("Dank je wel! Je antwoorden zijn opgeslagen.")
    expect(form).to_contain_text(
        f"Over {site.questionnaire.follow_up_after_days} dagen vragen "
        "we je wat je in de praktijk met deze module doet."
    )
    expect(form.get_by_role("button", name="Versturen")).to_have_count(0)
    # The browser reports the aborted request itself; nothing else may appear.
    phone.errors = [e for e in phone.errors if "Failed to load resource" not in e]

    stored = Response.objects.filter(module_id=module.pk).exclude(pk__in=before)
    assert [str(response.submission_id) for response in stored] == sent
    answers = {
        answer.question_id: (answer.number, answer.choices, answer.text)
        for answer in stored.get().answers.all()
    }
    assert answers == {
        likert.pk: (5, [], ""),
        grade.pk: (8, [], ""),
        length.pk: (None, ["Goed"], ""),
        learned.pk: (4, [], ""),
        take_away.pk: (None, [], "Korte zinnen, één vraag tegelijk."),
    }
    kept = json.loads(page.evaluate(f"localStorage.getItem('borg-evaluatie-{module.pk}')"))
    assert kept["followUp"] == {
        "code": str(stored.get().follow_up_code),
        "due": stored.get().follow_up_due.isoformat(),
    }
    assert page.context.cookies() == []


def test_the_follow_up_when_it_is_due(desktop, site, committed_db):
    module = site.basic_module
    questionnaire = site.questionnaire
    # Answered long enough ago that the follow-up is due.
    first = evaluation.submit(
        module,
        uuid.uuid4(),
        first_answers(questionnaire.for_module(module)),
        today=timezone.localdate()
        - datetime.timedelta(days=questionnaire.follow_up_after_days + 1),
    ).response
    applied, example, frequency = questionnaire.questions_of(Part.FOLLOW_UP)
    kept = {
        "evaluatedOn": "2025-01-01",
        "followUp": {"code": str(first.follow_up_code), "due": first.follow_up_due.isoformat()},
    }
    desktop.page.add_init_script(
        f"localStorage.setItem('borg-evaluatie-{module.pk}', {json.dumps(json.dumps(kept))})"
    )

    page = desktop.open(path(module))
    form = page.locator("#evaluation")
    heading = form.get_by_role("heading", name=f"{questionnaire.title}: vervolgvragen")
    expect(heading).to_be_visible()
    expect(form).to_contain_text(questionnaire.follow_up_intro)
    question(form, applied.text).get_by_label("4", exact=True).check()
    form.get_by_label(example.text).fill("Ik laat cliënten vaker herhalen wat we afspraken.")
    question(form, frequency.text).get_by_label(frequency.option_list[1], exact=True).check()
    form.get_by_role("button", name="Versturen").click()
    expect(form).to_contain_text("Dank je wel voor je antwoorden op de vervolgvragen!")

    follow_up = Response.objects.get(first_response=first)
    assert follow_up.part == Part.FOLLOW_UP
    assert sorted(follow_up.answers.values_list("question_id", flat=True)) == sorted(
        [applied.pk, example.pk, frequency.pk]
    )
    kept = json.loads(page.evaluate(f"localStorage.getItem('borg-evaluatie-{module.pk}')"))
    assert kept["followUp"] is None


def first_answers(questionnaire):
    """Valid answers to the first part of the demo questionnaire, as a module asks it."""
    answers = []
    for asked in questionnaire.questions_of(Part.FIRST):
        if asked.kind in NUMBER_RANGES:
            answers.append({"question": str(asked.pk), "number": 4})
        elif asked.option_list:
            answers.append({"question": str(asked.pk), "choices": [asked.option_list[0]]})
    return answers


@pytest.mark.django_db
def test_a_specialist_module_asks_its_evaluation_after_the_last_part(phone, site):
    """Not on the start page before a part is read: after the last part, and from the
    start page by a link once the learner has done every part (test_progress.py)."""
    title = site.questionnaire.title
    page = phone.open(path(site.sgg))
    expect(page.locator("h1")).to_be_visible()
    page.wait_for_load_state("networkidle")
    evaluation = page.locator("#evaluation")
    expect(evaluation.get_by_role("heading", name=title)).to_have_count(0)
    expect(evaluation.get_by_role("button", name="Versturen")).to_have_count(0)
    expect(page.get_by_role("link", name="Naar de evaluatie")).to_have_count(0)

    # Not after the first part either.
    page.get_by_role("link", name=site.sgg_parts[0].title).click()
    expect(page.locator("main h1")).to_have_text(site.sgg_parts[0].title)
    page.wait_for_load_state("networkidle")
    expect(page.locator("#evaluation").get_by_role("heading", name=title)).to_have_count(0)

    last = site.sgg_parts[-1]
    phone.open(path(last))
    expect(page.locator("#evaluation").get_by_role("heading", name=title)).to_be_visible()

    phone.check_accessibility()

    # Having opened the last part is not having done the parts: no link yet.
    page.get_by_role("link", name=f"Terug naar {site.sgg.title}").click()
    expect(page.locator("main .module__kind")).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("#evaluation").get_by_role("link", name="Naar de evaluatie")).to_have_count(
        0
    )
    expect(page.locator("#evaluation").get_by_role("button", name="Versturen")).to_have_count(0)
