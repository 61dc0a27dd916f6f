"""The demo's generated year of learners' progress."""

import datetime
from collections import Counter, defaultdict

import pytest
from django.db import connection
from django.db.models import F
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.challenges.models import Challenge
from borg_learning.learners import rules
from borg_learning.learners.identity import token_digest
from borg_learning.learners.models import BlockProgress, Completion, Learner, LearnerToken
from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.routes.models import RouteEnrolment, StepDone
from demo import challenges, content, progress, routes


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def microlessons():
    """The demo's microlessons, which some learners did this month (``demo.challenges``)."""
    return list(MicrolessonPage.objects.live())


def fingerprint():
    """The history without its block ids (new ones every time the content is made)."""
    return (
        sorted(
            Counter(
                (row.page_id, row.kind, row.completed_at is not None, row.updated_at)
                for row in BlockProgress.objects.all()
            ).items()
        ),
        sorted(Completion.objects.values_list("page_id", "module_id", "completed_at")),
        sorted(RouteEnrolment.objects.values_list("route_id", "started_at", "completed_at")),
        sorted(StepDone.objects.values_list("step_id", "done_on", "marked_at")),
    )


def test_a_few_hundred_learners_over_the_past_year(loaded):
    learners = Learner.objects.all()
    assert learners.count() == progress.LEARNERS
    today = timezone.localdate()
    starts = [timezone.localdate(learner.created_at) for learner in learners]
    assert min(starts) >= today - datetime.timedelta(days=progress.DAYS)
    assert max(starts) <= today
    assert len({(day.year, day.month) for day in starts}) >= 12
    assert not BlockProgress.objects.filter(updated_at__gt=timezone.now()).exists()
    assert not Completion.objects.filter(completed_at__gt=timezone.now()).exists()
    assert all(learner.last_seen >= learner.created_at.date() for learner in learners)


def test_more_start_than_finish_and_fewer_reach_each_next_part(loaded):
    started = {
        module.pk: BlockProgress.objects.filter(module=module).values("learner").distinct().count()
        for module in (loaded.basic_module, loaded.sgg)
    }
    finished = {
        module.pk: Completion.objects.filter(page=module).count()
        for module in (loaded.basic_module, loaded.sgg)
    }
    for module in (loaded.basic_module, loaded.sgg):
        assert 30 < finished[module.pk] < 0.8 * started[module.pk]
    reached = [
        BlockProgress.objects.filter(page=part).values("learner").distinct().count()
        for part in loaded.sgg_parts
    ]
    completed = [Completion.objects.filter(page=part).count() for part in loaded.sgg_parts]
    assert started[loaded.sgg.pk] > reached[0] > reached[1] > reached[2]
    assert completed[0] > completed[1] > completed[2] >= finished[loaded.sgg.pk]
    assert all(done < seen for done, seen in zip(completed, reached, strict=True))


def test_learners_follow_the_demo_routes_and_complete_them_only_when_every_step_is_done(
    loaded,
):
    completed = {
        (learner, page): moment
        for learner, page, moment in Completion.objects.values_list(
            "learner_id", "page_id", "completed_at"
        )
    }
    marked = {
        (learner, step): moment
        for learner, step, moment in StepDone.objects.values_list(
            "learner_id", "step_id", "marked_at"
        )
    }
    now = timezone.now()
    for data in routes.ROUTES:
        enrolments = RouteEnrolment.objects.filter(route__slug=data["slug"]).select_related(
            "learner", "route"
        )
        steps = list(enrolments.first().route.steps.all())
        finished = [enrolment for enrolment in enrolments if enrolment.completed_at]
        assert 0 < len(finished) < 0.8 * len(enrolments), data["slug"]
        assert len(enrolments) > 20
        for enrolment in enrolments:
            assert enrolment.started_at == enrolment.learner.created_at
            moments = [
                completed.get((enrolment.learner_id, step.module_id or step.part_id))
                if step.kind in ("module", "part")
                else marked.get((enrolment.learner_id, step.pk))
                for step in steps
            ]
            if None in moments:
                assert enrolment.completed_at is None
            else:  # at the moment of its last step
                assert enrolment.completed_at == max(moments) <= now
    assert not StepDone.objects.filter(marked_at__gt=now).exists()
    # Marks only on the steps of a route the learner started.
    assert not StepDone.objects.exclude(learner__route_enrolments__route=F("step__route")).exists()


