"""The participant's page for their own data: visa invitation letter, download of their data, erasure."""
import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, VisaLetterRequest
from trainingcenter.registrations.services import privacy, visa_letters
from trainingcenter.registrations.services.visa_letters import PassportDetails

pytestmark = pytest.mark.django_db
PASSPORT = {
    "passport_name": "Айгерим Нурлановна Жумабаева", "nationality": "KZ", "passport_number": "N12345678",
    "date_of_birth": "1990-05-17", "confirm": "on",
}


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def program():
    return ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5, visa_letters_offered=True,
                          title="Battery Energy Storage for Grids", venue="BTBU campus, Beijing")


@pytest.fixture
def onsite(program):
    return RegistrationFactory(program=program, mode=Registration.Mode.ONSITE, email="aigerim@example.org")


def url(name, registration, language="en"):
    with translation.override(language):
        return reverse(f"registrations:{name}", kwargs={"token": registration.token})


def assert_private(response):
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


# --- visa invitation letter ------------------------------------------------------------------------------


def test_confirmed_onsite_participant_is_offered_a_letter(client, onsite):
    page = client.get(onsite.get_absolute_url()).content.decode()

    assert "Visa invitation letter" in page
    assert url("visa_letter", onsite) in page


@pytest.mark.parametrize("case", ["online", "not_offered", "cancelled"])
def test_others_are_not_offered_a_letter(client, program, case):
    if case == "online":
        registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    elif case == "not_offered":
        registration = RegistrationFactory(
            program=ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5), mode=Registration.Mode.ONSITE)
    else:
        registration = RegistrationFactory(program=program, mode=Registration.Mode.ONSITE,
                                           status=Registration.Status.CANCELLED)

    page = client.get(registration.get_absolute_url()).content.decode()

    assert "Visa invitation letter" not in page
    assert url("visa_letter", registration) not in page


def test_waitlisted_onsite_participant_hears_when_they_can_ask(client, program):
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONSITE,
                                       status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now())
    page = client.get(registration.get_absolute_url()).content.decode()
    assert "Once your onsite place is confirmed, you can request an invitation letter" in page
    assert client.get(url("visa_letter", registration)).status_code == 200
    assert client.post(url("visa_letter", registration), PASSPORT).status_code == 400
    assert not VisaLetterRequest.objects.exists()


def test_request_a_letter_through_the_form(client, onsite):
    form = client.get(url("visa_letter", onsite))
    assert form.status_code == 200
    assert_private(form)
    html = form.content.decode()
    for name in ("passport_name", "nationality", "passport_number", "date_of_birth", "confirm"):
        assert f'name="{name}"' in html

    response = client.post(url("visa_letter", onsite), PASSPORT)

    assert response.status_code == 302 and response["Location"].endswith("#visa-letter")
    letter = VisaLetterRequest.objects.get(registration=onsite)
    assert letter.passport_name == PASSPORT["passport_name"] and letter.date_of_birth == dt.date(1990, 5, 17)
    page = client.get(response["Location"]).content.decode()
    assert "Your request for an invitation letter has been sent to the organisers" in page
    assert "Requested" in page
    # Passport details are never shown back on the participant's page.
    assert "N12345678" not in page and PASSPORT["passport_name"] not in page


def test_bad_passport_details_keep_what_was_typed_and_name_the_field(client, onsite):
    response = client.post(url("visa_letter", onsite), {**PASSPORT, "passport_number": "12"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "5 to 20 letters and digits" in html
    assert PASSPORT["passport_name"] in html  # what was typed is kept in the form
    assert not VisaLetterRequest.objects.exists()


def test_the_box_must_be_ticked(client, onsite):
    response = client.post(url("visa_letter", onsite), {**PASSPORT, "confirm": ""})
    assert response.status_code == 400
    assert "Please tick the box to confirm." in response.content.decode()


def test_program_without_letters_has_no_form(client):
    registration = RegistrationFactory(program=ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5),
                                       mode=Registration.Mode.ONSITE)
    assert client.get(url("visa_letter", registration)).status_code == 404


def test_approved_letter_is_downloaded_from_the_token_url_only(client, onsite, staff_user):
    letter = visa_letters.request_letter(
        onsite, PassportDetails("Aigerim NURLANOVNA", "KZ", "N12345678", dt.date(1990, 5, 17)))
    assert client.get(url("visa_letter_pdf", onsite)).status_code == 404  # not approved yet

    visa_letters.approve_letter(letter, actor=staff_user)
    page = client.get(onsite.get_absolute_url()).content.decode()
    response = client.get(url("visa_letter_pdf", onsite))

    assert url("visa_letter_pdf", onsite) in page and "Approved" in page
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"%PDF-")
    assert_private(response)
    assert client.get(url("visa_letter_pdf", onsite).replace(onsite.token, onsite.token[:-1] + "x")).status_code == 404


