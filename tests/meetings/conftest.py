import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max

from trainingcenter.registrations import join_links

from . import fake_zoom as fake_zoom_module


@pytest.fixture
def fake_zoom(settings):
    """A running fake Zoom, with the platform's Zoom settings pointing at it."""
    server = fake_zoom_module.FakeZoom().start()
    settings.ZOOM_ACCOUNT_ID = fake_zoom_module.ACCOUNT_ID
    settings.ZOOM_CLIENT_ID = fake_zoom_module.CLIENT_ID
    settings.ZOOM_CLIENT_SECRET = fake_zoom_module.CLIENT_SECRET
    settings.ZOOM_OAUTH_URL = server.oauth_url
    settings.ZOOM_API_URL = server.api_url
    # Tokens cached by an earlier test belong to an earlier server.
    cache.clear()
    yield server
    server.stop()
    cache.clear()


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


@pytest.fixture
def tasks(db):
    return TaskRunner()


@pytest.fixture
def confirm():
    """What the registration services do on confirmation, for a registration built by a factory."""

    def _confirm(registration):
        with transaction.atomic():
            join_links.on_confirmed(registration)
        registration.refresh_from_db()
        return registration

    return _confirm
