"""The organisers' attendance pages: upload a Zoom report, link the people not matched, decide, export."""
import csv
import io

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import ProgramFactory, RegistrationFactory, ZoomMeetingFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.attendance import beijing, finished_program, meeting_report
from tests.worker import run_tasks
from trainingcenter.attendance.models import AttendanceOverride, ZoomAttendee, ZoomFetch, ZoomInterval, ZoomReport
from trainingcenter.attendance.services import zoom_import
from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF
from trainingcenter.registrations.models import RegistrationEvent

pytestmark = pytest.mark.django_db


def url(name, program, **kwargs):
    return reverse(f"staff:{name}", kwargs={"slug": program.slug, **kwargs})


@pytest.fixture
def program(organiser):
    program = finished_program()
    program.organisers.add(organiser)
    return program


@pytest.fixture
def signed_in(client, organiser):
    client.force_login(organiser)
    return client


def upload(client, program, data, name="participants_85120001234.csv", **fields):
    body = {"file": SimpleUploadedFile(name, data, "text/csv"), **fields}
    return client.post(url("attendance_import", program), body)


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_upload_imports_and_tells_what_it_found(signed_in, program):
    RegistrationFactory(program=program, email="amina@example.org")
    data = meeting_report([
        ("Amina Karimova", "amina@example.org", beijing(1, 9), beijing(1, 10)),
        ("Amina Karimova", "amina@example.org", beijing(1, 10, 5), beijing(1, 12)),
        ("Unknown Guest", "", beijing(1, 9), beijing(1, 12)),
    ], bom=True)

    response = upload(signed_in, program, data)

    assert response.status_code == 302 and response["Location"] == url("attendance_import", program)
    [message] = said(response)
    assert "Read 3 rows of people connected: 2 matched to registrations, 1 not matched, 0 ignored." in message
    assert "3 connection intervals added." in message
    report = ZoomReport.objects.get(program=program)
    assert (report.name, report.time_zone, report.rows, report.matched) == (
        "participants_85120001234.csv", "Asia/Shanghai", 3, 2,
    )
    page = signed_in.get(url("attendance_import", program)).content.decode()
    assert "participants_85120001234.csv" in page and "1 person not matched" in page


def test_upload_again_says_nothing_changed(signed_in, program):
    data = meeting_report([("Guest", "guest@example.org", beijing(1, 9), beijing(1, 10))])
    upload(signed_in, program, data)

    response = upload(signed_in, program, data)

    assert "was imported before" in said(response)[-1]
    assert ZoomReport.objects.count() == 1 and ZoomInterval.objects.count() == 1


def test_the_time_zone_select_defaults_to_the_programs_and_is_used(signed_in, program):
    page = signed_in.get(url("attendance_import", program)).content.decode()
    assert '<option value="Asia/Shanghai" selected>' in page

    upload(signed_in, program, meeting_report([("Guest", "", beijing(1, 9), beijing(1, 10))]),
           time_zone="Europe/Moscow")

    assert ZoomReport.objects.get().time_zone == "Europe/Moscow"


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "The file is empty."),
        (b"Title,Author\nDune,Herbert\n", "This is not a Zoom participant report"),
        (b"PK\x03\x04\x14\x00\x06\x00", "spreadsheet"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "This is not a text file"),
        ("Name (Original Name),User Email,Join Time,Leave Time\nŞahin,,06/08/2026 09:00 AM,06/08/2026 10:00 AM\n"
         .encode("cp1254"), "UTF-8"),
    ],
)
def test_a_refused_file_is_shown_on_the_form_and_imports_nothing(signed_in, program, data, words):
    response = upload(signed_in, program, data)

    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors["file"])
    assert not ZoomReport.objects.exists() and not ZoomAttendee.objects.exists()


def test_a_too_large_file_is_refused_while_it_arrives(signed_in, program, monkeypatch):
    from trainingcenter.attendance import uploads

    monkeypatch.setattr(uploads, "MAX_FILE_BYTES", 1000)
    data = meeting_report([(f"Guest {n}", "", beijing(1, 9), beijing(1, 10)) for n in range(50)])

    response = upload(signed_in, program, data)

    assert response.status_code == 200
    assert "larger than 20 MB" in " ".join(response.context["form"].errors["file"])
    assert not ZoomReport.objects.exists()