def test_refused_letter_shows_the_reason_and_lets_them_ask_again(client, onsite, staff_user):
    letter = visa_letters.request_letter(
        onsite, PassportDetails("Aigerim NURLANOVNA", "KZ", "N12345678", dt.date(1990, 5, 17)))
    visa_letters.refuse_letter(letter, actor=staff_user, reason="The passport expires before the program.")

    page = client.get(onsite.get_absolute_url()).content.decode()

    assert "Not issued" in page and "The passport expires before the program." in page
    assert "Request a letter again" in page
    assert client.get(url("visa_letter_pdf", onsite)).status_code == 404


def test_letter_pages_in_chinese(client, onsite):
    response = client.get(url("visa_letter", onsite, "zh-hans"))
    assert response.status_code == 200
    assert '<html lang="zh-hans"' in response.content.decode()


# --- my data -----------------------------------------------------------------------------------------------


def test_participant_page_offers_download_and_erasure(client, onsite):
    page = client.get(onsite.get_absolute_url()).content.decode()
    assert "Download my data (JSON)" in page and url("my_data", onsite) in page
    assert "Delete my personal data" in page and url("erase", onsite) in page


def test_cancelled_participant_can_still_delete_their_data(client, program):
    registration = RegistrationFactory(program=program, status=Registration.Status.CANCELLED)
    page = client.get(registration.get_absolute_url()).content.decode()
    assert url("erase", registration) in page


def test_retention_date_is_shown_when_the_program_has_one(client, onsite):
    Program.objects.filter(pk=onsite.program.pk).update(personal_data_retention_days=90)
    page = client.get(onsite.get_absolute_url()).content.decode()
    assert "Otherwise your personal data is deleted on" in page


def test_download_my_data_as_json(client, onsite):
    question = QuestionFactory(program=onsite.program, label="Do you need a visa invitation letter?")
    onsite.answers.create(question=question, value="yes")

    response = client.get(url("my_data", onsite))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert_private(response)
    data = json.loads(response.content)
    assert data["registration"]["email"] == "aigerim@example.org"
    assert data["answers"] == [{"question": "Do you need a visa invitation letter?", "answer": "yes"}]


def test_erase_asks_first_and_explains(client, onsite):
    response = client.get(url("erase", onsite))

    assert response.status_code == 200
    assert_private(response)
    html = response.content.decode()
    assert "your place goes to the next person on the waiting list" in html
    assert "We keep only anonymous figures" in html
    assert "This cannot be undone." in html

    unticked = client.post(url("erase", onsite), {})
    assert unticked.status_code == 400
    onsite.refresh_from_db()
    assert not onsite.is_erased


def test_erase_then_the_old_link_is_gone(client, onsite):
    old = onsite.get_absolute_url()

    response = client.post(url("erase", onsite), {"confirm": "on"})

    assert response.status_code == 302
    assert response["Location"] == reverse("registrations:erased")
    done = client.get(response["Location"])
    assert done.status_code == 200
    assert "Your personal data has been deleted" in done.content.decode()
    assert client.get(old).status_code == 404
    assert client.get(url("my_data", onsite)).status_code == 404
    onsite.refresh_from_db()
    assert onsite.is_erased and onsite.status == Registration.Status.CANCELLED


def test_erase_needs_the_csrf_token(onsite):
    client = Client(enforce_csrf_checks=True)
    assert client.post(url("erase", onsite), {"confirm": "on"}).status_code == 403
    onsite.refresh_from_db()
    assert not onsite.is_erased


def test_erasing_twice_from_two_tabs_is_harmless(client, onsite):
    erase_url = url("erase", onsite)
    privacy.erase_personal_data(onsite)
    assert client.post(erase_url, {"confirm": "on"}).status_code == 404


def test_erase_page_in_russian(client, onsite):
    response = client.get(url("erase", onsite, "ru"))
    assert response.status_code == 200
    assert '<html lang="ru"' in response.content.decode()
