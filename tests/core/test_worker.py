"""The task worker run in this process: retries, rescue of dead workers' tasks, database outages."""
import datetime as dt
import logging
import threading

import pytest
from django.db import OperationalError, connection, connections
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.core import sample_tasks
from tests.core.conftest import wait_until
from trainingcenter.core import services
from trainingcenter.core.models import WorkerHeartbeat


def calls(path):
    return len(path.read_text().splitlines()) if path.exists() else 0


def bring_forward(result):
    """Make a retry that waits for its delay due now, as if the delay had passed."""
    DBTaskResult.objects.filter(pk=result.id).update(run_after=timezone.now())


def claim_as(result, worker_id, claimed_ago):
    """Leave the task as a worker would that claimed it ``claimed_ago`` and then vanished."""
    db_result = DBTaskResult.objects.get(pk=result.id)
    db_result.claim(worker_id)
    DBTaskResult.objects.filter(pk=result.id).update(started_at=timezone.now() - claimed_ago)


def heartbeat(worker_id, seen_ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id=worker_id, started_at=now - dt.timedelta(hours=1),
                                   last_seen=now - seen_ago)


# Retries


def test_a_task_that_raises_twice_then_succeeds_ends_successful_after_three_attempts(
    db, settings, tmp_path, make_worker, row
):
    settings.TASK_RETRY_DELAYS = [0]
    log = tmp_path / "flaky.log"
    result = sample_tasks.flaky.enqueue(str(log), 2)

    make_worker(batch=True).run()

    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["test-worker"] * 3
    assert task.return_value == 3
    assert (tmp_path / "flaky.log.done").read_text() == "done"
    # The failures' traceback is no error any more once the task has succeeded.
    assert task.traceback == ""
    assert task.exception_class_path == ""


@pytest.mark.parametrize("max_attempts", [1, 5])
def test_a_task_that_always_raises_waits_longer_each_time_then_fails_for_good(
    db, settings, tmp_path, make_worker, row, max_attempts
):
    settings.TASK_MAX_ATTEMPTS = max_attempts
    settings.TASK_RETRY_DELAYS = [10, 60, 300, 1800]
    log = tmp_path / "fails.log"
    result = sample_tasks.always_fails.enqueue(str(log))

    waits = []
    for _ in range(max_attempts - 1):
        before = timezone.now()
        make_worker(batch=True).run()
        task = row(result)
        assert task.status == TaskResultStatus.READY
        # Staff can see why a task is waiting.
        assert "ValueError: the mail server said no" in task.traceback
        waits.append((task.run_after - before).total_seconds())
        # The batch worker left because the retry is not due; run it as if it were.
        bring_forward(result)
    make_worker(batch=True).run()

    task = row(result)
    assert task.status == TaskResultStatus.FAILED
    assert len(task.worker_ids) == max_attempts
    assert calls(log) == max_attempts
    assert task.exception_class_path == "builtins.ValueError"
    assert "ValueError: the mail server said no" in task.traceback
    assert task.finished_at is not None
    expected = [10, 60, 300, 1800][: max_attempts - 1]
    assert waits == pytest.approx(expected, abs=2)


def test_a_retry_is_not_run_before_its_delay(db, settings, tmp_path, make_worker, row):
    settings.TASK_RETRY_DELAYS = [600]
    log = tmp_path / "fails.log"
    result = sample_tasks.always_fails.enqueue(str(log))

    make_worker(batch=True).run()
    make_worker(batch=True).run()

    assert calls(log) == 1
    assert row(result).status == TaskResultStatus.READY


# Tasks left running by a worker that died


def test_a_running_task_whose_worker_stopped_beating_is_run_again(db, settings, tmp_path, make_worker, row):
    settings.TASK_RETRY_DELAYS = [0]
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))
    claim_as(result, "killed-worker", claimed_ago=dt.timedelta(minutes=10))
    heartbeat("killed-worker", seen_ago=dt.timedelta(minutes=2))

    make_worker(batch=True, worker_timeout=60).run()

    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["killed-worker", "test-worker"]
    assert calls(log) == 1


@pytest.mark.parametrize(
    ("seen_ago", "claimed_ago"),
    [
        pytest.param(dt.timedelta(seconds=1), dt.timedelta(hours=2), id="long task, heartbeat fresh"),
        pytest.param(None, dt.timedelta(seconds=1), id="just claimed, no heartbeat yet"),
    ],
)
def test_a_running_task_of_a_live_worker_is_left_alone(
    db, settings, tmp_path, make_worker, row, seen_ago, claimed_ago
):
    settings.TASK_RETRY_DELAYS = [0]
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))
    claim_as(result, "busy-worker", claimed_ago=claimed_ago)
    if seen_ago is not None:
        heartbeat("busy-worker", seen_ago=seen_ago)

    make_worker(batch=True, worker_timeout=60).run()

    task = row(result)
    assert task.status == TaskResultStatus.RUNNING
    assert task.worker_ids == ["busy-worker"]
    assert calls(log) == 0


