from django.core.management.base import BaseCommand
from django.db import transaction

from demo import content


class Command(BaseCommand):
    help = "Load the demo learning environment. Safe to run again: it changes nothing twice."

    def handle(self, *args, **options):
        with transaction.atomic():
            report = content.load()
        for line in report:
            self.stdout.write(line)
