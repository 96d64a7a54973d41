"""Start the chain of periodic background work (reminders); safe to run at every start."""
from django.core.management.base import BaseCommand

from trainingcenter.registrations.tasks import schedule_periodic


class Command(BaseCommand):
    help = "Enqueue the periodic task (reminders, stuck mail) unless one is already pending."

    def handle(self, *args, **options):
        if schedule_periodic():
            self.stdout.write("Periodic task enqueued.")
        else:
            self.stdout.write("Periodic task already pending.")