def test_a_task_that_kills_its_worker_every_time_ends_failed(db, settings, tmp_path, make_worker, row):
    settings.TASK_MAX_ATTEMPTS = 3
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))
    for number in (1, 2):
        claim_as(result, f"killed-{number}", claimed_ago=dt.timedelta(minutes=10))
        DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.READY)
    claim_as(result, "killed-3", claimed_ago=dt.timedelta(minutes=10))

    make_worker(batch=True, worker_timeout=60).run()

    task = row(result)
    assert task.status == TaskResultStatus.FAILED
    assert task.exception_class_path == "trainingcenter.core.services.WorkerLost"
    assert "killed-3" in task.traceback
    assert calls(log) == 0


def test_a_worker_restarted_under_the_same_id_takes_back_what_it_was_running(
    db, settings, tmp_path, make_worker, row
):
    """Its heartbeat looks fresh (it is the same id), so only the worker itself can know."""
    settings.TASK_RETRY_DELAYS = [0]
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))
    claim_as(result, "test-worker", claimed_ago=dt.timedelta(minutes=10))
    heartbeat("test-worker", seen_ago=dt.timedelta(seconds=1))

    make_worker(batch=True).run()

    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["test-worker", "test-worker"]


def test_a_worker_presumed_dead_cannot_overwrite_what_another_did_since(db, tmp_path, row):
    result = sample_tasks.succeed.enqueue(str(tmp_path / "work.log"))
    slow = DBTaskResult.objects.get(pk=result.id)
    slow.claim("slow-worker")
    # Meanwhile it was presumed dead, freed, and finished by another worker.
    DBTaskResult.objects.filter(pk=result.id).update(status=TaskResultStatus.READY)
    other = DBTaskResult.objects.get(pk=result.id)
    other.claim("other-worker")
    assert services.record_success(other, "from the other worker")

    assert services.record_success(slow, "from the slow worker") is False
    assert services.record_failure(slow, RuntimeError("late")) is None
    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.return_value == "from the other worker"


# A database that is briefly away


class FailingQueries:
    """An execute wrapper that makes chosen queries fail as a database that went away would."""

    def __init__(self, count, only=lambda sql, params: True):
        self.remaining = count
        self.only = only

    def __call__(self, execute, sql, params, many, context):
        if self.remaining and self.only(sql, params):
            self.remaining -= 1
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


def outage_lines(caplog):
    messages = [record.getMessage() for record in caplog.records if record.name == "trainingcenter.core.worker"]
    return (
        [m for m in messages if m.startswith("Database unavailable")],
        [m for m in messages if m.startswith("Database reachable again")],
    )


def test_the_worker_waits_out_a_database_outage_then_runs_the_tasks(
    transactional_db, tmp_path, make_worker, row, caplog
):
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))
    failing = FailingQueries(4)
    caplog.set_level(logging.INFO)

    with connection.execute_wrapper(failing):
        make_worker(batch=True).run()

    assert failing.remaining == 0
    assert row(result).status == TaskResultStatus.SUCCESSFUL
    assert calls(log) == 1
    began, ended = outage_lines(caplog)
    assert len(began) == 1
    assert len(ended) == 1


def test_a_task_whose_outcome_could_not_be_written_is_run_again_after_the_outage(
    transactional_db, settings, tmp_path, make_worker, row, caplog
):
    settings.TASK_RETRY_DELAYS = [0]
    log = tmp_path / "work.log"
    result = sample_tasks.succeed.enqueue(str(log))

    def ends_an_attempt(sql, params):
        # The writes of success and of failure; the claim (RUNNING) still goes through.
        return sql.startswith("UPDATE") and "dbtaskresult" in sql and (
            TaskResultStatus.SUCCESSFUL in params or TaskResultStatus.READY in params
        )

    failing = FailingQueries(2, only=ends_an_attempt)
    with connection.execute_wrapper(failing):
        make_worker(batch=True).run()

    assert failing.remaining == 0
    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["test-worker", "test-worker"]
    assert calls(log) == 2


# Heartbeats


def test_a_long_task_keeps_its_worker_alive_for_the_others(transactional_db, tmp_path, make_worker, row):
    log = tmp_path / "work.log"
    release = tmp_path / "release"
    result = sample_tasks.wait_for_release.enqueue(str(log), str(release))
    worker = make_worker("busy-worker", batch=True, heartbeat_interval=0.05, worker_timeout=0.3)

    def run_worker():
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run_worker)
    thread.start()
    try:
        wait_until(lambda: log.exists(), what="the task to start")
        started_at = row(result).started_at
        # Beats go on while the task runs, well past the timeout.
        wait_until(
            lambda: WorkerHeartbeat.objects.filter(
                worker_id="busy-worker", last_seen__gt=started_at + dt.timedelta(seconds=0.6)
            ).exists(),
            what="heartbeats during the task",
        )
        assert services.release_orphaned_tasks(timeout=0.3) == 0
        assert row(result).status == TaskResultStatus.RUNNING
    finally:
        release.touch()
        thread.join(30)

    assert not thread.is_alive()
    task = row(result)
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert task.worker_ids == ["busy-worker"]
    # A worker that stops on purpose says so, rather than leaving a heartbeat to go stale.
    assert not WorkerHeartbeat.objects.filter(worker_id="busy-worker").exists()
