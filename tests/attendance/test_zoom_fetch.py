"""Fetching a program's participant reports through Zoom's report API, in the background, against the fake Zoom."""
import pytest

from tests.factories import RegistrationFactory, ZoomMeetingFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.attendance import finished_program
from tests.worker import run_tasks
from trainingcenter.attendance import rules
from trainingcenter.attendance.models import ZoomFetch, ZoomReport
from trainingcenter.attendance.services import zoom_fetch
from trainingcenter.center.roles import PROGRAM_ORGANISER

pytestmark = pytest.mark.django_db
ZOOM_ID = "85120001234"


@pytest.fixture
def program():
    program = finished_program()
    ZoomMeetingFactory(program=program, zoom_id="851 2000 1234")
    return program


def joined(name, email, registrant_id, start, end):
    return {"id": name, "name": name, "user_email": email, "registrant_id": registrant_id,
            "join_time": start, "leave_time": end, "status": "in_meeting"}


def day_one_rows(count=1):
    rows = [joined("Amina Karimova", "", "reg-amina", "2026-06-08T01:00:00Z", "2026-06-08T02:00:00Z"),
            joined("Amina phone", "", "reg-amina", "2026-06-08T01:30:00Z", "2026-06-08T04:00:00Z")]
    rows += [joined(f"Guest {n}", f"guest{n}@example.org", "", "2026-06-08T01:00:00Z", "2026-06-08T02:00:00Z")
             for n in range(count)]
    return rows


def minutes(program, registration):
    return {r.registration_id: r for r in rules.program_results(program)}[registration.pk].online_minutes


def test_fetch_imports_each_occurrence_during_the_program_page_by_page(program, fake_zoom):
    amina = RegistrationFactory(program=program, zoom_registrant_id="reg-amina", email="amina@example.org")
    fake_zoom.add_instance("meetings", ZOOM_ID, "day1+uuid==", "2026-06-08T00:55:00Z", day_one_rows(count=400))
    fake_zoom.add_instance("meetings", ZOOM_ID, "/day2//uuid==", "2026-06-09T00:55:00Z", [
        joined("Amina Karimova", "", "reg-amina", "2026-06-09T01:00:00Z", "2026-06-09T03:00:00Z"),
    ])
    # A rehearsal a month before: not part of the program.
    fake_zoom.add_instance("meetings", ZOOM_ID, "rehearsal==", "2026-05-08T00:55:00Z", day_one_rows())
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)

    fetch = zoom_fetch.request_fetch(program, actor=organiser)
    assert fetch.status == ZoomFetch.Status.QUEUED
    run_tasks()

    fetch.refresh_from_db()
    assert (fetch.status, fetch.reports, fetch.rows) == (ZoomFetch.Status.DONE, 2, 403)
    assert fetch.finished_at is not None
    reports = ZoomReport.objects.filter(program=program).order_by("name")
    assert [report.source for report in reports] == ["api", "api"]
    assert reports[0].name == "Zoom meeting 85120001234, 2026-06-08 08:55"
    assert reports[0].imported_by == organiser
    # Registrant ids matched her; two devices on day one count once: 01:00-04:00 UTC is the whole session.
    assert minutes(program, amina) == 180 + 120
    assert len(fake_zoom.requests_to("GET", "/v2/report/meetings/day1%2Buuid%3D%3D/participants")) == 2
    assert not fake_zoom.requests_to("GET", "rehearsal")


def test_fetching_again_imports_nothing_twice(program, fake_zoom):
    RegistrationFactory(program=program, zoom_registrant_id="reg-amina")
    fake_zoom.add_instance("meetings", ZOOM_ID, "day1==", "2026-06-08T00:55:00Z", day_one_rows())
    zoom_fetch.request_fetch(program)
    run_tasks()

    second = zoom_fetch.request_fetch(program)
    run_tasks()

    second.refresh_from_db()
    assert (second.status, second.reports, second.rows) == (ZoomFetch.Status.DONE, 0, 3)
    assert ZoomReport.objects.filter(program=program).count() == 1


