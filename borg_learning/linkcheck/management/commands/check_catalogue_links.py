"""Check the links of the active catalogue offers and store what their sites answer.

Run it from cron, e.g. every Monday night:
``15 3 * * 1  cd /srv/site && python manage.py check_catalogue_links --quiet``
"""

import datetime
from collections import Counter

from django.core.management.base import BaseCommand
from django.utils import timezone

from borg_learning.linkcheck import links
from borg_learning.linkcheck.checking import check_all
from borg_learning.linkcheck.models import CheckedLink, LinkState


class Command(BaseCommand):
    help = (
        "Check the link of every active catalogue offer and of its chapters (HEAD, else "
        "GET; redirects followed), politely per host, and store status, final address and "
        "date for the report 'Offers with broken links'."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--offering",
            type=int,
            action="append",
            metavar="ID",
            help="Check only this offer's links (may be given more than once).",
        )
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="DAYS",
            help="Check only links not checked automatically in the last DAYS days.",
        )
        parser.add_argument(
            "--quiet", action="store_true", help="Print nothing unless a link is broken."
        )

    def handle(self, *args, offering=None, older_than=None, quiet=False, **options):
        links.sync_all()
        to_check = CheckedLink.objects.filter(offering__active=True).order_by("pk")
        if offering:
            to_check = to_check.filter(offering__in=offering)
        if older_than is not None:
            since = timezone.now() - datetime.timedelta(days=older_than)
            to_check = to_check.exclude(checked_at__gte=since)
        rows = list(to_check)
        by_url = {}
        for row in rows:
            by_url.setdefault(row.url, []).append(row)
        counts = Counter()
        for answer in check_all(by_url):
            for row in by_url[answer.url]:
                if not links.record(row, answer, timezone.now()):
                    continue  # an editor changed the link during the run
                counts[row.state] += 1
                if row.state == LinkState.BROKEN:
                    self.stderr.write(f"Broken: {row.url} ({row.detail})")
        if not quiet or counts[LinkState.BROKEN]:
            self.stdout.write(
                f"Checked {sum(counts.values())} links: {counts[LinkState.OK]} work, "
                f"{counts[LinkState.REDIRECTED]} redirected, {counts[LinkState.BROKEN]} broken."
            )
