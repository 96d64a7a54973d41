"""Answers the API gives when the request or the service, not the endpoint, is at fault."""
from unittest import mock

import pytest
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError, ProgrammingError, connection

from tests.factories import ProgramFactory
from trainingcenter.core.middleware import RETRY_AFTER_SECONDS

from .conftest import error_of

pytestmark = pytest.mark.django_db


def test_a_body_over_the_size_limit_is_413_in_the_error_shape(admin_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    ProgramFactory(slug="p")

    response = admin_api.patch("/api/programs/p", {"summary": "x" * 4000})

    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "too_large"
    assert "2 kB" in error["message"]


def test_a_public_registration_over_the_size_limit_is_413(api, program, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024

    response = api.post(f"/api/programs/{program.slug}/registrations", {"given_name": "x" * 2000})

    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"


def failing_database(error):
    """Every query fails as it does while the database is down."""
    return mock.patch.object(connection, "cursor", side_effect=error)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("database is locked"),
        OperationalError("server closed the connection unexpectedly"),
        OperationalError("database or disk is full"),
        InterfaceError("connection already closed"),
    ],
)
def test_a_database_outage_is_503_with_retry_after_and_no_internals(api, program, error):
    with failing_database(error):
        response = api.get("/api/programs")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert error_of(response)["code"] == "unavailable"
    body = response.content.decode()
    assert str(error) not in body and "Traceback" not in body and "Error" not in body


def test_a_database_outage_during_token_authentication_is_503_not_401(admin_api, program):
    with failing_database(OperationalError("database is locked")):
        response = admin_api.patch(f"/api/programs/{program.slug}", {"title": "x"})

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)


def test_a_database_outage_while_registering_is_503(api, program):
    body = {"given_name": "Aida", "family_name": "Karimova", "email": "aida@example.org", "country": "KZ",
            "organization": "KazNU", "consent": True}

    with failing_database(OperationalError("database is locked")):
        response = api.post(f"/api/programs/{program.slug}/registrations", body)

    assert response.status_code == 503
    assert error_of(response)["code"] == "unavailable"


def test_a_bug_in_the_database_layer_is_still_a_500(api, program):
    """Only outages are 503: a broken query is our bug, and must not ask clients to retry it."""
    with failing_database(ProgrammingError("relation does not exist")):
        response = api.get("/api/programs")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_the_schema_documents_every_error_with_the_shared_shape_and_its_headers(client):
    schema = client.get("/api/openapi.json").json()

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "503" in responses, (method, path)
            assert responses["503"]["headers"]["Retry-After"]["required"], (method, path)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    content = response["content"]["application/json"]["schema"]
                    assert content == {"$ref": "#/components/schemas/ErrorOut"}, (method, path, status)
            if "requestBody" in operation:
                assert {"400", "413"} <= set(responses), (method, path)
                # Only JSON bodies can come in the wrong type; a file upload is a form.
                if "application/json" in operation["requestBody"]["content"]:
                    assert "415" in responses, (method, path)
            if operation.get("security"):
                assert "401" in responses and "WWW-Authenticate" in responses["401"]["headers"], (method, path)


def test_operations_open_to_the_public_say_their_token_is_optional(client):
    paths = client.get("/api/openapi.json").json()["paths"]

    assert {} in paths["/api/programs/{slug}"]["get"]["security"]
    assert {} in paths["/api/programs/{slug}/registrations"]["post"]["security"]
    assert {} not in paths["/api/programs/{slug}"]["patch"]["security"]


def test_a_suspicious_request_is_a_400_as_django_answers_it(api):
    with mock.patch("trainingcenter.programs.queries.person_for_page",
                    side_effect=SuspiciousOperation("Attempted access to a path outside the media root")):
        response = api.get("/api/people/someone")

    assert response.status_code == 400
    assert error_of(response)["code"] == "bad_request"
    assert "media root" not in response.content.decode()
