"""Background tasks of the news app; thin, so that running one twice is harmless.

The periodic chain (``schedule_periodic`` / ``periodic_housekeeping``) forgets
newsletter addresses that were never confirmed. It is the news app's own chain
(the registrations chain may not import news: the layers), started by
``manage.py start_news_tasks``, which is safe to run at every start.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from . import newsletter

PERIOD = dt.timedelta(hours=1)


def _pending_periodic():
    return DBTaskResult.objects.filter(task_path=periodic_housekeeping.module_path, status="READY")


def schedule_periodic(run_after=None):
    """Enqueue the periodic task unless a run is already waiting; True if enqueued."""
    with transaction.atomic():
        if _pending_periodic().exists():
            return False
        task_ = periodic_housekeeping.using(run_after=run_after) if run_after else periodic_housekeeping
        task_.enqueue()
    return True


@task()
def periodic_housekeeping():
    """Hourly: forget unconfirmed newsletter addresses past their time, then schedule the next run."""
    forgotten = 0
    try:
        forgotten = newsletter.forget_unconfirmed()
    finally:
        schedule_periodic(run_after=timezone.now() + PERIOD)
    return {"unconfirmed_forgotten": forgotten}


@task()
def list_issue_recipients(issue_id, after_pk):
    """One chunk of an issue's recipients (see ``news.issues``); safe to run twice."""
    from . import issues  # noqa: PLC0415 - issues enqueues this task: the cycle closes at call time

    last = issues.list_recipients(issue_id, after_pk)
    return {"last_subscriber": last}
