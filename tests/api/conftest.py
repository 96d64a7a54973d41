import json

import pytest

from trainingcenter.center.services import create_api_token


class ApiClient:
    """Django's test client, speaking JSON, optionally with a staff token."""

    def __init__(self, client, token=None):
        self.client = client
        self.token = token

    def _headers(self, headers):
        merged = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        merged.update(headers or {})
        return merged

    def get(self, path, params=None, headers=None):
        return self.client.get(path, params or {}, headers=self._headers(headers))

    def send(self, method, path, body, headers=None, content_type="application/json"):
        data = body if isinstance(body, (str, bytes)) else json.dumps(body)
        return getattr(self.client, method)(path, data, content_type=content_type, headers=self._headers(headers))

    def post(self, path, body, **kwargs):
        return self.send("post", path, body, **kwargs)

    def patch(self, path, body, **kwargs):
        return self.send("patch", path, body, **kwargs)

    def as_user(self, user):
        return ApiClient(self.client, create_api_token(user, name="test"))


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture
def admin_api(api, centre_admin):
    return api.as_user(centre_admin)


@pytest.fixture
def organiser_api(api, organiser):
    return api.as_user(organiser)


def error_of(response):
    """The error object of a JSON error response (and proof that it is one)."""
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response.json()["error"]
