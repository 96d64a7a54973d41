import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.factories import ProgramFactory
from trainingcenter.center.models import ApiToken
from trainingcenter.center.services import revoke_api_token

from .conftest import ApiClient, error_of

pytestmark = pytest.mark.django_db

NEW_PROGRAM = {
    "slug": "from-the-command-line", "title": "Made with a token",
    "starts": "2030-06-08T09:00:00+08:00", "ends": "2030-06-08T17:00:00+08:00",
}


def _run_command(*args):
    from io import StringIO

    out = StringIO()
    call_command("create_api_token", *args, stdout=out)
    return out.getvalue()


def test_command_prints_a_working_token_alone_on_its_last_line(client, centre_admin):
    output = _run_command(centre_admin.username, "--name", "bench")

    token = output.strip().splitlines()[-1]
    assert token.startswith("tc_") and " " not in token
    stored = ApiToken.objects.get(user=centre_admin)
    assert stored.name == "bench"
    assert stored.digest == ApiToken.digest_of(token) and token not in stored.digest
    response = ApiClient(client, token).post("/api/programs", NEW_PROGRAM)
    assert response.status_code == 201, response.content


def test_command_refuses_unknown_and_non_staff_users(django_user_model):
    django_user_model.objects.create_user("visitor", "v@example.org", "pw-for-tests-123")

    with pytest.raises(CommandError, match="No user"):
        _run_command("ghost")
    with pytest.raises(CommandError, match="staff"):
        _run_command("visitor")
    assert not ApiToken.objects.exists()


def test_write_without_a_token_is_401_json(api):
    response = api.post("/api/programs", NEW_PROGRAM)

    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthenticated"
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer tc_wrong", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer " + "x" * 5000])
def test_write_with_a_wrong_token_is_401(api, header):
    response = api.post("/api/programs", NEW_PROGRAM, headers={"Authorization": header})

    assert response.status_code == 401
    assert error_of(response)["code"] == "unauthenticated"


def test_revoked_token_and_token_of_former_staff_stop_working(api, centre_admin):
    staff_api = api.as_user(centre_admin)
    assert staff_api.get("/api/programs/x/registrations").status_code == 404

    revoke_api_token(ApiToken.objects.get(user=centre_admin))
    assert staff_api.get("/api/programs/x/registrations").status_code == 401

    other = api.as_user(centre_admin)
    centre_admin.is_staff = False
    centre_admin.save()
    assert other.get("/api/programs/x/registrations").status_code == 401


def test_last_used_is_recorded_at_most_once_a_minute(api, centre_admin):
    staff_api = api.as_user(centre_admin)
    program = ProgramFactory()
    program.organisers.add(centre_admin)
    url = f"/api/programs/{program.slug}/registrations"

    staff_api.get(url)
    token = ApiToken.objects.get(user=centre_admin)
    first = token.last_used_at
    assert first is not None
    staff_api.get(url)
    token.refresh_from_db()
    assert token.last_used_at == first

    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() - dt.timedelta(minutes=2))
    staff_api.get(url)
    token.refresh_from_db()
    assert token.last_used_at > first


def test_public_registration_with_a_bad_token_is_401_not_anonymous(api):
    program = ProgramFactory()
    body = {"given_name": "A", "family_name": "B", "email": "a@example.org", "country": "KZ",
            "organization": "Org", "consent": True}

    response = api.post(f"/api/programs/{program.slug}/registrations", body,
                        headers={"Authorization": "Bearer tc_not-a-token"})

    assert response.status_code == 401
    assert not program.registrations.exists()
