"""Tasks for the worker tests, importable by path so a worker in another process can run them too.

They leave their traces in files rather than memory: a worker started as a
subprocess has no memory the test could read.
"""
import time
from pathlib import Path

from django_tasks import task


def _calls(path):
    return len(Path(path).read_text().splitlines()) if Path(path).exists() else 0


def _record_call(path):
    with Path(path).open("a") as log:
        log.write("call\n")
    return _calls(path)


@task()
def flaky(log_path, failures):
    """Raise on the first ``failures`` calls, then do the work: write ``<log_path>.done``."""
    calls = _record_call(log_path)
    if calls <= failures:
        raise RuntimeError(f"failure number {calls}")
    Path(f"{log_path}.done").write_text("done")
    return calls


@task()
def always_fails(log_path):
    _record_call(log_path)
    raise ValueError("the mail server said no")


@task()
def succeed(log_path):
    return _record_call(log_path)


@task()
def wait_for_release(log_path, release_path, timeout=30):
    """Note the call, then block until ``release_path`` exists: a task as long as the test wants."""
    calls = _record_call(log_path)
    deadline = time.monotonic() + timeout
    while not Path(release_path).exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.02)
    Path(f"{log_path}.done").write_text(str(calls))
    return calls
