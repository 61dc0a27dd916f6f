"""The demo learners' points, learning days and freeze days, made from their generated
year of progress (``progress``), so points, levels and streaks show something real.

Every completion of a part, module or microlesson and every completed route pays as the
points rules say, at the moment it was completed; the days on which a learner answered an
exercise or completed something are their learning days. Some learners planned a freeze
day in a gap of one day (at most the month's allowance), and the streaks that reach a
milestone pay it on that day. Drawn from a seeded random generator; made once: while a
generated learner has an award, nothing is added.
"""

import datetime
import random
from collections import defaultdict

from django.apps import apps
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.gamification import points
from borg_learning.gamification.models import (
    LearningDay,
    PointsAward,
    PointsRules,
    Rule,
    StreakFreeze,
)
from borg_learning.gamification.streaks import ONE_DAY
from borg_learning.learners.models import BlockKind, BlockProgress, Completion, Learner

from .progress import MARKER

SEED = "borg-leeromgeving-punten"
#: The chance a learner planned a freeze day in a gap of one day between learning days.
FREEZE = 0.4
#: When a milestone is paid on the day it was reached.
EVENING = datetime.time(20)


def ensure_history(report):
    """The generated learners' points and streaks, made once."""
    learners = Learner.objects.filter(tokens__digest__startswith=MARKER).distinct()
    if PointsAward.objects.filter(learner__in=learners).exists():
        report.add("Points and streak history exists, left as it is")
        return
    made = History(random.Random(SEED), PointsRules.current(), learners).make()
    report.add(
        f"Points and streak history created: {made['awards']} awards, "
        f"{made['days']} learning days, {made['freezes']} freeze days"
    )


class History:
    def __init__(self, rng, rules, learners):
        self.rng, self.rules = rng, rules
        self.learners = {learner.pk: learner for learner in learners}
        self.awards, self.days, self.freezes = [], defaultdict(set), []

    def make(self):
        self.completions()
        self.routes()
        self.answers()
        for learner_id, learned in self.days.items():
            self.streaks(learner_id, learned)
        PointsAward.objects.bulk_create(self.awards, ignore_conflicts=True)
        LearningDay.objects.bulk_create(
            LearningDay(learner_id=learner_id, date=day)
            for learner_id, learned in self.days.items()
            for day in sorted(learned)
        )
        StreakFreeze.objects.bulk_create(self.freezes)
        return {
            "awards": len(self.awards),
            "days": sum(len(learned) for learned in self.days.values()),
            "freezes": len(self.freezes),
        }

    def pay(self, learner_id, rule, subject, moment):
        paid = self.rules.points_for(rule)
        if paid:
            self.awards.append(
                PointsAward(
                    learner_id=learner_id,
                    rule=rule,
                    subject=subject,
                    points=paid,
                    awarded_at=moment,
                )
            )

    def completions(self):
        for done in Completion.objects.filter(learner_id__in=self.learners):
            if done.module_id is None:
                rule = Rule.MICROLESSON_COMPLETED
            elif done.page_id == done.module_id:
                rule = Rule.MODULE_COMPLETED
            else:
                rule = Rule.PART_COMPLETED
            self.pay(done.learner_id, rule, points.page_subject(done.page_id), done.completed_at)
            self.days[done.learner_id].add(timezone.localdate(done.completed_at))

    def routes(self):
        if not apps.is_installed("borg_learning.routes"):
            return
        from borg_learning.routes.models import RouteEnrolment

        for enrolment in RouteEnrolment.objects.filter(
            learner_id__in=self.learners, completed_at__isnull=False
        ):
            self.pay(
                enrolment.learner_id,
                Rule.ROUTE_COMPLETED,
                points.route_subject(enrolment.route_id),
                enrolment.completed_at,
            )

    def answers(self):
        answered = BlockProgress.objects.filter(
            learner_id__in=self.learners, kind=BlockKind.EXERCISE, completed_at__isnull=False
        ).values_list("learner_id", "completed_at")
        for learner_id, moment in answered:
            self.days[learner_id].add(timezone.localdate(moment))

    def streaks(self, learner_id, learned):
        """Freeze days in some one-day gaps, and the milestones the streaks reached."""
        frozen, per_month = set(), defaultdict(int)
        for day in sorted(learned):
            gap = day - 2 * ONE_DAY
            month = (gap.year, gap.month)
            if (
                gap in learned
                and day - ONE_DAY not in learned
                and per_month[month] < learning_settings.STREAK_FREEZES_PER_MONTH
                and self.rng.random() < FREEZE
            ):
                frozen.add(day - ONE_DAY)
                per_month[month] += 1
        self.freezes += [StreakFreeze(learner_id=learner_id, date=day) for day in sorted(frozen)]
        length, previous, reached = 0, None, set()
        for day in sorted(learned | frozen):
            length = length if previous is not None and day - previous == ONE_DAY else 0
            length += day in learned
            previous = day
            for milestone in learning_settings.STREAK_MILESTONES:
                if length >= milestone and milestone not in reached:
                    reached.add(milestone)
                    moment = timezone.make_aware(datetime.datetime.combine(day, EVENING))
                    subject = points.streak_subject(milestone)
                    self.pay(learner_id, Rule.STREAK_MILESTONE, subject, moment)
