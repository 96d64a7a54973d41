"""The attendance API's contract: POST .../attendance/zoom-report (multipart) and GET .../attendance."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.api.conftest import error_of
from tests.factories import RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.attendance import DAY_ONE, CheckInFactory, beijing, finished_program, meeting_report
from trainingcenter.attendance.models import ZoomAttendee, ZoomInterval, ZoomReport
from trainingcenter.attendance.services import decisions
from trainingcenter.center.roles import CHECKIN_STAFF
from trainingcenter.center.services import create_api_token
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.django_db


@pytest.fixture
def program(organiser):
    program = finished_program(slug="low-carbon-2026", mode=Program.Mode.HYBRID)
    program.organisers.add(organiser)
    return program


def report_url(program):
    return f"/api/programs/{program.slug}/attendance/zoom-report"


def post_report(client, token, program, data, name="participants.csv", **fields):
    body = {"file": SimpleUploadedFile(name, data, "text/csv"), **fields}
    return client.post(report_url(program), body, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def token(organiser):
    return create_api_token(organiser, name="test")


def test_upload_answers_rows_matched_and_unmatched(client, token, program):
    RegistrationFactory(program=program, email="amina@example.org")
    data = meeting_report([
        ("Amina Karimova", "amina@example.org", beijing(1, 9), beijing(1, 10)),
        ("Amina Karimova", "amina@example.org", beijing(1, 10), beijing(1, 12)),
        ("Guest", "", beijing(1, 9), beijing(1, 12)),
    ], bom=True)

    response = post_report(client, token, program, data)

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["rows"], body["matched"], body["unmatched"]) == (3, 2, 1)
    assert body["already_imported"] is False and body["intervals_stored"] == 3
    assert body["time_zone"] == "Asia/Shanghai"
    assert ZoomReport.objects.get(pk=body["report_id"]).name == "participants.csv"

    again = post_report(client, token, program, data)
    assert again.status_code == 200
    assert again.json()["already_imported"] is True
    assert (again.json()["rows"], again.json()["matched"], again.json()["unmatched"]) == (3, 2, 1)
    assert ZoomInterval.objects.count() == 3


def test_the_time_zone_field_is_used_and_checked(client, token, program):
    data = meeting_report([("Guest", "", beijing(1, 9), beijing(1, 12))])

    assert post_report(client, token, program, data, time_zone="Europe/Moscow").json()["time_zone"] == "Europe/Moscow"
    response = post_report(client, token, program, data, time_zone="Mars/Olympus")
    assert response.status_code == 400
    assert "time_zone" in error_of(response)["fields"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"Title,Author\nDune,Herbert\n", "not_a_report"),
        (b"\x00\x01\x02binary\xff\xfe", "binary"),
        (b"PK\x03\x04\x14\x00", "spreadsheet"),
        ("Name (Original Name),User Email,Join Time,Leave Time\nŞahin,,06/08/2026 09:00 AM,06/08/2026 10:00 AM\n"
         .encode("cp1254"), "not_utf8"),
        (b"Name (Original Name),User Email,Join Time,Leave Time\nAmina,,soon,later\n", "bad_time"),
    ],
)
def test_a_refused_file_answers_422_with_the_error_shape_and_imports_nothing(client, token, program, data, reason):
    response = post_report(client, token, program, data)

    assert response.status_code == 422
    error = error_of(response)
    assert error["code"] == "invalid_report" and error["reason"] == reason
    assert error["message"] and error["fields"]["file"] == [error["message"]]
    assert not ZoomReport.objects.exists() and not ZoomAttendee.objects.exists()


def test_a_missing_file_answers_400(client, token, program):
    response = client.post(report_url(program), {"time_zone": "UTC"}, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert "file" in error_of(response)["fields"]


def test_json_instead_of_a_file_answers_400(client, token, program):
    response = client.post(report_url(program), {"file": "a,b"}, content_type="application/json",
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400


def test_a_too_large_request_answers_413_before_reading_it(client, token, program, monkeypatch):
    from trainingcenter.api.routers import attendance as router

    monkeypatch.setattr(router, "REQUEST_MAX_BYTES", 2000)
    data = meeting_report([(f"Guest {n}", "", beijing(1, 9), beijing(1, 10)) for n in range(100)])

    response = post_report(client, token, program, data)

    assert response.status_code == 413
    assert error_of(response)["code"] == "too_large"
    assert not ZoomReport.objects.exists()


def test_a_too_large_file_within_the_request_limit_answers_422(client, token, program, monkeypatch):
    from trainingcenter.attendance import uploads

    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    data = meeting_report([(f"Guest {n}", "", beijing(1, 9), beijing(1, 10)) for n in range(100)])

    response = post_report(client, token, program, data)

    assert response.status_code == 422
    assert error_of(response)["reason"] == "too_large"


def test_errors_are_in_the_requests_language(client, token, program):
    response = client.post(
        report_url(program), {"file": SimpleUploadedFile("x.csv", b"", "text/csv")},
        headers={"Authorization": f"Bearer {token}", "Accept-Language": "ru"},
    )
    assert response.status_code == 422
    assert error_of(response)["message"]


def test_upload_needs_a_token_the_change_permission_and_a_managed_program(client, program):
    data = meeting_report([("Guest", "", beijing(1, 9), beijing(1, 12))])
    assert client.post(report_url(program), {"file": SimpleUploadedFile("a.csv", data)}).status_code == 401
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program.organisers.add(checkin)
    assert post_report(client, create_api_token(checkin, name="t"), program, data).status_code == 403
    other = finished_program()
    organiser_token = create_api_token(program.organisers.exclude(pk=checkin.pk).get(), name="t2")
    assert post_report(client, organiser_token, other, data).status_code == 403
    missing = client.post("/api/programs/no-such-program/attendance/zoom-report",
                          {"file": SimpleUploadedFile("a.csv", data)},
                          headers={"Authorization": f"Bearer {organiser_token}"})
    assert missing.status_code == 404
    assert not ZoomReport.objects.exists()


def test_list_answers_count_and_items_after_overrides(client, token, program, organiser):
    online = RegistrationFactory(program=program, email="online@example.org", mode="online")
    onsite = RegistrationFactory(program=program, email="onsite@example.org", mode="onsite")
    decided = RegistrationFactory(program=program, email="decided@example.org", mode="online")
    post_report(client, token, program, meeting_report([
        ("Online", "online@example.org", beijing(1, 9), beijing(1, 12)),
        ("Online", "online@example.org", beijing(2, 9), beijing(2, 11)),
    ]))
    CheckInFactory(registration=onsite, day=DAY_ONE.date())
    decisions.decide_attendance(decided, attended=True, reason="Followed the recording", actor=organiser)

    response = client.get(f"/api/programs/{program.slug}/attendance", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    items = {item["email"]: item for item in body["items"]}
    assert items["online@example.org"] == {
        **items["online@example.org"],
        "mode": "online", "online_minutes": 300, "scheduled_minutes": 360, "days_present": 0, "attended": True,
        "reason": "attended 300 of 360 minutes (83%; 75% needed)", "overridden": False,
    }
    assert items["online@example.org"]["registration_id"] == online.pk
    assert (items["onsite@example.org"]["days_present"], items["onsite@example.org"]["attended"]) == (1, False)
    assert items["onsite@example.org"]["reason"] == "checked in on 1 of 2 days (2 needed)"
    assert (items["decided@example.org"]["attended"], items["decided@example.org"]["computed"]) == (True, False)
    assert items["decided@example.org"]["override_reason"] == "Followed the recording"
    assert (body["threshold_percent"], body["scheduled_minutes"], body["required_days"]) == (75, 360, 2)

    attended = client.get(f"/api/programs/{program.slug}/attendance", {"attended": "true", "limit": 1},
                          headers={"Authorization": f"Bearer {token}"}).json()
    assert attended["count"] == 2 and len(attended["items"]) == 1


def test_list_needs_the_view_permission(client, program):
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program.organisers.add(checkin)
    url = f"/api/programs/{program.slug}/attendance"
    assert client.get(url).status_code == 401
    headers = {"Authorization": f"Bearer {create_api_token(checkin, name='t')}"}
    assert client.get(url, headers=headers).status_code == 200


def test_both_operations_are_documented(client):
    schema = client.get("/api/openapi.json").json()
    upload = schema["paths"]["/api/programs/{slug}/attendance/zoom-report"]["post"]
    assert set(upload["responses"]) >= {"200", "400", "401", "403", "404", "413", "422", "503"}
    form = upload["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"]["format"] == "binary" and form["required"] == ["file"]
    listing = schema["paths"]["/api/programs/{slug}/attendance"]["get"]
    assert set(listing["responses"]) >= {"200", "400", "401", "403", "404", "503"}
