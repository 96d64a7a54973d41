"""Print a new staff API token; the token alone is on the last line, for scripts."""
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from trainingcenter.center.services import TokenError, create_api_token


class Command(BaseCommand):
    help = "Create a bearer token for the JSON API for a staff user and print it (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="A label to recognise the token by, e.g. 'benchmark'.")

    def handle(self, *args, username, name, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        try:
            raw = create_api_token(user, name=name)
        except TokenError as error:
            raise CommandError(f"{username}: {error.message}") from None
        self.stdout.write(f"API token for {username} (shown only once; send as 'Authorization: Bearer <token>'):")
        self.stdout.write(raw)
