"""The demo's challenge, "Deze maand: 5 microlessen", running this month, and the
microlessons some of the generated learners (``progress``) did in it.

A few dozen of them take one to eight of the demo's microlessons on days of this month up
to today, block by block as the completion rules require (``progress.History.work``, with
no module); those who reach five have the challenge completed at that moment, as the app
would have stored it (``borg_learning.challenges.progress.complete_reached``). Drawn
from its own seeded generator; nothing lies in the future. The challenge is made once:
while it exists it is left as it is, and so is the history while a generated learner
has a microlesson completed.
"""

import datetime
import random
from types import SimpleNamespace

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.challenges.models import Challenge, ChallengeCompletion, Goal
from borg_learning.challenges.progress import complete_reached
from borg_learning.learners.models import BlockProgress, Completion, Learner
from borg_learning.microlearning.models import MicrolessonPage
from borg_learning.models import SectionPage

from .microlessons import SECTION
from .progress import MARKER, History, blocks_to_do

SEED = "borg-leeromgeving-uitdagingen"
CHALLENGE = {
    "title": "Deze maand: 5 microlessen",
    "description": "Vijf korte lessen van een minuut of twee, wanneer het jou uitkomt.",
    "goal": Goal.MICROLESSONS,
    "target": 5,
}
#: How many generated learners take microlessons this month, and how many each.
LEARNERS = 40
LESSONS_EACH = [1, 1, 2, 2, 3, 4, 5, 5, 6, 8]
#: A page of no module: the rows of a microlesson have none.
NO_MODULE = SimpleNamespace(pk=None)


#: Days of the challenge that have passed when the demo loads, at the least: loaded on the
#: first of a month, the challenge starts the month before, so learners did some in it.
PAST_DAYS = 7


def this_month(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """This month, from the first of the month a week ago to the last of this one."""
    first = (today - datetime.timedelta(days=PAST_DAYS)).replace(day=1)
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def load(report, now=None):
    """The challenge of this month, and the generated learners' microlessons in it."""
    challenge = Challenge.objects.filter(title=CHALLENGE["title"]).first()
    if challenge is not None:
        report.add(f"Challenge exists, left as it is: {challenge.title}")
    else:
        first, last = this_month(timezone.localdate(now))
        challenge = Challenge.objects.create(**CHALLENGE, starts_on=first, ends_on=last)
        report.add(f"Challenge created: {challenge.title}, {first} to {last}")
    ensure_progress(challenge, report, now)


def demo_learners():
    return list(Learner.objects.filter(tokens__digest__startswith=MARKER).order_by("pk"))


def demo_lessons():
    """The live microlessons of the demo's section, with the blocks the rules require."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    references = References(request)
    section = SectionPage.objects.filter(slug=SECTION["slug"]).first()
    if section is None:
        return []
    lessons = MicrolessonPage.objects.live().descendant_of(section).order_by("path")
    return [(lesson, blocks_to_do(lesson, references)) for lesson in lessons]


def ensure_progress(challenge, report, now=None):
    learners, lessons = demo_learners(), demo_lessons()
    if not learners or not lessons:
        report.add("Challenge history: no generated learners or microlessons, nothing made")
        return
    if Completion.objects.filter(learner__in=learners, module__isnull=True).exists():
        report.add("Challenge history exists, left as it is")
        return
    now = now or timezone.now()
    rng = random.Random(SEED)
    history = History(rng, now, modules={}, routes=None)
    days = [challenge.starts_on + datetime.timedelta(days=n) for n in range(62)]
    days = [day for day in days if day <= min(challenge.ends_on, timezone.localdate(now))]
    takers = rng.sample(learners, min(LEARNERS, len(learners)))
    for learner in takers:
        chosen = rng.sample(lessons, min(rng.choice(LESSONS_EACH), len(lessons)))
        for lesson, blocks in chosen:
            moment = history.moment(rng.choice(days))
            history.work(learner, NO_MODULE, lesson, blocks, moment, next_block=1.0)
    BlockProgress.objects.bulk_create(history.progress, batch_size=500)
    Completion.objects.bulk_create(history.completions, batch_size=500)
    for learner in takers:  # as the app stores it when the fifth microlesson is completed
        complete_reached(learner.pk, [challenge.goal])
    report.add(
        f"Challenge history created: {len(takers)} learners completed "
        f"{len(history.completions)} microlessons this month, "
        f"{ChallengeCompletion.objects.filter(challenge=challenge).count()} reached "
        f"'{challenge.title}'"
    )
