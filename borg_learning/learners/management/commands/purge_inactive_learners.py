"""Delete anonymous learners not seen for LEARNER_RETENTION_DAYS, and expired transfer codes.

Run it daily (cron, a systemd timer, a scheduled task). Learners of signed-in users are
kept: they go with the user's account.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from borg_learning.conf import learning_settings
from borg_learning.learners import conf  # noqa: F401  (registers LEARNER_RETENTION_DAYS)
from borg_learning.learners.models import Learner, TransferCode

BATCH = 1000


class Command(BaseCommand):
    help = (
        "Delete anonymous learners (with all their progress) not seen for "
        "BORG_LEARNING['LEARNER_RETENTION_DAYS'] days, and expired transfer codes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only say how many would be deleted.",
        )
        parser.add_argument(
            "--days",
            type=int,
            help="Days without a visit before a learner is deleted (default: the setting).",
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        days = learning_settings.LEARNER_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        learners = Learner.objects.filter(user__isnull=True, last_seen__lt=cutoff)
        codes = TransferCode.objects.filter(expires_at__lte=timezone.now())
        if dry_run:
            self.stdout.write(
                f"Would delete {learners.count()} anonymous learners not seen since "
                f"{cutoff.isoformat()}, and {codes.count()} expired transfer codes (dry run)."
            )
            return
        count = 0
        while True:  # in batches, so a large backlog never holds one long transaction
            batch = list(learners.values_list("pk", flat=True)[:BATCH])
            if not batch:
                break
            with transaction.atomic():
                Learner.objects.filter(pk__in=batch).delete()
            count += len(batch)
        expired, _ = codes.delete()
        self.stdout.write(
            f"Deleted {count} anonymous learners not seen since {cutoff.isoformat()}, "
            f"and {expired} expired transfer codes."
        )
