"""The organisers' page of visa letter requests: who may see it, approving, refusing, the letter."""
import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, VisaLetterRequest
from trainingcenter.registrations.services import visa_letters
from trainingcenter.registrations.services.visa_letters import PassportDetails

pytestmark = pytest.mark.django_db
PASSPORT_NUMBER = "P98765432"
PASSPORT_NAME = "Мухаммад АЛИЕВ"


@pytest.fixture
def program(organiser):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=10, visa_letters_offered=True,
                             title="Lithium-ion Batteries")
    program.organisers.add(organiser)
    return program


@pytest.fixture
def letter(program):
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONSITE, given_name="Muhammad",
                                       family_name="Aliev", email="muhammad@example.org")
    return visa_letters.request_letter(
        registration, PassportDetails(PASSPORT_NAME, "TJ", PASSPORT_NUMBER, dt.date(1985, 11, 2)))


def page_url(program):
    return reverse("staff:visa_letters", kwargs={"slug": program.slug})


def decide_url(letter):
    return reverse("staff:visa_letter_decide", kwargs={"slug": letter.registration.program.slug, "pk": letter.pk})


def pdf_url(letter):
    return reverse("staff:visa_letter_pdf", kwargs={"slug": letter.registration.program.slug, "pk": letter.pk})


def test_organiser_sees_the_requests_with_their_passport_details(client, organiser, program, letter):
    client.force_login(organiser)

    response = client.get(page_url(program))

    assert response.status_code == 200
    html = response.content.decode()
    assert PASSPORT_NAME in html and PASSPORT_NUMBER in html and "Tajikistan" in html
    assert "Muhammad Aliev" in html and "1985-11-02" in html
    assert "1 request waits for your decision." in html
    assert "no-store" in response["Cache-Control"]
    # The overview links to it.
    overview = client.get(reverse("staff:program_registrations", kwargs={"slug": program.slug})).content.decode()
    assert page_url(program) in overview


def test_approve_then_download_the_letter(client, organiser, letter):
    client.force_login(organiser)

    response = client.post(decide_url(letter), {"action": "approve"})

    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == VisaLetterRequest.Status.APPROVED and letter.decided_by == organiser
    assert OutgoingMail.objects.filter(to="muhammad@example.org", tag__endswith="visa_letter_approved").exists()
    page = client.get(response["Location"]).content.decode()
    assert "The letter for Muhammad Aliev is approved" in page
    assert pdf_url(letter) in page
    pdf = client.get(pdf_url(letter))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert "no-store" in pdf["Cache-Control"] and "private" in pdf["Cache-Control"]


def test_refuse_with_a_reason(client, organiser, letter):
    client.force_login(organiser)

    client.post(decide_url(letter), {"action": "refuse", "reason": "Please request it with a valid passport."})

    letter.refresh_from_db()
    assert letter.status == VisaLetterRequest.Status.REFUSED
    assert letter.refusal_reason == "Please request it with a valid passport."
    assert client.get(pdf_url(letter)).status_code == 404
    mail = OutgoingMail.objects.get(to="muhammad@example.org", tag__endswith="visa_letter_refused")
    assert "valid passport" in mail.body_text


def test_an_unknown_decision_changes_nothing(client, organiser, letter):
    client.force_login(organiser)
    client.post(decide_url(letter), {"action": "delete"})
    letter.refresh_from_db()
    assert letter.status == VisaLetterRequest.Status.REQUESTED


def test_decisions_need_post(client, organiser, letter):
    client.force_login(organiser)
    assert client.get(decide_url(letter)).status_code == 405


def test_staff_of_another_program_can_neither_see_nor_decide(client, letter):
    other = StaffUserFactory(username="other-organiser", role=PROGRAM_ORGANISER)
    ProgramFactory().organisers.add(other)
    client.force_login(other)

    assert client.get(page_url(letter.registration.program)).status_code == 404
    assert client.post(decide_url(letter), {"action": "approve"}).status_code == 404
    assert client.get(pdf_url(letter)).status_code == 404
    letter.refresh_from_db()
    assert letter.status == VisaLetterRequest.Status.REQUESTED


def test_a_letter_of_another_program_is_not_reached_through_ones_own(client, organiser, program, letter):
    elsewhere = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=3, visa_letters_offered=True)
    foreign = visa_letters.request_letter(
        RegistrationFactory(program=elsewhere, mode=Registration.Mode.ONSITE),
        PassportDetails("Other PERSON", "PK", "AB1234567", dt.date(1980, 1, 1)))
    client.force_login(organiser)
    url = reverse("staff:visa_letter_decide", kwargs={"slug": program.slug, "pk": foreign.pk})
    assert client.post(url, {"action": "approve"}).status_code == 404


def test_checkin_staff_may_not_see_passport_details(client, program, letter):
    checkin = StaffUserFactory(username="checkin-desk", role=CHECKIN_STAFF)
    program.organisers.add(checkin)
    client.force_login(checkin)
    assert client.get(page_url(program)).status_code == 403
    assert client.get(pdf_url(letter)).status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, program):
    response = client.get(page_url(program))
    assert response.status_code == 302 and "login" in response["Location"]


def test_erased_details_are_no_longer_shown(client, organiser, program, letter):
    visa_letters.erase_passport_details(letter)
    client.force_login(organiser)
    html = client.get(page_url(program)).content.decode()
    assert PASSPORT_NUMBER not in html and PASSPORT_NAME not in html
    assert "Deleted on" in html
