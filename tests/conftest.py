import os

import pytest
from django.utils import translation

from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF, PROGRAM_ORGANISER

# Playwright's sync API runs an event loop in the test thread; Django would
# otherwise refuse database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _isolated_settings(settings, tmp_path):
    """Each test gets its own media folder and no rate limit unless it asks."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REGISTRATION_RATE_LIMIT = "0"
    # A request in another language leaves that language active in the thread;
    # start every test in English so reverse() and messages do not depend on order.
    translation.activate("en")
    yield
    translation.deactivate()


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
