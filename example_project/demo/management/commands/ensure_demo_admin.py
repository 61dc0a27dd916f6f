from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

USERNAME = "admin"
PASSWORD = "borgdemo"


class Command(BaseCommand):
    help = "Make sure the demo admin user exists (Dutch admin) and print how to log in."

    def handle(self, *args, **options):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={"email": "admin@example.com", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        profile = UserProfile.get_for_user(user)
        if not profile.preferred_language:
            profile.preferred_language = "nl"
            profile.save()
        state = "created" if created else "exists"
        self.stdout.write(f"Admin user {state}: log in as {USERNAME} / {PASSWORD}")
