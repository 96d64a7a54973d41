"""A database outage on an HTML page: 503, Retry-After and a friendly page, never a traceback."""
from unittest import mock

import pytest
from django.conf import settings
from django.db import InterfaceError, OperationalError, ProgrammingError, connection
from django.test import RequestFactory

from trainingcenter.core.middleware import RETRY_AFTER_SECONDS, DatabaseUnavailableMiddleware

pytestmark = pytest.mark.django_db


def failing_database(error):
    """Every query fails as it does while the database is down."""
    return mock.patch.object(connection, "cursor", side_effect=error)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database is locked"),
        OperationalError("could not connect to server: Connection refused"),
        InterfaceError("connection already closed"),
    ],
)
@pytest.mark.parametrize("path", ["/en/", "/en/programs/", "/ru/about/"])
def test_a_page_during_a_database_outage_is_a_friendly_503(client, path, error):
    with failing_database(error):
        response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    body = response.content.decode()
    assert "503" in body and "<h1" in body
    assert str(error) not in body and "Traceback" not in body and "Error" not in body


def test_the_503_page_is_in_the_visitors_language_and_site_layout(client):
    with failing_database(OperationalError("database is locked")):
        response = client.get("/ru/")

    body = response.content.decode()
    assert '<html lang="ru"' in body
    assert "site-header" in body and "/static/" in body


def test_other_errors_are_left_to_the_usual_handling():
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/en/")

    assert middleware.process_exception(request, ProgrammingError("no such column")) is None
    assert middleware.process_exception(request, ValueError("bug")) is None


def test_a_failing_503_page_still_answers_503(rf):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)

    with mock.patch("trainingcenter.core.middleware.loader.get_template", side_effect=RuntimeError("broken")):
        response = middleware.process_exception(rf.get("/en/"), OperationalError("database is locked"))

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_the_middleware_is_installed():
    assert "trainingcenter.core.middleware.DatabaseUnavailableMiddleware" in settings.MIDDLEWARE
