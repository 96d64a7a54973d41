import json

import pytest
from django.contrib.auth.models import Group

from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF, PROGRAM_ORGANISER
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


def _staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw-for-tests-123", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def api(client):
    return ApiClient(client)


@pytest.fixture
def centre_admin(django_user_model):
    return _staff(django_user_model, "centre-admin", CENTRE_ADMIN)


@pytest.fixture
def organiser(django_user_model):
    return _staff(django_user_model, "program-organiser", PROGRAM_ORGANISER)


@pytest.fixture
def checkin_staff(django_user_model):
    return _staff(django_user_model, "checkin", CHECKIN_STAFF)


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
