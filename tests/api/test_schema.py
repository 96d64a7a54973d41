import json
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

EXPECTED_PATHS = {
    "/api/programs": {"get", "post"},
    "/api/programs/{slug}": {"get", "patch"},
    "/api/programs/{slug}/sessions": {"post"},
    "/api/programs/{slug}/sessions/{session_id}": {"patch"},
    "/api/people/{slug}": {"get"},
    "/api/programs/{slug}/registrations": {"get", "post"},
    "/api/programs/{slug}/registrations/export.csv": {"get"},
}


def test_openapi_schema_lists_every_endpoint(client):
    response = client.get("/api/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    for path, methods in EXPECTED_PATHS.items():
        assert path in schema["paths"], path
        assert methods <= set(schema["paths"][path]), path


def test_openapi_documents_registration_fields_and_the_bearer_scheme(client):
    schema = client.get("/api/openapi.json").json()

    components = schema["components"]
    registration = components["schemas"]["RegistrationIn"]
    for name in ("given_name", "family_name", "email", "country", "organization", "position", "sector", "mode",
                 "language", "consent", "answers"):
        assert name in registration["properties"], name
    assert "question" in registration["properties"]["answers"]["description"]
    assert any(scheme.get("scheme") == "bearer" for scheme in components["securitySchemes"].values())
    create = schema["paths"]["/api/programs"]["post"]
    assert "201" in create["responses"]


def test_docs_page_loads_swagger_from_our_own_static_files(client):
    response = client.get("/api/docs")

    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts), scripts
    assert "cdn" not in html.lower()
    assert "/api/openapi.json" in html
    for src in scripts:
        assert finders.find(src.removeprefix("/static/").split("?")[0]), src


def test_every_schema_reference_resolves(client):
    """A dangling $ref breaks every client generator; ninja builds them, this checks them."""
    text = client.get("/api/openapi.json").content.decode()
    schema = json.loads(text)

    references = set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', text))
    assert references
    assert references <= set(schema["components"]["schemas"])
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            assert operation["responses"], path


def test_unknown_api_address_is_a_json_404(client):
    response = client.get("/api/no/such/endpoint")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
