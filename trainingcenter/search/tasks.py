"""The index's safety net: a nightly rebuild, whatever the receivers may have missed.

Receivers keep the index current as things are saved; what changes without a
save (a post whose publish date comes, a registration that adds a country
group, data loaded with the receivers paused or by SQL) is caught here. The
task schedules its own next run, as the registrations' housekeeping does;
``manage.py rebuild_search_index --schedule`` starts the chain, and running it
again never makes a second one.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from . import services

PERIOD = dt.timedelta(hours=24)


def _pending():
    return DBTaskResult.objects.filter(task_path=refresh_search_index.module_path, status="READY")


def schedule_refresh(run_after=None):
    """Enqueue the nightly rebuild unless one is already waiting; True if enqueued."""
    with transaction.atomic():
        if _pending().exists():
            return False
        (refresh_search_index.using(run_after=run_after) if run_after else refresh_search_index).enqueue()
    return True


@task()
def refresh_search_index():
    try:
        return services.rebuild()
    finally:
        schedule_refresh(run_after=timezone.now() + PERIOD)
