"""Run queued background tasks inside a test, the way the worker does.

``run_tasks()`` drains the queue; ``TaskRunner`` also shows what is queued or
delayed and can bring delayed tasks forward, so a test can check a retry's
delay and then let it run without waiting.
"""
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_db.utils import exclusive_transaction


def run_tasks(limit=500):
    """Run every task that is due in the database queue, as the worker would; returns how many ran.

    Tasks enqueued while running (e.g. a promotion's e-mail) run too, if due.
    This calls the worker's own ``run_task`` instead of ``db_worker --batch``
    because that command closes the database connection between tasks, which
    would end a test's transaction.
    """
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="test-worker", excluded_queue_names=[],
    )
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
        self.worker = Worker(
            queue_names=["default"], interval=0, batch=True, backend_name="default",
            startup_delay=False, max_tasks=None, worker_id="meetings-tests", excluded_queue_names=[],
        )

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
