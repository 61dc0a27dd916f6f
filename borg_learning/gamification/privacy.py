"""The learner's points, learning days and freeze days in the export of everything kept
about them (deleted with the learner: the rows cascade)."""

from borg_learning.gamification.models import LearningDay, PointsAward, StreakFreeze
from borg_learning.learners.models import Learner


def exported(learner: Learner) -> dict:
    return {
        "points_awards": [
            {
                "rule": award.rule,
                "subject": award.subject,
                "points": award.points,
                "awarded_at": award.awarded_at,
            }
            for award in PointsAward.objects.filter(learner=learner).order_by("awarded_at", "pk")
        ],
        "learning_days": list(
            LearningDay.objects.filter(learner=learner)
            .order_by("date")
            .values_list("date", flat=True)
        ),
        "streak_freezes": list(
            StreakFreeze.objects.filter(learner=learner)
            .order_by("date")
            .values_list("date", flat=True)
        ),
    }