def test_errors_are_in_the_users_language(signed_in, program):
    response = signed_in.post(
        url("attendance_import", program).replace("/en/", "/ru/", 1),
        {"file": SimpleUploadedFile("empty.csv", b"", "text/csv")},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert 'lang="ru"' in response.content.decode()


def test_results_show_minutes_days_and_the_reason(signed_in, program):
    amina = RegistrationFactory(program=program, email="amina@example.org", given_name="Amina", family_name="Karimova")
    RegistrationFactory(program=program, email="bolat@example.org", given_name="Bolat", family_name="Sadykov")
    zoom_import.import_zoom_report(program, meeting_report([
        ("Amina", "amina@example.org", beijing(1, 9), beijing(1, 12)),
        ("Amina", "amina@example.org", beijing(2, 9), beijing(2, 11, 12)),
    ]))

    response = signed_in.get(url("attendance", program))

    assert response.status_code == 200
    page = response.content.decode()
    assert "attended 312 of 360 minutes (86%; 75% needed)" in page
    assert "attended 0 of 360 minutes" in page
    assert "<strong>1</strong> of 2 confirmed participants attended." in page
    assert f'id="r-{amina.pk}"' in page
    filtered = signed_in.get(url("attendance", program), {"result": "not_attended"}).context["page"].object_list
    assert [result.email for result in filtered] == ["bolat@example.org"]
    assert [r.email for r in signed_in.get(url("attendance", program), {"q": "karim"}).context["page"].object_list] == [
        "amina@example.org"
    ]


def test_before_the_program_ends_nobody_is_told_they_did_not_attend(signed_in, organiser):
    upcoming = ProgramFactory()  # starts in a month
    upcoming.organisers.add(organiser)
    RegistrationFactory(program=upcoming, given_name="Dana")

    page = signed_in.get(url("attendance", upcoming)).content.decode()

    assert "The program has not started yet" in page
    assert "Not yet" in page and "Did not attend</span>" not in page


def test_after_the_program_ends_the_result_is_final(signed_in, program):
    RegistrationFactory(program=program, given_name="Bolat")

    page = signed_in.get(url("attendance", program)).content.decode()

    assert "Did not attend</span>" in page
    assert "Not yet" not in page and "has not started" not in page


def test_the_overview_links_to_attendance(signed_in, program):
    page = signed_in.get(url("program_registrations", program)).content.decode()
    assert url("attendance", program) in page


def test_an_organiser_decides_with_a_reason_kept_in_the_history(signed_in, program, organiser):
    bolat = RegistrationFactory(program=program, given_name="Bolat", family_name="Sadykov")
    back = url("attendance", program) + "?result=not_attended"

    response = signed_in.post(url("attendance_decide", program, registration_id=bolat.pk),
                              {"decision": "attended", "reason": "Watched together with Amina", "next": back})

    assert response.status_code == 302 and response["Location"] == back + f"#r-{bolat.pk}"
    assert AttendanceOverride.objects.get(registration=bolat).attended
    event = RegistrationEvent.objects.get(registration=bolat, action=RegistrationEvent.Action.ATTENDANCE_DECIDED)
    assert (event.actor, event.note) == (organiser, "Attended: Watched together with Amina")
    page = signed_in.get(url("attendance", program)).content.decode()
    assert "decided by an organiser: Watched together with Amina" in page
    assert "The rule says: did not attend" in page

    signed_in.post(url("attendance_decide", program, registration_id=bolat.pk), {"decision": "rule", "reason": ""})
    assert not AttendanceOverride.objects.exists()


def test_a_decision_without_a_reason_is_refused(signed_in, program):
    bolat = RegistrationFactory(program=program)
    response = signed_in.post(url("attendance_decide", program, registration_id=bolat.pk),
                              {"decision": "attended", "reason": "  "})
    assert "Please give a reason" in said(response)[0]
    assert not AttendanceOverride.objects.exists()


def test_an_outside_next_address_is_not_followed(signed_in, program):
    bolat = RegistrationFactory(program=program)
    response = signed_in.post(url("attendance_decide", program, registration_id=bolat.pk),
                              {"decision": "attended", "reason": "Seen", "next": "https://evil.example/"})
    assert response["Location"].startswith(url("attendance", program))


def test_unmatched_people_are_listed_with_suggestions_and_can_be_linked_or_ignored(signed_in, program):
    amina = RegistrationFactory(program=program, email="a.karimova@gov.example", given_name="Amina",
                                family_name="Karimova")
    zoom_import.import_zoom_report(program, meeting_report([
        ("Amina's iPhone", "", beijing(1, 9), beijing(1, 12)),
        ("Zoom Room 3", "", beijing(1, 9), beijing(1, 12)),
    ]))
    iphone = ZoomAttendee.objects.get(display_name="Amina's iPhone")
    room = ZoomAttendee.objects.get(display_name="Zoom Room 3")

    response = signed_in.get(url("attendance_people", program))

    rows = {row["attendee"].pk: row for row in response.context["unmatched_rows"]}
    assert rows[iphone.pk]["suggested"] == [amina]
    assert rows[iphone.pk]["minutes"] == 180
    page = response.content.decode()
    assert "2 people not matched to a registration" in page
    assert 'list="tc-registrations"' in page

    signed_in.post(url("attendance_person", program, pk=iphone.pk), {"action": "link", "registration": amina.pk})
    signed_in.post(url("attendance_person", program, pk=room.pk), {"action": "ignore"})

    iphone.refresh_from_db()
    room.refresh_from_db()
    assert (iphone.registration, iphone.matched_by) == (amina, "organiser")
    assert room.ignored
    assert signed_in.get(url("attendance_people", program)).context["page"].paginator.count == 0
    # Kept for the next day's report.
    result = zoom_import.import_zoom_report(program, meeting_report([
        ("Amina's iPhone", "", beijing(2, 9), beijing(2, 12)), ("Zoom Room 3", "", beijing(2, 9), beijing(2, 12)),
    ]))
    assert (result.matched, result.ignored, result.unmatched) == (1, 1, 0)

    signed_in.post(url("attendance_person", program, pk=room.pk), {"action": "reset"})
    room.refresh_from_db()
    assert not room.ignored and room.registration is None


def test_linking_by_email_and_only_to_this_programs_registrations(signed_in, program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    stranger = RegistrationFactory(email="stranger@example.org")  # another program
    zoom_import.import_zoom_report(program, meeting_report([("Laptop", "", beijing(1, 9), beijing(1, 12))]))
    laptop = ZoomAttendee.objects.get()

    response = signed_in.post(url("attendance_person", program, pk=laptop.pk),
                              {"action": "link", "registration": stranger.pk})
    assert "Please choose a registration of this program" in said(response)[0]
    signed_in.post(url("attendance_person", program, pk=laptop.pk), {"action": "link", "email": "AMINA@example.org"})

    laptop.refresh_from_db()
    assert laptop.registration == amina


def test_a_report_can_be_taken_back(signed_in, program):
    zoom_import.import_zoom_report(program, meeting_report([("Guest", "", beijing(1, 9), beijing(1, 12))]))
    report = ZoomReport.objects.get()

    asked = signed_in.post(url("attendance_remove_report", program, pk=report.pk))
    assert asked.status_code == 200 and "1 connection interval will be removed" in asked.content.decode()
    assert ZoomReport.objects.exists()

    signed_in.post(url("attendance_remove_report", program, pk=report.pk), {"confirm": "1"})

    assert not ZoomReport.objects.exists() and not ZoomInterval.objects.exists()
    assert ZoomAttendee.objects.exists()  # the person and any choice about them stay


def test_fetch_from_zoom_is_offered_for_zoom_programs_and_runs_in_the_background(signed_in, program, fake_zoom):
    assert "Fetch the reports from Zoom" not in signed_in.get(url("attendance_import", program)).content.decode()
    ZoomMeetingFactory(program=program, zoom_id="851 2000 1234")
    amina = RegistrationFactory(program=program, zoom_registrant_id="reg-amina")
    fake_zoom.add_instance("meetings", "85120001234", "day1==", "2026-06-08T00:55:00Z", [
        {"name": "Amina", "user_email": "", "registrant_id": "reg-amina",
         "join_time": "2026-06-08T01:00:00Z", "leave_time": "2026-06-08T04:00:00Z"},
    ])
    assert "Fetch the reports from Zoom" in signed_in.get(url("attendance_import", program)).content.decode()

    response = signed_in.post(url("attendance_fetch", program))
    assert response.status_code == 302
    assert "reload this page" in said(response)[0]
    assert "Reload this page in a minute" in signed_in.get(url("attendance_import", program)).content.decode()
    run_tasks()

    assert ZoomFetch.objects.get().status == ZoomFetch.Status.DONE
    assert ZoomAttendee.objects.get().registration == amina
    assert "1 new report, 1 rows read" in signed_in.get(url("attendance_import", program)).content.decode()


def test_csv_export_is_safe_against_formulas(signed_in, program):
    RegistrationFactory(program=program, given_name="=HYPERLINK(\"https://evil.example\")", family_name="X",
                        email="amina@example.org")
    zoom_import.import_zoom_report(program, meeting_report([("A", "amina@example.org", beijing(1, 9), beijing(1, 12))]))

    response = signed_in.get(url("attendance_export", program))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Name", "E-mail", "Attendance mode", "Online minutes"]
    assert rows[1][0].startswith("'=HYPERLINK")
    assert rows[1][3:5] == ["180", "360"]
    assert rows[1][8] == "no"


def test_permissions(client, program):
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program.organisers.add(checkin)
    client.force_login(checkin)
    registration = RegistrationFactory(program=program)

    # Check-in staff (view only) see the results and the people, and change nothing.
    assert client.get(url("attendance", program)).status_code == 200
    assert client.get(url("attendance_people", program)).status_code == 200
    assert client.get(url("attendance_import", program)).status_code == 403
    assert client.get(url("attendance_export", program)).status_code == 403
    assert upload(client, program, b"x").status_code == 403
    response = client.post(url("attendance_decide", program, registration_id=registration.pk),
                           {"decision": "attended", "reason": "x"})
    assert response.status_code == 403
    assert "tc-decide" not in client.get(url("attendance", program)).content.decode()


def test_another_programs_pages_are_not_found(client, organiser):
    other = finished_program()
    client.force_login(organiser)
    for name in ("attendance", "attendance_import", "attendance_people", "attendance_export"):
        assert client.get(url(name, other)).status_code == 404, name
    centre_admin = StaffUserFactory(role=CENTRE_ADMIN)
    client.force_login(centre_admin)
    assert client.get(url("attendance", other)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, program):
    response = client.get(url("attendance", program))
    assert response.status_code == 302 and reverse("admin:login") in response["Location"]


def test_the_results_page_costs_the_same_queries_for_more_participants(signed_in, program):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        RegistrationFactory(program=program, email=f"p{n}@example.org")
    zoom_import.import_zoom_report(program, meeting_report([("P", "p0@example.org", beijing(1, 9), beijing(1, 12))]))
    signed_in.get(url("attendance", program))  # sessions and caches warm
    with CaptureQueriesContext(connection) as few:
        signed_in.get(url("attendance", program))
    for n in range(3, 30):
        RegistrationFactory(program=program, email=f"p{n}@example.org")
    zoom_import.import_zoom_report(program, meeting_report(
        [(f"P{n}", f"p{n}@example.org", beijing(2, 9), beijing(2, 12)) for n in range(30)]
    ))

    with CaptureQueriesContext(connection) as many:
        response = signed_in.get(url("attendance", program))

    assert response.status_code == 200
    assert len(many) == len(few)


def test_a_match_by_name_can_be_refused_and_is_then_listed_to_link(signed_in, program):
    namesake = RegistrationFactory(program=program, given_name="Wei", family_name="Wang")
    zoom_import.import_zoom_report(program, meeting_report([("Wang Wei", "", beijing(1, 9), beijing(1, 12))]))
    person = ZoomAttendee.objects.get()
    page = signed_in.get(url("attendance_people", program))
    assert [row["attendee"] for row in page.context["by_name_rows"]] == [person]
    assert "Not this person" in page.content.decode()

    signed_in.post(url("attendance_person", program, pk=person.pk), {"action": "unlink"})

    person.refresh_from_db()
    assert person.registration is None and person.matched_by == "organiser"
    page = signed_in.get(url("attendance_people", program))
    assert [row["attendee"] for row in page.context["unmatched_rows"]] == [person]
    assert not page.context["by_name_rows"] and not page.context["chosen_rows"]
    assert namesake.zoom_attendees.count() == 0
