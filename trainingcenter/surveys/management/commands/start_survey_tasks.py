"""Start the surveys' periodic round (invitations when programs end, reminders); safe to run at every start.

A command of its own rather than a part of ``start_periodic_tasks``: that one
lives in the registrations app, which may not import surveys (the layers in
pyproject.toml); ``bin/serve`` runs both.
"""
from django.core.management.base import BaseCommand

from trainingcenter.surveys.tasks import schedule_periodic


class Command(BaseCommand):
    help = "Enqueue the surveys' periodic task (invitations, reminders) unless one is already pending."

    def handle(self, *args, **options):
        if schedule_periodic():
            self.stdout.write("Survey task enqueued.")
        else:
            self.stdout.write("Survey task already pending.")
