"""Fixtures for the registration tests, and ``run_tasks()`` for anyone who needs the queue run.

Other test folders may use it: ``from tests.registrations.conftest import run_tasks``.
"""
import pytest
from django.conf import settings
from django.urls import NoReverseMatch, reverse

from tests.factories import ProgramFactory


def run_tasks(limit=500):
    """Run every task that is due in the database queue, as the worker would; returns how many ran.

    Tasks enqueued while running (e.g. a promotion's e-mail) run too, if due.
    This calls the worker's own ``run_task`` instead of ``db_worker --batch``
    because that command closes the database connection between tasks, which
    would end a test's transaction.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult
    from django_tasks_db.utils import exclusive_transaction

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


@pytest.fixture
def tasks_runner():
    return run_tasks


@pytest.fixture
def program(db):
    """An online program with registration open and 10 places."""
    return ProgramFactory(capacity_online=10)


@pytest.fixture(autouse=True)
def _participant_url_exists():
    """The participant page's URL is part of every e-mail; fail clearly if it is missing."""
    try:
        reverse("registrations:participant", kwargs={"token": "x" * 43})
    except NoReverseMatch:  # pragma: no cover - only while the page is being built
        pytest.fail("URL 'registrations:participant' is missing from registrations/urls.py")
    assert settings.SITE_URL
