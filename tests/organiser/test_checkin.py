"""The check-in pages: who may open them, scanning and searching over JSON with CSRF, the live list, undo, badges."""
import datetime as dt
import io
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.attendance.models import CheckIn
from trainingcenter.attendance.services import checkins
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, RegistrationEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    """A hybrid program running now (started two hours ago, ends tomorrow)."""
    now = timezone.now().replace(microsecond=0)
    return ProgramFactory(
        title="Industrial Decarbonization", mode=Program.Mode.HYBRID, capacity_onsite=50, status=Program.Status.RUNNING,
        starts=now - dt.timedelta(hours=2), ends=now + dt.timedelta(hours=30),
        registration_closes=now - dt.timedelta(days=1), registration_opens=now - dt.timedelta(days=20),
    )


@pytest.fixture
def guest(program):
    return RegistrationFactory(program=program, mode="onsite", given_name="Nodira", family_name="Yusupova",
                               organization="Tashkent Energy Institute")


def url(name, program, **kwargs):
    return reverse(f"staff:{name}", kwargs={"slug": program.slug, **kwargs})


def scan(client, program, code, **extra):
    body = {"code": code, **extra}
    return client.post(url("checkin_scan", program), json.dumps(body), content_type="application/json")


def test_check_in_staff_open_the_page_scan_and_search(client, checkin_staff, program, guest):
    program.organisers.add(checkin_staff)
    client.force_login(checkin_staff)

    page = client.get(url("checkin", program))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Scan with the camera" in html
    assert 'id="checkin-config"' in html and "organiser/checkin.js" in html
    assert page["Cache-Control"].startswith("max-age=0") or "no-cache" in page["Cache-Control"]

    answer = scan(client, program, guest.checkin_code, client_key="phone:1")
    assert answer.status_code == 200
    body = answer.json()
    assert (body["status"], body["tone"], body["message"]) == ("checked_in", "success", "Checked in: Nodira Yusupova")
    assert body["counts"] == {"checked_in": 1, "expected": 1}
    assert CheckIn.objects.get().checked_in_by == checkin_staff

    found = client.get(url("checkin_search", program), {"q": "yusupova"}).json()
    [person] = found["results"]
    assert person["name"] == "Nodira Yusupova"
    assert person["code"] == guest.checkin_code
    assert person["checked_in_time"] == body["time"]
    assert found["counts"] == {"checked_in": 1, "expected": 1}


def test_every_answer_is_distinct_on_the_page(client, checkin_staff, program, guest):
    program.organisers.add(checkin_staff)
    client.force_login(checkin_staff)
    other = RegistrationFactory(mode="onsite", program=ProgramFactory(title="Another Program"))
    waiting = RegistrationFactory(program=program, mode="onsite", status=Registration.Status.WAITLISTED)
    cancelled = RegistrationFactory(program=program, mode="onsite", status=Registration.Status.CANCELLED)
    scan(client, program, guest.checkin_code)

    answers = {
        code: scan(client, program, code).json()
        for code in (guest.checkin_code, other.checkin_code, waiting.checkin_code, cancelled.checkin_code, "NOPE")
    }

    assert [(a["status"], a["tone"]) for a in answers.values()] == [
        ("already_checked_in", "warning"), ("other_program", "error"), ("waitlisted", "error"),
        ("cancelled", "error"), ("unknown_code", "error"),
    ]
    assert answers[guest.checkin_code]["message"].startswith("Already checked in at ")
    assert answers[other.checkin_code]["other_program"]["title"] == "Another Program"
    assert CheckIn.objects.count() == 1


def test_the_scan_endpoint_needs_the_csrf_token(checkin_staff, program, guest):
    program.organisers.add(checkin_staff)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(checkin_staff)
    browser.get(url("checkin", program))
    token = browser.cookies["csrftoken"].value

    refused = scan(browser, program, guest.checkin_code)
    assert refused.status_code == 403
    assert not CheckIn.objects.exists()

    accepted = browser.post(
        url("checkin_scan", program), json.dumps({"code": guest.checkin_code}), content_type="application/json",
        headers={"X-CSRFToken": token},
    )
    assert accepted.status_code == 200
    assert CheckIn.objects.count() == 1


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"code": 5}', '{"code": "X", "day": "10/05/2031"}',
                                  json.dumps({"code": "X" * 3000})])
