"""``manage.py run_worker`` as real processes: one is killed mid-task, another finishes the task."""
import os
import signal
import subprocess
import sys
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests.core import sample_tasks
from tests.core.conftest import wait_until


def database_url():
    """The test database as DATABASE_URL, which the worker's settings read from the environment."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db["HOST"] or "localhost"
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{db['NAME']}"


def start_worker(worker_id, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trainingcenter.settings.test",
        "DATABASE_URL": database_url(),
        "TASK_HEARTBEAT_INTERVAL": "0.1",
        "TASK_WORKER_TIMEOUT": "1",
        "TASK_RETRY_DELAYS": "0",
    }
    output = (tmp_path / f"{worker_id}.out").open("w")
    command = [
        sys.executable, "manage.py", "run_worker", "--queue-name", "*", "--interval", "0.1",
        "--no-startup-delay", "--no-reload", "--worker-id", worker_id,
    ]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=output, stderr=subprocess.STDOUT)


def still_running(process, tmp_path, name):
    def check():
        if process.poll() is not None:
            raise AssertionError(f"{name} exited with {process.returncode}:\n{(tmp_path / f'{name}.out').read_text()}")

    return check


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_task_whose_worker_is_killed_is_finished_by_the_next_worker(transactional_db, tmp_path):
    log = tmp_path / "work.log"
    release = tmp_path / "release"
    result = sample_tasks.wait_for_release.enqueue(str(log), str(release))

    first = start_worker("first", tmp_path)
    try:
        wait_until(log.exists, what="the first worker to start the task", check=still_running(first, tmp_path, "first"))
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait()
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

    release.touch()
    second = start_worker("second", tmp_path)
    try:
        wait_until(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL,
            what="the second worker to finish the task",
            check=still_running(second, tmp_path, "second"),
        )
    finally:
        stop(second)

    task = DBTaskResult.objects.get(pk=result.id)
    assert task.worker_ids == ["first", "second"]
    # The second run did the work; the first never got past waiting.
    assert (tmp_path / "work.log.done").read_text() == "2"
    assert second.returncode == 0
