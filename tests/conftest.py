import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from tests.factories import ProgramFactory
from tests.factories.accounts import StaffUserFactory
from tests.meetings import fake_zoom as fake_zoom_module
from tests.worker import TaskRunner, run_tasks
from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.registrations.services import join_links

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    """Each test gets its own media folder, and no rate limit nor minimum form-fill time unless it asks."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REGISTRATION_RATE_LIMIT = "0"
    settings.FORM_MIN_FILL_SECONDS = 0
    # A request in another language leaves that language active in the thread;
    # start every test in English so reverse() and messages do not depend on order.
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def empty_cache():
    """An empty cache before and after the test: rate-limit counters and stored pages live there and outlive a test.

    Modules whose tests count requests against a limit, or fill the page cache,
    use it for every test: ``pytestmark = [..., pytest.mark.usefixtures("empty_cache")]``.
    """
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user(
        "organiser", "organiser@example.org", "a-long-test-password", is_staff=True, is_superuser=True
    )


@pytest.fixture
def centre_admin():
    return StaffUserFactory(username="centre-admin", role=CENTRE_ADMIN)


@pytest.fixture
def organiser():
    return StaffUserFactory(username="program-organiser", role=PROGRAM_ORGANISER)


@pytest.fixture
def checkin_staff():
    return StaffUserFactory(username="checkin", role=CHECKIN_STAFF)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "a-long-test-password")


@pytest.fixture
def program(db):
    """An online program with registration open and 10 places."""
    return ProgramFactory(capacity_online=10)


@pytest.fixture
def tasks_runner():
    return run_tasks


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
