"""Run queued background tasks inside a test, the way the worker does.

``run_tasks()`` drains the queue; ``TaskRunner`` also shows what is queued or
delayed and can bring delayed tasks forward, so a test can check a retry's
delay and then let it run without waiting.
"""
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_db.utils import exclusive_transaction

from trainingcenter.core.worker import TaskWorker


def worker_for_tests(worker_id):
    """The platform's worker (retries and all), without the heartbeat thread a test transaction would block."""
    return TaskWorker(worker_id=worker_id, queue_names=["*"], interval=0, batch=True, heartbeat_interval=0)


def run_tasks(limit=500):
    """Run every task that is due in the database queue, as the worker would; returns how many ran.

    Tasks enqueued while running (e.g. a promotion's e-mail) run too, if due.
    This calls the worker's own ``run_task`` instead of ``run_worker --batch``
    because that command closes the database connection between tasks, which
    would end a test's transaction. A task that raises is put back for a later
    retry, as in production, and so is not run again here.
    """
    worker = worker_for_tests("test-worker")
    ran = 0
    while ran < limit:
        with exclusive_transaction():
            result = DBTaskResult.objects.ready().get_locked()
            if result is None:
                break
            result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran


def _task_name(db_result):
    return db_result.task_path.rsplit(".", 1)[-1]


class TaskRunner:
    """Runs queued tasks the way the database worker does, without its sleeping loop.

    ``run_due()`` runs what the worker would run now; ``bring_forward()`` makes
    delayed tasks due, so a test can check a retry's delay and then let it run
    without waiting for it.
    """

    def __init__(self):
        self.worker = worker_for_tests("meetings-tests")

    def queued(self, name=None):
        rows = DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")
        return [row for row in rows if name is None or _task_name(row) == name]

    def delayed(self, name=None):
        return [row for row in self.queued(name) if row.run_after != get_date_max()]

    def run_due(self, limit=50):
        ran = 0
        while ran < limit:
            row = DBTaskResult.objects.ready().order_by("enqueued_at").first()
            if row is None:
                return ran
            row.claim(self.worker.worker_id)
            self.worker.run_task(row)
            ran += 1
        raise AssertionError("tasks keep queueing themselves")

    def bring_forward(self):
        DBTaskResult.objects.filter(status="READY").exclude(run_after=get_date_max()).update(
            run_after=timezone.now()
        )
