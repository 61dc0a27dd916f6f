"""Send the xAPI statements for the LRSs that are due; run it every minute (cron, a
systemd timer)."""

from django.core.management.base import BaseCommand

from borg_learning.lms import lrs


class Command(BaseCommand):
    help = "Send the xAPI statements waiting for the institutions' learning record stores."

    def add_arguments(self, parser):
        parser.add_argument(
            "--limit", type=int, default=lrs.BATCH, help="Statements to send at most."
        )

    def handle(self, *args, limit, **options):
        sent, failed = lrs.send_due(limit)
        forgotten = lrs.forget_sent()
        self.stdout.write(
            f"{sent} sent, {failed} failed (tried again later or marked failed); "
            f"{forgotten} sent earlier forgotten."
        )
