"""Start the news app's periodic round (forgetting unconfirmed subscribers); safe to run at every start.

A command of its own, like ``start_survey_tasks``: ``start_periodic_tasks``
lives in the registrations app, which may not import news (the layers).
"""
from django.core.management.base import BaseCommand

from trainingcenter.news.tasks import schedule_periodic


class Command(BaseCommand):
    help = "Enqueue the news app's periodic task (forget unconfirmed subscribers) unless one is already pending."

    def handle(self, *args, **options):
        if schedule_periodic():
            self.stdout.write("News task enqueued.")
        else:
            self.stdout.write("News task already pending.")
