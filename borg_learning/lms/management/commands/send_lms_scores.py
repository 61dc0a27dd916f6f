"""Send the scores for the LMSs that are due; run it every minute (cron, a systemd timer)."""

from django.core.management.base import BaseCommand

from borg_learning.lms import grading


class Command(BaseCommand):
    help = "Send the scores waiting for the learning systems (LTI Assignment and Grade Services)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=grading.BATCH, help="Scores to send at most."
        )

    def handle(self, *args, limit, **options):
        sent, failed = grading.send_due(limit)
        self.stdout.write(f"{sent} sent, {failed} failed (tried again later or marked failed).")
