"""Every change of a background task's state that django_tasks_db does not make itself.

The database backend runs a task once: if it raises, it is FAILED for good, and
if its worker dies, it is RUNNING for ever. Here a task that did not succeed
goes back to the queue with a growing delay until ``TASK_MAX_ATTEMPTS`` is
spent, whether it raised or its worker vanished. The worker
(``core.worker``) and the admin call these functions; nothing else writes
task rows after they are enqueued.

An attempt is a claim: django_tasks_db appends the worker's id to
``worker_ids`` each time a worker takes the task, so ``len(worker_ids)`` counts
the attempts, including the ones that ended with a dead worker.

Writes that end an attempt are conditional on the claim still being the one
the worker made (status RUNNING and the same ``started_at``). A worker that was
presumed dead and comes back cannot overwrite what another worker has done
with the task since.
"""
import datetime as dt
import logging
import os
import socket
from traceback import format_exception

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

# Heartbeats of workers gone this long are of no use to anyone.
FORGET_WORKERS_AFTER = dt.timedelta(days=1)


class WorkerLost(Exception):
    """The worker running the task stopped (killed, out of memory, host gone) before it finished."""


def max_attempts():
    return max(1, int(settings.TASK_MAX_ATTEMPTS))


def worker_timeout():
    """Seconds without a heartbeat after which a worker counts as dead."""
    return float(settings.TASK_WORKER_TIMEOUT)


def retry_delay(attempts):
    """Seconds to wait after the given number of failed attempts; the last delay repeats."""
    delays = settings.TASK_RETRY_DELAYS or [0]
    return float(delays[min(max(attempts, 1), len(delays)) - 1])


def attempts_of(db_result):
    return len(db_result.worker_ids or [])


def _this_claim(db_result):
    """The task's row, but only while it is still the claim this object holds."""
    return DBTaskResult.objects.filter(
        pk=db_result.pk, status=TaskResultStatus.RUNNING, started_at=db_result.started_at
    )


def _apply(db_result, fields):
    """Write ``fields`` if the claim still holds, mirror them on the object; True if written."""
    if not _this_claim(db_result).update(**fields):
        return False
    for name, value in fields.items():
        setattr(db_result, name, value)
    return True


def record_success(db_result, return_value):
    """End the attempt as SUCCESSFUL; False if another worker has taken the task over meanwhile."""
    return _apply(db_result, {
        "status": TaskResultStatus.SUCCESSFUL,
        "finished_at": timezone.now(),
        "return_value": return_value,
        "exception_class_path": "",
        "traceback": "",
    })


def _error_fields(exception_class_path, traceback_text):
    return {"exception_class_path": exception_class_path, "traceback": traceback_text}


def _end_failed_attempt(db_result, error_fields, now):
    """Queue the task again after its delay, or fail it for good when its attempts are spent.

    Returns the new status, or None when the claim was no longer this one.
    """
    attempts = attempts_of(db_result)
    if attempts >= max_attempts():
        fields = {"status": TaskResultStatus.FAILED, "finished_at": now, "return_value": None}
    else:
        fields = {
            "status": TaskResultStatus.READY,
            "run_after": now + dt.timedelta(seconds=retry_delay(attempts)),
        }
    if not _apply(db_result, {**fields, **error_fields}):
        return None
    return fields["status"]


def record_failure(db_result, error):
    """End the attempt that raised ``error``: READY again after a delay, or FAILED when spent.

    The traceback is kept either way, so staff see why a task is waiting or
    failed. Returns the new status, or None if another worker has taken the
    task over meanwhile (nothing is written then).
    """
    error_fields = _error_fields(
        f"{type(error).__module__}.{type(error).__qualname__}", "".join(format_exception(error))
    )
    return _end_failed_attempt(db_result, error_fields, timezone.now())


def _release(db_result, reason, now):
    lost = WorkerLost(reason)
    error_fields = _error_fields(
        f"{WorkerLost.__module__}.{WorkerLost.__qualname__}", f"{WorkerLost.__qualname__}: {lost}\n"
    )
    status = _end_failed_attempt(db_result, error_fields, now)
    if status is not None:
        logger.warning(
            "Task id=%s path=%s: %s; attempt %d of %d, now %s",
            db_result.pk, db_result.task_path, reason, attempts_of(db_result), max_attempts(), status,
        )
    return status


def release_orphaned_tasks(timeout=None, now=None):
    """Give back to the queue the RUNNING tasks whose worker has stopped beating; returns how many.

    A worker counts as gone when its heartbeat is older than ``timeout``
    seconds (``TASK_WORKER_TIMEOUT``), or when it has none and claimed the
    task longer ago than that (a worker without heartbeats, such as the stock
    ``db_worker``, is judged by its claim alone). The lost attempt counts, so
    a task that kills its worker every time ends FAILED instead of looping.

    Safe to run from every worker at once: each release is a conditional
    update, so only one of them wins a given task.
    """
    now = now or timezone.now()
    timeout = worker_timeout() if timeout is None else timeout
    cutoff = now - dt.timedelta(seconds=timeout)
    alive = set(WorkerHeartbeat.objects.filter(last_seen__gte=cutoff).values_list("worker_id", flat=True))
    released = 0
    for row in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        worker_id = row.worker_ids[-1] if row.worker_ids else "?"
        if worker_id in alive:
            continue
        if _release(row, f"worker {worker_id} stopped answering while running this task", now):
            released += 1
    WorkerHeartbeat.objects.filter(last_seen__lt=now - FORGET_WORKERS_AFTER).delete()
    return released


def release_tasks_of(worker_id, now=None):
    """Give back the RUNNING tasks claimed by ``worker_id``, which is running none of them.

    A worker calls this for itself when it starts (a previous process with the
    same ``--worker-id`` may have died mid-task) and after a database outage
    (the outcome of the task it was running could not be written). Its own
    heartbeat is fresh, so ``release_orphaned_tasks`` would never free them.
    """
    now = now or timezone.now()
    released = 0
    # worker_ids is JSON; SQLite cannot search inside it, and RUNNING rows are few.
    for row in DBTaskResult.objects.running():
        if row.worker_ids and row.worker_ids[-1] == worker_id and _release(
            row, f"worker {worker_id} lost track of this task (restart or database outage)", now
        ):
            released += 1
    return released


def retry_failed_tasks(queryset):
    """Queue failed tasks again with a fresh round of attempts, to run now; returns how many.

    Rows that are not FAILED are left alone: a task waiting or running is
    already being taken care of, and a successful one must not repeat its
    side effects. The last error stays visible until the task runs again.
    """
    return queryset.filter(status=TaskResultStatus.FAILED).update(
        status=TaskResultStatus.READY,
        worker_ids=[],
        run_after=timezone.now(),
        started_at=None,
        finished_at=None,
    )


def beat(worker_id, started_at):
    """Record that the worker is alive now (creating its row on the first beat)."""
    now = timezone.now()
    if WorkerHeartbeat.objects.filter(worker_id=worker_id).update(last_seen=now):
        return
    with transaction.atomic():
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={
                "hostname": socket.gethostname()[:255],
                "pid": os.getpid(),
                "started_at": started_at,
                "last_seen": now,
            },
        )


def forget_worker(worker_id):
    """Remove a worker's heartbeat when it stops on purpose; anything it still held becomes free."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
