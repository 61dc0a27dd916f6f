"""A generated year of learners' progress on the demo's modules, so the report
"Progress" (Voortgang) shows something real: where learners start, and where they stop.

A few hundred learners start over the 365 days before today, with the weekly rhythm,
quieter summer and slowly growing use of the evaluation history (``evaluation.activity``);
some take the other module too, later. A learner works through a page's blocks in order
and may stop at any block; in the specialist module fewer learners go on to each next
part, often days later. What is stored follows the completion rules
(``borg_learning.learners.rules``): a page is completed only when every block the rules
require of its live version is done, a specialist module only when all its live parts
are, at the moment of the last of them. Nothing lies in the future.

Some of the learners follow one of the demo's learning routes (``route_progress``).

Drawn from a seeded random generator, so the history is the same every time it is made.
Each generated learner has a marker token whose digest is not a SHA-256 (``demo-progress-
<n>``), so no browser's token can ever name them; while one of them exists the history is
left alone, and loading again adds nothing. Rows are made with ``bulk_create``.
"""

import datetime
import random

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import timezone

from borg_learning.api.references import References
from borg_learning.learners import rules
from borg_learning.learners.models import (
    BlockKind,
    BlockProgress,
    Completion,
    Learner,
    LearnerToken,
)
from borg_learning.models import BasicModulePage, ModulePartPage, SpecialistModulePage

from .evaluation import activity
from .route_progress import RouteHistory, demo_routes

SEED = "borg-leeromgeving-voortgang"
MARKER = "demo-progress-"
DAYS = 365
LEARNERS = 320
#: The share of learners who begin with the basic module (the others with SGG), and the
#: share who take the other module later.
BASIC_FIRST = 0.55
BOTH = 0.25
#: The chance a learner goes on to the next block of a page (else they stop there).
NEXT_BLOCK = {"basic": 0.93, "sgg": 0.975}
#: The chance a learner who opened SGG opens its first part, and who completed a part
#: goes on to the next.
FIRST_PART = 0.9
NEXT_PART = [0.78, 0.7]
REFLECTIONS = [
    "Ik ga beter letten op kleine signalen.",
    "Ik bespreek dit in het teamoverleg.",
    "Eerst stoppen, dan zorgen voor de ander.",
    "Feitelijk opschrijven wat ik zag en hoorde.",
]


def marker(number):
    return f"{MARKER}{number:04d}"


def ensure_history(environment, report, now=None):
    """A year of progress on the demo's modules, made once."""
    if LearnerToken.objects.filter(digest__startswith=MARKER).exists():
        report.add("Learner progress history exists, left as it is")
        return
    modules = demo_modules(environment)
    if not modules:
        report.add("Learner progress history: no demo modules, nothing made")
        return
    now = now or timezone.now()
    routes = RouteHistory(random.Random(f"{SEED}-routes"), now, demo_routes())
    made = History(random.Random(SEED), now, modules, routes).make()
    report.add(
        f"Learner progress history created: {made['learners']} learners, "
        f"{made['progress']} block progress rows, {made['completions']} completions, "
        f"{made['enrolments']} route enrolments, {made['marks']} marked steps "
        f"over {DAYS} days"
    )


def demo_modules(environment):
    """``{"basic": [(page, required block ids)], "sgg": [...]}``: each module's pages as a
    learner goes through them (SGG: the module page, then its live parts), with the blocks
    the completion rules require of their live versions."""
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    references = References(request)
    found = {}
    basic = BasicModulePage.objects.live().descendant_of(environment).first()
    if basic is not None:
        found["basic"] = (basic, [basic])
    sgg = SpecialistModulePage.objects.live().descendant_of(environment).filter(slug="sgg").first()
    if sgg is not None:
        parts = list(ModulePartPage.objects.live().child_of(sgg).order_by("path").specific())
        if parts:
            found["sgg"] = (sgg, parts)
    return {
        key: (module, [(page, blocks_to_do(page, references)) for page in pages])
        for key, (module, pages) in found.items()
    }


def blocks_to_do(page, references):
    """The blocks of ``page`` the rules require, in the order of the page."""
    required = rules.required_block_ids(page, references)
    return [block for block in rules.body_blocks(page) if block.id in required]