def test_every_completion_follows_the_completion_rules(loaded):
    """A page is completed only when the blocks the rules require are done, before the
    completion; a specialist module only when all its parts are."""
    request = RequestFactory().get("/")
    references = References(request)
    required = {
        page.pk: rules.required_block_ids(page, references)
        for page in [loaded.basic_module, *loaded.sgg_parts, *microlessons()]
    }
    done = defaultdict(dict)
    for learner, page, block, completed_at in BlockProgress.objects.filter(
        completed_at__isnull=False
    ).values_list("learner", "page", "block_id", "completed_at"):
        done[learner, page][block] = completed_at
    parts = {part.pk for part in loaded.sgg_parts}
    completions = defaultdict(dict)
    for learner, page, completed_at in Completion.objects.values_list(
        "learner", "page", "completed_at"
    ):
        completions[learner][page] = completed_at
    for learner, pages in completions.items():
        for page, completed_at in pages.items():
            if page == loaded.sgg.pk:
                assert parts <= set(pages)
                assert completed_at >= max(pages[part] for part in parts)
                continue
            blocks = done[learner, page]
            assert required[page] <= set(blocks), (learner, page)
            assert all(blocks[block] <= completed_at for block in required[page])
    # And a learner who did every block of a page has completed it.
    for (learner, page), blocks in done.items():
        if page in required and required[page] <= set(blocks):
            assert page in completions[learner]


def test_every_stored_row_is_one_the_api_could_have_stored(loaded):
    kinds = {
        (page.pk, block.id): block
        for page in [loaded.basic_module, *loaded.sgg_parts, *microlessons()]
        for block in rules.body_blocks(page)
    }
    for row in BlockProgress.objects.exclude(block_id=""):
        block = kinds[row.page_id, row.block_id]
        assert row.kind == block.kind
        assert (row.completed_at is not None) == rules.is_done(row.kind, row.played)
        if row.kind == "exercise":
            options = {option_id for option_id, _value in block.options()}
            assert set(row.answer) <= options and (row.answer or row.text)


def test_no_token_names_a_generated_learner(loaded):
    digests = LearnerToken.objects.values_list("digest", flat=True)
    assert len(digests) == progress.LEARNERS
    assert all(digest.startswith(progress.MARKER) for digest in digests)
    assert token_digest("demo-progress-0000") not in digests  # not a SHA-256 of anything


def test_loading_again_adds_nothing(loaded):
    models = [Learner, LearnerToken, BlockProgress, Completion, RouteEnrolment, StepDone]
    before = {model: model.objects.count() for model in models}
    report = content.load()
    assert {model: model.objects.count() for model in models} == before
    assert "Learner progress history exists, left as it is" in report


def test_the_history_is_the_same_every_time_it_is_made_in_a_few_statements(loaded):
    # Made twice at the same moment: a day's events after that moment are moved to it,
    # so two makings a minute apart may differ on today's last events.
    now = timezone.now()

    def make():
        Learner.objects.all().delete()
        assert not BlockProgress.objects.exists()
        with CaptureQueriesContext(connection) as queries:
            progress.ensure_history(loaded.environment, content.Report(), now=now)
        challenges.ensure_progress(Challenge.objects.get(), content.Report())  # this month's
        return fingerprint(), queries

    made, _queries = make()
    again, queries = make()
    assert again == made
    # Thousands of rows in bulk inserts, not a statement per row (about 60 statements on
    # SQLite, which takes about 90 rows per insert).
    assert BlockProgress.objects.count() > 2000
    assert len(queries) < 100, len(queries)
