"""The check-in API's contract: POST /api/programs/{slug}/checkins, and checkin_code in the registrations list."""
import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import ProgramFactory, RegistrationFactory
from trainingcenter.attendance.models import CheckIn
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, RegistrationEvent

from .conftest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(checkin_staff):
    """A hybrid program running now, with the check-in staff assigned to it."""
    now = timezone.now().replace(microsecond=0)
    program = ProgramFactory(
        title="Lithium-ion Batteries", mode=Program.Mode.HYBRID, capacity_onsite=20, status=Program.Status.RUNNING,
        starts=now - dt.timedelta(hours=2), ends=now + dt.timedelta(hours=30),
        registration_opens=now - dt.timedelta(days=20), registration_closes=now - dt.timedelta(days=1),
    )
    program.organisers.add(checkin_staff)
    return program


@pytest.fixture
def door(api, checkin_staff):
    return api.as_user(checkin_staff)


@pytest.fixture
def guest(program):
    return RegistrationFactory(program=program, mode="onsite", given_name="Kamila", family_name="Rashidova",
                               organization="Samarkand State University")


def url(program):
    return f"/api/programs/{program.slug}/checkins"


def test_first_scan_is_201_checked_in_then_200_already_checked_in(door, program, guest, checkin_staff):
    first = door.post(url(program), {"code": guest.checkin_code})

    assert first.status_code == 201, first.content
    body = first.json()
    assert body["status"] == "checked_in"
    assert (body["name"], body["organization"], body["registration_id"]) == (
        "Kamila Rashidova", "Samarkand State University", guest.pk,
    )
    assert body["day"] == timezone.localtime(timezone.now(), program.tz).date().isoformat()
    assert body["checked_in_at"].endswith("Z")
    assert body["same_scan"] is False
    row = CheckIn.objects.get()
    assert row.checked_in_by == checkin_staff

    again = door.post(url(program), {"code": guest.checkin_code.lower()})
    assert again.status_code == 200
    assert again.json()["status"] == "already_checked_in"
    assert again.json()["checked_in_at"] == body["checked_in_at"]
    assert again.json()["message"].startswith("Already checked in at ")
    assert CheckIn.objects.count() == 1
    assert guest.events.filter(action=RegistrationEvent.Action.CHECKED_IN).count() == 1


def test_the_same_scan_sent_twice_is_answered_as_such(door, program, guest):
    door.post(url(program), {"code": guest.checkin_code, "client_key": "tablet-3:17"})

    again = door.post(url(program), {"code": guest.checkin_code, "client_key": "tablet-3:17"})

    assert again.status_code == 200
    assert (again.json()["status"], again.json()["same_scan"]) == ("already_checked_in", True)
    assert CheckIn.objects.count() == 1


def test_an_unknown_code_is_404(door, program):
    response = door.post(url(program), {"code": "ZZZZ-ZZZZ-ZZZZ"})

    assert response.status_code == 404
    assert error_of(response)["code"] == "unknown_code"


@pytest.mark.parametrize(("status", "mode", "code"), [
    (Registration.Status.CANCELLED, "onsite", "cancelled"),
    (Registration.Status.REJECTED, "onsite", "rejected"),
    (Registration.Status.WAITLISTED, "onsite", "waitlisted"),
    (Registration.Status.AWAITING_APPROVAL, "onsite", "awaiting_approval"),
    (Registration.Status.CONFIRMED, "online", "online_only"),
])
def test_a_registration_without_a_confirmed_onsite_place_is_409_with_its_code(door, program, status, mode, code):
    registration = RegistrationFactory(program=program, mode=mode, status=status, given_name="Bobur",
                                       family_name="Tursunov", waitlisted_at=timezone.now())

    response = door.post(url(program), {"code": registration.checkin_code})

    assert response.status_code == 409
    error = error_of(response)
    assert (error["code"], error["name"]) == (code, "Bobur Tursunov")
    assert not CheckIn.objects.exists()


def test_another_programs_code_is_422_and_names_the_program(door, program):
    other = ProgramFactory(slug="nev-2031", title="New Energy Vehicles")
    visitor = RegistrationFactory(program=other, mode="onsite")

    response = door.post(url(program), {"code": visitor.checkin_code})

    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "other_program"
    assert error["program"] == {"slug": "nev-2031", "title": "New Energy Vehicles"}
    assert "email" not in str(error) and visitor.email not in str(error)


def test_a_day_outside_the_program_or_to_come_is_422(door, program, guest):
    today = timezone.localtime(timezone.now(), program.tz).date()
    days = program.local_days()

    outside = door.post(url(program), {"code": guest.checkin_code, "day": (days[0] - dt.timedelta(days=1)).isoformat()})
    assert outside.status_code == 422
    assert error_of(outside)["code"] == "not_a_program_day"
    later = [day for day in days if day > today]
    if later:
        ahead = door.post(url(program), {"code": guest.checkin_code, "day": later[0].isoformat()})
        assert (ahead.status_code, error_of(ahead)["code"]) == (422, "future_day")
    assert not CheckIn.objects.exists()


def test_a_past_program_day_can_be_given(door, program, guest):
    first = program.local_days()[0]

    response = door.post(url(program), {"code": guest.checkin_code, "day": first.isoformat()})

    assert response.status_code == 201
    assert response.json()["day"] == first.isoformat()
    assert CheckIn.objects.get().day == first


@pytest.mark.parametrize("body", [
    {}, {"code": ""}, {"code": 12}, {"code": "X" * 65}, {"code": "ABC", "day": "10/05/2031"},
    {"code": "ABC", "day": 20310510}, {"code": "ABC", "extra": 1}, {"code": "ABC", "client_key": "k" * 65},
])
def test_bad_bodies_are_400(door, program, body):
    response = door.post(url(program), body)

    assert response.status_code == 400
    assert error_of(response)["code"] == "invalid"


def test_tokens_rights_and_programs(api, door, program, guest, organiser):
    assert api.post(url(program), {"code": guest.checkin_code}).status_code == 401
    # An organiser of another program: 403 for this one; an unknown program: 404.
    other_program = ProgramFactory()
    other_program.organisers.add(organiser)
    assert api.as_user(organiser).post(url(program), {"code": guest.checkin_code}).status_code == 403
    assert door.post("/api/programs/no-such-program/checkins", {"code": guest.checkin_code}).status_code == 404
    assert not CheckIn.objects.exists()


def test_the_registrations_list_gives_each_checkin_code(door, program, guest):
    response = door.get(f"/api/programs/{program.slug}/registrations")

    assert response.status_code == 200
    [item] = response.json()["items"]
    assert item["checkin_code"] == guest.checkin_code


def test_every_answer_is_in_the_openapi_schema(client):
    operation = client.get("/api/openapi.json").json()["paths"]["/api/programs/{slug}/checkins"]["post"]

    assert {"200", "201", "400", "401", "403", "404", "409", "422", "503"} <= set(operation["responses"])
    for code in ("unknown_code", "other_program", "cancelled", "waitlisted", "online_only", "not_a_program_day"):
        assert code in operation["description"]
