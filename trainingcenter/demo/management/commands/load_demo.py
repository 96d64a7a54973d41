"""``manage.py load_demo [--if-empty]``: the centre's real programs plus one example."""
from django.core.management.base import BaseCommand

from trainingcenter.demo.services import demo_needed, load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content: the centre, its partners, the ECO country group, the 2nd, 5th and 6th "
        "programs from the centre's reports and one example program open for registration. "
        "Safe to run again: it updates in place and never duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true",
            help="Do nothing if the database already holds any program.",
        )

    def handle(self, *args, if_empty=False, **options):
        if if_empty and not demo_needed():
            self.stdout.write("Demo content skipped: the database already has programs (--if-empty).")
            return
        result = load_demo_content()
        self.stdout.write(self.style.SUCCESS(
            f"Demo content loaded: {len(result.programs)} programs ({', '.join(result.programs)}), "
            f"{result.people} people, {result.registrations} new example registrations."
        ))
        for user in result.users:
            if user.password:
                self.stdout.write(
                    f"Created user '{user.username}' with password: {user.password}\n"
                    "  (shown only this once; change it after logging in)"
                )
            else:
                self.stdout.write(f"User '{user.username}' already exists; its password was left unchanged.")