def test_a_task_run_twice_changes_nothing(program, fake_zoom):
    fake_zoom.add_instance("meetings", ZOOM_ID, "day1==", "2026-06-08T00:55:00Z", day_one_rows())
    fetch = zoom_fetch.request_fetch(program)
    run_tasks()

    assert zoom_fetch.run_fetch(fetch.pk) == "nothing to do"
    assert ZoomReport.objects.count() == 1


def test_a_fetch_under_way_is_not_started_twice(program, fake_zoom):
    first = zoom_fetch.request_fetch(program)
    assert zoom_fetch.request_fetch(program) == first
    assert ZoomFetch.objects.count() == 1


def test_without_listed_occurrences_the_meetings_own_report_is_read(program, fake_zoom):
    amina = RegistrationFactory(program=program, zoom_registrant_id="reg-amina")
    fake_zoom.set_report("meetings", ZOOM_ID, day_one_rows())
    zoom_fetch.request_fetch(program)
    run_tasks()

    assert ZoomFetch.objects.get().status == ZoomFetch.Status.DONE
    assert ZoomReport.objects.get().name == "Zoom meeting 85120001234"
    assert minutes(program, amina) == 180


def test_webinars_use_the_webinar_endpoints(fake_zoom):
    program = finished_program()
    ZoomMeetingFactory(program=program, zoom_kind="webinar", zoom_id="999 1112 2233")
    fake_zoom.add_instance("webinars", "99911122233", "w1==", "2026-06-08T00:55:00Z", day_one_rows())
    zoom_fetch.request_fetch(program)
    run_tasks()

    assert ZoomFetch.objects.get().status == ZoomFetch.Status.DONE
    assert fake_zoom.requests_to("GET", "/v2/past_webinars/99911122233/instances")


def test_zoom_unreachable_retries_later_then_gives_up(program, fake_zoom, tasks):
    fake_zoom.down()
    fetch = zoom_fetch.request_fetch(program)
    tasks.run_due()

    fetch.refresh_from_db()
    assert fetch.status == ZoomFetch.Status.RETRYING
    assert len(tasks.delayed("fetch_zoom_reports")) == 1
    for _attempt in range(zoom_fetch.MAX_ATTEMPTS):
        tasks.bring_forward()
        tasks.run_due()
    fetch.refresh_from_db()
    assert fetch.status == ZoomFetch.Status.FAILED
    assert "gave up" in fetch.message


def test_zoom_back_after_a_retry_imports(program, fake_zoom, tasks):
    fake_zoom.add_instance("meetings", ZOOM_ID, "day1==", "2026-06-08T00:55:00Z", day_one_rows())
    fake_zoom.fail_next(1, status=503)
    fetch = zoom_fetch.request_fetch(program)
    tasks.run_due()
    tasks.bring_forward()
    tasks.run_due()

    fetch.refresh_from_db()
    assert (fetch.status, fetch.reports, fetch.attempts) == (ZoomFetch.Status.DONE, 1, 2)


def test_a_refusal_ends_the_fetch_with_zooms_reason(program, fake_zoom, tasks):
    fake_zoom.add_instance("meetings", ZOOM_ID, "day1==", "2026-06-08T00:55:00Z", day_one_rows())
    fake_zoom.state.failures.append((400, {}, {"code": 200, "message": "Only available for Paid or ZMP account."}))
    fetch = zoom_fetch.request_fetch(program)
    tasks.run_due()

    fetch.refresh_from_db()
    assert fetch.status == ZoomFetch.Status.FAILED
    assert "Only available for Paid" in fetch.message
    assert not tasks.queued()


def test_a_program_without_zoom_cannot_fetch(fake_zoom):
    program = finished_program()
    assert not zoom_fetch.can_fetch(program)
    fetch = zoom_fetch.request_fetch(program)
    run_tasks()
    fetch.refresh_from_db()
    assert fetch.status == ZoomFetch.Status.FAILED


def test_zoom_not_configured_fails_with_a_clear_message(program, settings):
    settings.ZOOM_ACCOUNT_ID = ""
    fetch = zoom_fetch.request_fetch(program)
    run_tasks()
    fetch.refresh_from_db()
    assert fetch.status == ZoomFetch.Status.FAILED
    assert "ZOOM_ACCOUNT_ID" in fetch.message