def test_a_request_that_is_not_a_scan_gets_a_json_400(client, checkin_staff, program, body):
    program.organisers.add(checkin_staff)
    client.force_login(checkin_staff)

    response = client.post(url("checkin_scan", program), body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["error"]["code"] in {"invalid", "malformed"}


def test_other_programs_are_404_and_anonymous_visitors_are_sent_to_sign_in(client, checkin_staff, program, guest):
    elsewhere = ProgramFactory()
    elsewhere.organisers.add(checkin_staff)  # assigned to another program only
    client.force_login(checkin_staff)

    for name in ("checkin", "checkin_search", "checkin_list", "program_badges"):
        assert client.get(url(name, program)).status_code == 404, name
    assert scan(client, program, guest.checkin_code).status_code == 404
    assert not CheckIn.objects.exists()

    client.logout()
    for name in ("checkin", "checkin_list"):
        response = client.get(url(name, program))
        assert response.status_code == 302
        assert response["Location"].startswith("/en/admin/login/")
    assert scan(client, program, guest.checkin_code).status_code == 302
    assert not CheckIn.objects.exists()


def test_staff_without_the_check_in_permission_are_refused(client, program, guest):
    bare = StaffUserFactory(username="no-role")
    program.organisers.add(bare)
    client.force_login(bare)

    assert client.get(url("checkin", program)).status_code == 403
    assert scan(client, program, guest.checkin_code).status_code == 403


def test_the_live_list_shows_who_is_here_with_counts_and_refreshes_its_part(client, organiser, program, guest):
    program.organisers.add(organiser)
    missing = RegistrationFactory(program=program, mode="onsite", given_name="Timur", family_name="Rakhimov")
    RegistrationFactory(program=program, mode="online", given_name="Online", family_name="Person")
    checkins.check_in(program, guest.checkin_code, actor=organiser)
    client.force_login(organiser)

    page = client.get(url("checkin_list", program))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Nodira Yusupova" in html and "Tashkent Energy Institute" in html
    assert "of 2 expected onsite" in html
    assert "Not checked in yet: 1" in html and missing.full_name in html
    assert "Online Person" not in html
    assert "organiser/checkin-list.js" in html
    live = client.get(url("checkin_list", program), {"live": "1"})
    assert live.status_code == 200
    fragment = live.content.decode()
    assert "<html" not in fragment and "Nodira Yusupova" in fragment
    # A second check-in shows on the next refresh.
    checkins.check_in(program, missing.checkin_code)
    assert "Not checked in yet: 0" in client.get(url("checkin_list", program), {"live": "1"}).content.decode()


def test_organisers_undo_a_check_in_after_confirming_and_the_history_keeps_both(client, organiser, program, guest):
    program.organisers.add(organiser)
    outcome = checkins.check_in(program, guest.checkin_code, actor=organiser)
    client.force_login(organiser)
    undo = url("checkin_undo", program, pk=outcome.check_in.pk)

    confirm = client.get(undo)
    assert confirm.status_code == 200
    assert "Undo the check-in of <strong>Nodira Yusupova</strong>" in confirm.content.decode()
    assert CheckIn.objects.exists()  # asking changes nothing

    response = client.post(undo)
    assert response.status_code == 302
    assert not CheckIn.objects.exists()
    about_check_in = [RegistrationEvent.Action.CHECKED_IN, RegistrationEvent.Action.CHECK_IN_UNDONE]
    actions = list(guest.events.filter(action__in=about_check_in).values_list("action", "actor"))
    assert actions == [(RegistrationEvent.Action.CHECKED_IN, organiser.pk),
                       (RegistrationEvent.Action.CHECK_IN_UNDONE, organiser.pk)]
    assert client.post(undo).status_code == 404  # gone


def test_check_in_staff_may_not_undo(client, checkin_staff, program, guest):
    program.organisers.add(checkin_staff)
    outcome = checkins.check_in(program, guest.checkin_code)
    client.force_login(checkin_staff)

    assert client.get(url("checkin_list", program)).status_code == 200
    assert client.post(url("checkin_undo", program, pk=outcome.check_in.pk)).status_code == 403
    assert CheckIn.objects.exists()


def test_a_check_in_of_another_program_cannot_be_undone_through_this_one(client, organiser, program):
    program.organisers.add(organiser)
    other = ProgramFactory(mode=Program.Mode.ONSITE, starts=program.starts, ends=program.ends,
                           registration_opens=None, registration_closes=None)
    outcome = checkins.check_in(other, RegistrationFactory(program=other, mode="onsite").checkin_code)
    assert outcome.status == "checked_in"
    client.force_login(organiser)

    assert client.post(url("checkin_undo", program, pk=outcome.check_in.pk)).status_code == 404
    assert CheckIn.objects.exists()


def test_organisers_download_every_confirmed_onsite_badge_in_one_pdf(client, organiser, program, guest):
    program.organisers.add(organiser)
    RegistrationFactory(program=program, mode="onsite", given_name="Лейла", family_name="Алиева")
    RegistrationFactory(program=program, mode="online", given_name="Online", family_name="Only")
    client.force_login(organiser)

    response = client.get(url("program_badges", program))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="badges-{program.slug}.pdf"'
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1  # two badges on one A4 sheet
    text = reader.pages[0].extract_text()
    assert "Nodira" in text and "Лейла" in text and "Online" not in text


def test_no_badges_to_print_says_so(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    client.force_login(organiser)

    response = client.get(url("program_badges", program), follow=True)

    assert response.redirect_chain[-1][0] == url("program_registrations", program)
    assert "No confirmed onsite participants yet" in response.content.decode()


def test_the_overview_links_to_the_check_in_pages(client, organiser, program):
    program.organisers.add(organiser)
    client.force_login(organiser)

    html = client.get(url("program_registrations", program)).content.decode()

    for name in ("checkin", "checkin_list", "program_badges"):
        assert url(name, program) in html


def test_roles_hold_the_check_in_permissions(checkin_staff, organiser, centre_admin):
    assert checkin_staff.has_perms(["attendance.add_checkin", "attendance.view_checkin"])
    assert not checkin_staff.has_perm("attendance.delete_checkin")
    assert organiser.has_perms(["attendance.add_checkin", "attendance.view_checkin", "attendance.delete_checkin"])
    assert centre_admin.has_perms(["attendance.add_checkin", "attendance.delete_checkin"])
    assert StaffUserFactory(username="plain-organiser", role=PROGRAM_ORGANISER).has_perm("attendance.add_checkin")
