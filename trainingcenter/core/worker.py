"""The task worker that loses no work: retries, heartbeats, and patience with the database.

django_tasks_db's stock ``Worker`` runs each task once, cannot tell that a
fellow worker has died, and stops on the first database error. ``TaskWorker``
keeps its way of claiming tasks and adds:

- a task that raises is queued again with a growing delay until
  ``TASK_MAX_ATTEMPTS`` is spent (``services.record_failure``);
- a daemon thread writes a heartbeat every ``TASK_HEARTBEAT_INTERVAL`` seconds
  on its own connection, so a long task does not look like a dead worker;
- every worker regularly frees the tasks of workers whose heartbeat is older
  than ``TASK_WORKER_TIMEOUT`` (``services.release_orphaned_tasks``);
- a database that is briefly gone (PostgreSQL restarting, SQLite locked or its
  disk full) makes the worker wait and retry, 1 s doubling to 30 s, instead of
  exiting; the task it was running when the database went away is given back
  once the database answers again.

A task may therefore run more than once (a retry after a failure that came
after its side effect, a worker presumed dead that was only slow): the service
it calls must make a second run harmless.
"""
import datetime as dt
import logging
import random
import threading
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError, close_old_connections, connection, connections
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from . import services

logger = logging.getLogger(__name__)

# What a database that has gone away raises; anything else is a bug, not an outage.
DATABASE_ERRORS = (OperationalError, InterfaceError)


def close_connections_quietly():
    """Drop this thread's database connections, ignoring errors from ones already broken."""
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except DATABASE_ERRORS:
            conn.connection = None


class DatabaseOutage:
    """Backoff and logging for the time the database does not answer.

    Logs once when the outage begins and once when it ends, so a database
    down for ten minutes leaves two lines, not six hundred.
    """

    def __init__(self, first_delay=1.0, max_delay=30.0, who="task worker"):
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.who = who
        self.active = False
        self._delay = first_delay
        self._began = 0.0

    def failed(self, error, sleep=time.sleep):
        """Note another failed attempt, drop the broken connections, and wait before the next one."""
        if not self.active:
            self.active = True
            self._began = time.monotonic()
            self._delay = self.first_delay
            logger.warning("Database unavailable to the %s (%s: %s); retrying", self.who, type(error).__name__, error)
        close_connections_quietly()
        sleep(self._delay)
        self._delay = min(self._delay * 2, self.max_delay)

    def recovered(self):
        """Close the outage, if there was one; True if there was."""
        if not self.active:
            return False
        self.active = False
        logger.warning("Database reachable again for the %s after %.0f s", self.who, time.monotonic() - self._began)
        return True


class Heartbeat:
    """A daemon thread that tells the other workers this one is alive.

    It has its own database connection (Django's connections are per thread),
    so a task that runs for an hour, or holds the main connection in a long
    transaction, does not stop the beats. When the database is down the
    beats fail quietly and resume by themselves.
    """

    def __init__(self, worker_id, interval):
        self.worker_id = worker_id
        self.interval = interval
        self.started_at = timezone.now()
        self._stop = threading.Event()
        self._thread = None
        self._outage = DatabaseOutage(who="heartbeat")

    def start(self):
        if not self.interval:
            return
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{self.worker_id}", daemon=True)
        self._thread.start()

    def stop(self, timeout=5.0):
        """Stop beating (the thread removes the row); a thread stuck on the database dies with the process."""
        if self._thread is None:
            return
        self._stop.set()
        self._thread.join(timeout)
        self._thread = None

    def _run(self):
        try:
            while not self._stop.is_set():
                try:
                    services.beat(self.worker_id, self.started_at)
                    self._outage.recovered()
                except DATABASE_ERRORS as error:
                    # Wait the heartbeat's own interval, not the outage backoff:
                    # beats must resume as soon as the database is back.
                    self._outage.failed(error, sleep=lambda _seconds: None)
                self._stop.wait(self.interval)
            try:
                services.forget_worker(self.worker_id)
            except DATABASE_ERRORS:
                logger.info("Could not remove the heartbeat of worker %s; it will go stale", self.worker_id)
        finally:
            close_connections_quietly()


