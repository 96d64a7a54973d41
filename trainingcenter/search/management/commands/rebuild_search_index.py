"""Write the search index again from the data (after loading data by hand, or to be sure)."""
from django.core.management.base import BaseCommand
from django.utils import timezone

from trainingcenter.search import services
from trainingcenter.search.documents import KINDS
from trainingcenter.search.tasks import PERIOD, schedule_refresh


class Command(BaseCommand):
    help = "Rebuild the search index from programs, sessions, takeaways, people and news."

    def add_arguments(self, parser):
        parser.add_argument("--kind", action="append", choices=sorted(KINDS), help="Only this kind (repeatable).")
        parser.add_argument(
            "--schedule", action="store_true",
            help="Also start the nightly rebuild by the task worker (safe to repeat: never two chains).",
        )

    def handle(self, *args, **options):
        counts = services.rebuild(options["kind"])
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count} entries")
        if options["schedule"]:
            started = schedule_refresh(run_after=timezone.now() + PERIOD)
            self.stdout.write("nightly rebuild scheduled" if started else "nightly rebuild already scheduled")
