"""Re-apply the staff roles' permission sets (safe to run any number of times)."""
from django.core.management.base import BaseCommand

from trainingcenter.center.roles import sync_role_permissions


class Command(BaseCommand):
    help = "Create the staff role groups and give each exactly its permission set."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias to use.")

    def handle(self, *args, database, **options):
        missing_by_role = sync_role_permissions(using=database)
        for group_name, missing in missing_by_role.items():
            if missing:
                self.stderr.write(
                    self.style.WARNING(f"{group_name}: no such permission: {', '.join(sorted(missing))}")
                )
            self.stdout.write(f"{group_name}: up to date")
