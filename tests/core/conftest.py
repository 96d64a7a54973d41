"""Fixtures for driving the real task worker in the test process."""
import time

import pytest
from django_tasks_db.models import DBTaskResult

from trainingcenter.core.worker import TaskWorker


@pytest.fixture
def make_worker():
    """Build a TaskWorker for all queues with no pauses worth waiting for.

    No heartbeat thread by default: tests that use ``db`` hold SQLite's write
    lock for the whole test, which a second connection would wait on.
    """

    def _make(worker_id="test-worker", **options):
        options = {
            "queue_names": ["*"],
            "interval": 0.01,
            "heartbeat_interval": 0,
            "outage_backoff": (0.01, 0.05),
            **options,
        }
        return TaskWorker(worker_id=worker_id, **options)

    return _make


@pytest.fixture
def row():
    """The database row of an enqueued task, fresh from the database."""

    def _row(result):
        return DBTaskResult.objects.get(pk=result.id)

    return _row


def wait_until(condition, timeout=30.0, what="condition", check=None):
    """Poll until ``condition()`` is true; ``check()`` may raise to stop early (a process died)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if check is not None:
            check()
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)
