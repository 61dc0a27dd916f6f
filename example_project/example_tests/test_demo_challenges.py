"""The demo's challenge, "Deze maand: 5 microlessen", runs this month, and some of the
generated learners did microlessons in it: those who did five have it completed, at the
moment of the fifth."""

import datetime
from collections import defaultdict

import pytest
from django.utils import timezone

from borg_learning.challenges.models import Challenge, ChallengeCompletion
from borg_learning.learners.models import Completion
from borg_learning.microlearning.models import MicrolessonPage
from demo import content
from tests.helpers.graphql import screen_query


@pytest.fixture
def loaded(shared_demo_content, db):
    return shared_demo_content


def test_the_challenge_runs_this_month_and_the_api_lists_it(loaded, graphql):
    challenge = Challenge.objects.get()
    today = timezone.localdate()
    assert (challenge.goal, challenge.target, challenge.theme) == ("microlessons", 5, None)
    # On the first days of a month it starts the month before, so it has a history.
    assert challenge.starts_on == (today - datetime.timedelta(days=7)).replace(day=1)
    assert challenge.starts_on <= today <= challenge.ends_on
    assert challenge.ends_on.month == today.month
    answer = graphql(screen_query("challenges"))
    assert [item["title"] for item in answer["data"]["challenges"]] == ["Deze maand: 5 microlessen"]
    assert MicrolessonPage.objects.live().count() == 8


def test_learners_who_did_five_microlessons_completed_it_at_the_fifth(loaded):
    challenge = Challenge.objects.get()
    start, end = challenge.period
    moments = defaultdict(list)
    for learner, completed_at in Completion.objects.filter(
        module__isnull=True, completed_at__gte=start, completed_at__lt=end
    ).values_list("learner", "completed_at"):
        moments[learner].append(completed_at)
    assert len(moments) > 20
    assert not Completion.objects.filter(completed_at__gt=timezone.now()).exists()
    reached = {
        learner: sorted(found)[challenge.target - 1]
        for learner, found in moments.items()
        if len(found) >= challenge.target
    }
    assert reached  # some did, not all
    assert len(reached) < len(moments)
    assert (
        dict(
            ChallengeCompletion.objects.filter(challenge=challenge).values_list(
                "learner", "completed_at"
            )
        )
        == reached
    )


def test_loading_again_adds_nothing(loaded):
    before = (Challenge.objects.count(), Completion.objects.count())
    report = content.load()
    assert (Challenge.objects.count(), Completion.objects.count()) == before
    assert "Challenge exists, left as it is: Deze maand: 5 microlessen" in report
    assert "Challenge history exists, left as it is" in report
