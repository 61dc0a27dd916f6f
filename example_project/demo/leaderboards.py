"""The demo's leaderboards: three Borg institutions and fourteen generated learners who
joined, so the weekly board and the organisations' totals show something.

The learners are those of the generated progress (``progress``) with the most points this
week; their pseudonyms are drawn from the word list by a seeded random generator. De Borg
Noord and De Borg Zuid have five members each (their totals show), De Borg Oost three (too
few: its total stays hidden), and one member chose the overall board only. Made once.
"""

import random

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from borg_learning.leaderboards import pseudonyms
from borg_learning.leaderboards.boards import Week
from borg_learning.leaderboards.models import LeaderboardMembership, Organisation
from borg_learning.learners.models import Learner

from .progress import MARKER

SEED = "borg-leeromgeving-ranglijst"
ORGANISATIONS = [
    ("De Borg Noord", "de-borg-noord"),
    ("De Borg Zuid", "de-borg-zuid"),
    ("De Borg Oost", "de-borg-oost"),
]
#: Members per organisation slug (None: the overall board only), in order of joining.
SPREAD = ["de-borg-noord"] * 5 + ["de-borg-zuid"] * 5 + ["de-borg-oost"] * 3 + [None]


def load(report):
    organisations = ensure_organisations(report)
    generated = Learner.objects.filter(tokens__digest__startswith=MARKER).distinct()
    if LeaderboardMembership.objects.filter(learner__in=generated).exists():
        report.add("Leaderboard members exist, left as they are")
        return
    start, end = Week.of(timezone.localdate()).bounds()
    this_week = Q(points_awards__awarded_at__gte=start, points_awards__awarded_at__lt=end)
    learners = generated.annotate(
        week_points=Coalesce(Sum("points_awards__points", filter=this_week), 0)
    ).order_by("-week_points", "pk")[: len(SPREAD)]
    rng = random.Random(SEED)
    taken = set(LeaderboardMembership.objects.values_list("pseudonym", flat=True))
    members = []
    for learner, slug in zip(learners, SPREAD, strict=False):
        name = drawn(rng, taken)
        taken.add(name)
        members.append(
            LeaderboardMembership(
                learner=learner, pseudonym=name, organisation=organisations.get(slug)
            )
        )
    LeaderboardMembership.objects.bulk_create(members)
    report.add(f"Leaderboard members created: {len(members)}")


def ensure_organisations(report):
    """The organisations by slug, made when missing."""
    found, created = {}, 0
    for name, slug in ORGANISATIONS:
        found[slug], made = Organisation.objects.get_or_create(slug=slug, defaults={"name": name})
        created += made
    report.count("Organisations", created, len(found) - created)
    return found


def drawn(rng, taken):
    while True:
        name = f"{rng.choice(pseudonyms.ADJECTIVES)} {rng.choice(pseudonyms.NAMES)}"
        if name not in taken:
            return name
