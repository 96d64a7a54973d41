"""Run the background task worker that retries, survives database outages and rescues orphans.

Use this instead of django_tasks_db's ``db_worker``; it takes the same options
(it is that command with ``core.worker.TaskWorker`` in place of the stock
worker). Run as many as you like, on as many hosts: each needs a unique
``--worker-id``, which the default (random) gives.
"""
import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from trainingcenter.core.worker import TaskWorker


class Command(DbWorkerCommand):
    help = (
        "Run the background task worker: failed tasks are retried with backoff, tasks of dead "
        "workers are picked up again, and a database outage is waited out."
    )

    def handle(
        self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload,
        max_tasks, worker_id, exclude_queues, **options,
    ):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")

        worker = TaskWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            # Only the reloader's child runs tasks, so only it may own the signals.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