class TaskWorker(Worker):
    """django_tasks_db's worker with retries, heartbeats, orphan rescue and outage tolerance.

    Keyword arguments are those of the stock worker (all optional here), plus
    ``heartbeat_interval`` and ``worker_timeout`` in seconds (default: the
    settings; a heartbeat interval of 0 starts no thread, for tests that run
    the worker inside a transaction) and ``outage_backoff``, the first and the
    longest wait while the database is away.
    """

    def __init__(
        self,
        *,
        worker_id,
        queue_names=("default",),
        interval=1.0,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        excluded_queue_names=(),
        heartbeat_interval=None,
        worker_timeout=None,
        outage_backoff=(1.0, 30.0),
    ):
        super().__init__(
            queue_names=list(queue_names),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=list(excluded_queue_names),
        )
        if heartbeat_interval is None:
            heartbeat_interval = settings.TASK_HEARTBEAT_INTERVAL
        self.worker_timeout = services.worker_timeout() if worker_timeout is None else worker_timeout
        if heartbeat_interval and heartbeat_interval * 3 > self.worker_timeout:
            logger.warning(
                "Heartbeat every %s s with a timeout of %s s: one slow beat and a live worker "
                "counts as dead and its task runs twice", heartbeat_interval, self.worker_timeout,
            )
        # A quarter of the timeout: a dead worker's task waits at most 1.25 timeouts,
        # and the scan of running tasks stays rare.
        self.rescue_interval = max(self.worker_timeout / 4, 0.05)
        self.heartbeat = Heartbeat(worker_id, heartbeat_interval)
        self.outage = DatabaseOutage(*outage_backoff)
        self._next_rescue = 0.0
        # The first pass frees what a previous process with this id left running.
        self._own_tasks_unknown = True

    def run(self):
        logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        self.heartbeat.start()
        try:
            if self.startup_delay and self.interval:
                # Workers started together would otherwise all poll in step.
                time.sleep(random.random())
            while self.running:
                try:
                    if self._run_once():
                        return
                except DATABASE_ERRORS as error:
                    self.outage.failed(error)
                    self._own_tasks_unknown = True
        finally:
            self.heartbeat.stop()

    def _run_once(self):
        """One pass of the loop: housekeeping, then at most one task. True when the worker should stop."""
        self._close_old_connections()
        if self._own_tasks_unknown:
            services.release_tasks_of(self.worker_id)
            self._own_tasks_unknown = False
        self.outage.recovered()
        if time.monotonic() >= self._next_rescue:
            services.release_orphaned_tasks(self.worker_timeout)
            self._next_rescue = time.monotonic() + self.rescue_interval

        task_result, retrieved = self._claim_next()
        if task_result is not None:
            self.run_task(task_result)

        if self.batch and retrieved and task_result is None:
            logger.info("No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id)
            return True
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            logger.info("Ran the maximum of %d tasks on worker_id=%s - exiting gracefully.",
                        self._run_tasks, self.worker_id)
            return True
        self._close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
        return False

    def _close_old_connections(self):
        # Closing the connection inside an atomic block would end the caller's
        # transaction; only tests run the worker inside one.
        if not connection.in_atomic_block:
            close_old_connections()

    def _claim_next(self):
        """Claim the next due task; returns (task or None, whether the queue could be read)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as error:
            # Another process holds SQLite's write lock: not an outage, just try again.
            if is_locked_database_exception(error):
                return None, False
            raise
        return task_result, True

    def run_task(self, db_task_result):
        """Run one claimed task and end its attempt: SUCCESSFUL, READY for a retry, or FAILED.

        Database errors while writing the outcome propagate to ``run``, which
        waits for the database and then gives the task back.
        """
        self.running_task = True
        try:
            try:
                task = db_task_result.task
                backend_type = type(task.get_backend())
                task_result = db_task_result.task_result
                task_started.send(sender=backend_type, task_result=task_result)
                if task.takes_context:
                    return_value = task.call(
                        TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs
                    )
                else:
                    return_value = task.call(*task_result.args, **task_result.kwargs)
                # Inside the try, so a return value that cannot be stored (not
                # JSON) counts as a failure rather than escaping the worker.
                recorded = services.record_success(db_task_result, return_value)
            except BaseException as error:
                status = services.record_failure(db_task_result, error)
                self._report_failure(db_task_result, error, status)
                if isinstance(error, KeyboardInterrupt | SystemExit):
                    # A forced shutdown: the task is back in the queue; now let the process end.
                    raise
            else:
                if recorded:
                    task_finished.send(sender=backend_type, task_result=db_task_result.task_result)
                else:
                    self._report_taken_over(db_task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _report_failure(self, db_task_result, error, status):
        attempts = services.attempts_of(db_task_result)
        if status is None:
            self._report_taken_over(db_task_result)
        elif status == TaskResultStatus.READY:
            wait = (db_task_result.run_after - timezone.now()) / dt.timedelta(seconds=1)
            logger.warning(
                "Task id=%s path=%s failed (%s: %s), attempt %d of %d; retrying in %.0f s",
                db_task_result.pk, db_task_result.task_path, type(error).__name__, error,
                attempts, services.max_attempts(), max(wait, 0),
            )
        else:
            try:
                sender = type(db_task_result.task.get_backend())
                task_result = db_task_result.task_result
            except (ImportError, SuspiciousOperation):
                logger.exception("Task id=%s failed for good after %d attempts", db_task_result.pk, attempts)
            else:
                # Sent from inside the except block so the receivers' logger.exception sees the error.
                task_finished.send(sender=sender, task_result=task_result)

    def _report_taken_over(self, db_task_result):
        logger.warning(
            "Task id=%s path=%s: outcome discarded, another worker took the task over "
            "(this one was presumed dead)", db_task_result.pk, db_task_result.task_path,
        )
