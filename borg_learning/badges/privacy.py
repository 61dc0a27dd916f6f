"""The learner's badges in the export of everything kept about them (deleted with the
learner: the rows cascade)."""

from borg_learning.badges.models import BadgeAward
from borg_learning.learners.models import Learner


def exported(learner: Learner) -> dict:
    return {
        "badge_awards": [
            {
                "award": str(award.uuid),
                "badge": str(award.badge_id),
                "name": award.name,
                "description": award.description,
                "criterion": award.criterion,
                "awarded_at": award.awarded_at,
            }
            for award in BadgeAward.objects.filter(learner=learner).order_by("awarded_at", "pk")
        ]
    }