class History:
    """The learners of one generated year, and their rows."""

    def __init__(self, rng, now, modules, routes):
        self.rng, self.now, self.modules, self.routes = rng, now, modules, routes
        today = timezone.localdate(now)
        self.days = [today - datetime.timedelta(days=DAYS - offset) for offset in range(DAYS)]
        self.weights = [
            activity(day, position / len(self.days)) for position, day in enumerate(self.days)
        ]
        self.progress, self.completions = [], []

    def make(self):
        learners, tokens = [], []
        for number in range(LEARNERS):
            start = self.moment(self.rng.choices(self.days, self.weights)[0])
            first = "basic" if self.rng.random() < BASIC_FIRST else "sgg"
            order = [first, "sgg" if first == "basic" else "basic"]
            order = [key for key in order if key in self.modules]
            if self.rng.random() >= BOTH:
                order = order[:1]
            learner = Learner(created_at=start)
            moment = last = start
            before = len(self.completions)
            for key in order:
                last = self.take(learner, key, moment)
                moment = last + datetime.timedelta(days=self.rng.randint(3, 60))
            completed = {row.page_id: row.completed_at for row in self.completions[before:]}
            self.routes.follow(learner, start, completed, both=len(order) > 1)
            learner.last_seen = timezone.localdate(min(last, self.now))
            learners.append(learner)
            tokens.append(LearnerToken(learner=learner, digest=marker(number), created_at=start))
        # Saved first, so the rows that point at a learner get its primary key.
        Learner.objects.bulk_create(learners)
        LearnerToken.objects.bulk_create(tokens)
        BlockProgress.objects.bulk_create(self.progress, batch_size=500)
        Completion.objects.bulk_create(self.completions, batch_size=500)
        return {
            "learners": len(learners),
            "progress": len(self.progress),
            "completions": len(self.completions),
            **self.routes.save(),
        }

    def moment(self, day):
        hour = self.rng.choice([8, 9, 10, 11, 13, 14, 15, 16, 19, 20, 21])
        return timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(hour, self.rng.randrange(60)))
        )

    def take(self, learner, key, moment):
        """One learner's way through one module from ``moment``; the moment they left."""
        module, pages = self.modules[key]
        if moment > self.now:
            return moment
        if key == "basic":
            page, blocks = pages[0]
            moment, _done = self.work(learner, module, page, blocks, moment, NEXT_BLOCK[key])
            return moment
        self.seen(learner, module, module, moment)  # the module's page with its parts
        chance = FIRST_PART
        completed = 0
        for index, (part, blocks) in enumerate(pages):
            if self.rng.random() >= chance:
                break
            if index:  # often another day
                moment += datetime.timedelta(
                    days=self.rng.choice([0, 0, 1, 2, 3, 7, 14]), minutes=self.rng.randint(1, 30)
                )
            moment, done = self.work(learner, module, part, blocks, moment, NEXT_BLOCK[key])
            if not done:
                break
            completed += 1
            chance = NEXT_PART[min(index, len(NEXT_PART) - 1)]
        if completed == len(pages):
            self.complete(learner, module, module, moment)
        return moment

    def work(self, learner, module, page, blocks, moment, next_block):
        """Do the blocks of ``page`` in order until the learner stops; (the moment after
        the last one, whether the page was completed)."""
        if moment > self.now:
            return moment, False
        self.seen(learner, page, module, moment)
        for block in blocks:
            moment += datetime.timedelta(minutes=self.rng.randint(1, 4))
            if moment > self.now or self.rng.random() >= next_block:
                if block.kind in (BlockKind.AUDIO, BlockKind.VIDEO) and self.rng.random() < 0.5:
                    self.row(learner, page, module, block, min(moment, self.now), done=False)
                return moment, False
            self.row(learner, page, module, block, moment, done=True)
        self.complete(learner, page, module, moment)
        return moment, True

    def seen(self, learner, page, module, moment):
        self.progress.append(
            BlockProgress(
                learner=learner,
                page_id=page.pk,
                module_id=module.pk,
                block_id="",
                kind=BlockKind.PAGE,
                completed_at=moment,
                updated_at=moment,
            )
        )

    def row(self, learner, page, module, block, moment, done):
        fields = {}
        if block.kind in (BlockKind.AUDIO, BlockKind.VIDEO):
            fields["played"] = 1.0 if done else round(self.rng.uniform(0.1, 0.8), 2)
        elif block.kind == BlockKind.EXERCISE:
            if block.exercise_kind == rules.ExerciseKind.REFLECTION:
                fields["text"] = self.rng.choice(REFLECTIONS)
            else:
                options = [option_id for option_id, _value in block.options()]
                count = 1 if block.exercise_kind in rules.ONE_OPTION else self.rng.randint(1, 2)
                chosen = set(self.rng.sample(options, min(count, len(options))))
                fields["answer"] = [option for option in options if option in chosen]
        self.progress.append(
            BlockProgress(
                learner=learner,
                page_id=page.pk,
                module_id=module.pk,
                block_id=block.id,
                kind=block.kind,
                completed_at=moment if done else None,
                updated_at=moment,
                **fields,
            )
        )

    def complete(self, learner, page, module, moment):
        self.completions.append(
            Completion(learner=learner, page_id=page.pk, module_id=module.pk, completed_at=moment)
        )
