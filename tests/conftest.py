import os

import pytest
from django.utils import translation

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
