"""A new key pair for the LTI tool; the previous key stays published until the next rotation."""

from django.core.management.base import BaseCommand

from borg_learning.lms import keys


class Command(BaseCommand):
    help = "Make a new signing key for the LTI tool (the previous one stays in the JWK set)."

    def handle(self, *args, **options):
        key = keys.rotate()
        self.stdout.write(f"New key {key.kid} signs from now on.")
