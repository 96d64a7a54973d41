"""Visa invitation letters: request, approve or refuse, the PDF, who may see them, and erasure."""
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import CenterFactory, ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.center.services import create_api_token
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations import visa_letter_pdf
from trainingcenter.registrations.exports import EXPORT_COLUMNS, registrations_csv, registrations_xlsx
from trainingcenter.registrations.models import Registration, RegistrationEvent, VisaLetterRequest
from trainingcenter.registrations.services import RegistrationError, cancel_registration, visa_letters
from trainingcenter.registrations.services.visa_letters import PassportDetails

pytestmark = pytest.mark.django_db
Action = RegistrationEvent.Action
LetterStatus = VisaLetterRequest.Status

NAMES = {
    "latin": "Aigerim NURLANOVNA",
    "cyrillic": "Айгерим Нурлановна Жумабаева",
    "arabic": "محمد عبد الله الحسيني",
}
PASSPORT_NUMBER = "N12345678"


@pytest.fixture
def program():
    """A hybrid program in Beijing that offers letters: the 10th and 11th of a month a few weeks ahead, 09:00 there."""
    month = (timezone.now() + dt.timedelta(days=40)).replace(day=10, hour=1, minute=0, second=0, microsecond=0)
    starts = month
    return ProgramFactory(
        title="Battery Energy Storage for Grids", mode=Program.Mode.HYBRID, capacity_onsite=20,
        venue="BTBU campus, Beijing", visa_letters_offered=True, starts=starts,
        ends=starts + dt.timedelta(days=1, hours=8),
    )


@pytest.fixture
def participant(program):
    return RegistrationFactory(program=program, mode=Registration.Mode.ONSITE, organization="Institute of Physics")


def details(name=NAMES["latin"], **changes):
    values = {"passport_name": name, "nationality": "KZ", "passport_number": PASSPORT_NUMBER,
              "date_of_birth": dt.date(1990, 5, 17)}
    values.update(changes)
    return PassportDetails(**values)


def pdf_text(data):
    assert data.startswith(b"%PDF-")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def staff(program):
    user = StaffUserFactory(username="beijing-organiser", role=PROGRAM_ORGANISER)
    program.organisers.add(user)
    return user


def test_request_is_kept_with_a_history_entry_without_the_passport_details(participant, staff):
    letter = visa_letters.request_letter(participant, details(passport_number=" n1234 5678 "))

    assert letter.status == LetterStatus.REQUESTED
    assert letter.passport_number == "N12345678"  # as printed: upper case, no spaces
    assert letter.nationality.code == "KZ"
    event = participant.events.get(action=Action.VISA_LETTER_REQUESTED)
    assert PASSPORT_NUMBER not in event.note and "Aigerim" not in event.note
    # The organisers hear of it, without the passport details.
    [mail] = OutgoingMail.objects.filter(to=staff.email)
    assert participant.program.title in mail.subject
    assert PASSPORT_NUMBER not in mail.body_text and NAMES["latin"] not in mail.body_text


@pytest.mark.parametrize("script", ["latin", "cyrillic", "arabic"])
def test_approved_letter_is_a_pdf_with_the_passport_details_and_the_program(participant, staff, script):
    CenterFactory(name="Example Joint Training Center", name_zh_hans="示例联合培训中心")
    letter = visa_letters.request_letter(participant, details(NAMES[script]))

    letter = visa_letters.approve_letter(letter, actor=staff)

    assert letter.status == LetterStatus.APPROVED and letter.reference.startswith("VL-")
    assert visa_letters.may_download(letter)
    data = visa_letter_pdf.render_letter(letter)
    text = pdf_text(data)
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
    assert NAMES[script] in text
    assert PASSPORT_NUMBER in text
    assert "Kazakhstan" in text and "17 May 1990" in text
    assert "Battery Energy Storage for Grids" in text
    assert f"10–11 {participant.program.starts:%B %Y}" in text
    assert "BTBU campus, Beijing" in text
    assert "Embassy / Consulate General of the People’s Republic of China" in text
    assert "示例联合培训中心" in text and "Example Joint Training Center" in text
    assert letter.reference in text


def test_approval_tells_the_participant_by_email_without_passport_details(participant, staff):
    letter = visa_letters.request_letter(participant, details())
    visa_letters.approve_letter(letter, actor=staff)
    visa_letters.approve_letter(letter, actor=staff)  # a double click

    [mail] = OutgoingMail.objects.filter(to=participant.email)
    assert "visa invitation letter is ready" in mail.subject
    assert participant.get_absolute_url() in mail.body_text
    assert PASSPORT_NUMBER not in mail.body_text + mail.body_html
    assert participant.events.filter(action=Action.VISA_LETTER_APPROVED, actor=staff).count() == 1


def test_refused_request_has_no_letter_and_the_reason_reaches_the_participant(participant, staff):
    letter = visa_letters.request_letter(participant, details())

    reason = "Please apply with a passport valid for six months."
    letter = visa_letters.refuse_letter(letter, actor=staff, reason=reason)

    assert letter.status == LetterStatus.REFUSED
    assert not visa_letters.may_download(letter)
    [mail] = OutgoingMail.objects.filter(to=participant.email)
    assert "not issued" in mail.subject
    assert "valid for six months" in mail.body_text
    event = participant.events.get(action=Action.VISA_LETTER_REFUSED)
    assert event.actor == staff and PASSPORT_NUMBER not in event.note


def test_participant_may_ask_again_after_a_refusal_and_a_correction_goes_back_to_the_organisers(participant, staff):
    letter = visa_letters.request_letter(participant, details())
    visa_letters.refuse_letter(letter, actor=staff, reason="Wrong number")
    letter = visa_letters.request_letter(participant, details(passport_number="N99999999"))
    assert letter.status == LetterStatus.REQUESTED and letter.passport_number == "N99999999"

    letter = visa_letters.approve_letter(letter, actor=staff)
    reference = letter.reference
    letter = visa_letters.request_letter(participant, details(passport_number="N88888888"))
    assert letter.status == LetterStatus.REQUESTED and not visa_letters.may_download(letter)
    letter = visa_letters.approve_letter(letter, actor=staff)
    assert letter.reference == reference  # one letter, corrected
    assert VisaLetterRequest.objects.filter(registration=participant).count() == 1


@pytest.mark.parametrize("change", [
    {"mode": Registration.Mode.ONLINE},
    {"status": Registration.Status.WAITLISTED},
    {"status": Registration.Status.AWAITING_APPROVAL},
])
def test_only_confirmed_onsite_participants_may_ask(program, change):
    registration = RegistrationFactory(program=program, **{"mode": Registration.Mode.ONSITE, **change})
    with pytest.raises(RegistrationError) as error:
        visa_letters.request_letter(registration, details())
    assert error.value.code == "not_allowed"
    assert not VisaLetterRequest.objects.exists()


def test_programs_not_offering_letters_and_past_programs_take_no_request():
    elsewhere = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5, visa_letters_offered=False)
    past = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5, visa_letters_offered=True,
                          starts=timezone.now() - dt.timedelta(days=3), ends=timezone.now() - dt.timedelta(days=2),
                          registration_opens=None, registration_closes=None)
    for program in (elsewhere, past):
        registration = RegistrationFactory(program=program, mode=Registration.Mode.ONSITE)
        assert not visa_letters.may_request(registration)
        with pytest.raises(RegistrationError):
            visa_letters.request_letter(registration, details())


@pytest.mark.parametrize(("changes", "field"), [
    ({"passport_name": "   "}, "passport_name"),
    ({"passport_name": "x" * 201}, "passport_name"),
    ({"nationality": "Kazakhstan"}, "nationality"),
    ({"passport_number": "AB1"}, "passport_number"),
    ({"passport_number": "AB-12345"}, "passport_number"),
    ({"date_of_birth": None}, "date_of_birth"),
    ({"date_of_birth": dt.date(2999, 1, 1)}, "date_of_birth"),
    ({"date_of_birth": dt.date(1800, 1, 1)}, "date_of_birth"),
])
def test_bad_passport_details_are_refused_by_field(participant, changes, field):
    values = {"passport_name": NAMES["latin"], "nationality": "KZ", "passport_number": PASSPORT_NUMBER,
              "date_of_birth": dt.date(1990, 5, 17), **changes}
    with pytest.raises(RegistrationError) as error:
        visa_letters.request_letter(participant, PassportDetails(**values))
    assert error.value.field == field
    assert not VisaLetterRequest.objects.exists()


def test_passport_details_never_appear_in_a_repr():
    assert PASSPORT_NUMBER not in repr(details())
    letter = VisaLetterRequest(passport_number=PASSPORT_NUMBER, passport_name=NAMES["latin"])
    assert PASSPORT_NUMBER not in str(letter) and "Aigerim" not in str(letter)


def test_passport_details_are_erased_after_the_retention_period(participant, staff, settings):
    settings.VISA_LETTER_RETENTION_DAYS = 30
    letter = visa_letters.approve_letter(visa_letters.request_letter(participant, details()), actor=staff)
    ends = participant.program.ends

    assert visa_letters.erase_expired_passport_details(now=ends + dt.timedelta(days=29)) == 0
    assert VisaLetterRequest.objects.get(pk=letter.pk).has_passport_details

    assert visa_letters.erase_expired_passport_details(now=ends + dt.timedelta(days=30, minutes=1)) == 1
    assert visa_letters.erase_expired_passport_details(now=ends + dt.timedelta(days=31)) == 0  # a second run
    letter.refresh_from_db()
    kept = (letter.passport_name, letter.passport_number, letter.nationality, letter.date_of_birth)
    assert kept == ("", "", "", None)
    assert letter.status == LetterStatus.APPROVED  # still counted as issued
    assert not visa_letters.may_download(letter)
    assert participant.events.filter(action=Action.PASSPORT_DETAILS_ERASED).count() == 1
    with pytest.raises(RegistrationError):
        visa_letters.approve_letter(visa_letters.refuse_letter(letter, actor=staff), actor=staff)


def test_a_postponed_program_keeps_the_details_longer(participant, settings):
    settings.VISA_LETTER_RETENTION_DAYS = 30
    visa_letters.request_letter(participant, details())
    first_end = participant.program.ends
    Program.objects.filter(pk=participant.program.pk).update(
        starts=participant.program.starts + dt.timedelta(days=60), ends=first_end + dt.timedelta(days=60),
    )
    assert visa_letters.erase_expired_passport_details(now=first_end + dt.timedelta(days=31)) == 0


def test_passport_details_go_once_the_registration_ends(participant):
    visa_letters.request_letter(participant, details())
    cancel_registration(participant)

    assert visa_letters.erase_expired_passport_details() == 1
    assert not VisaLetterRequest.objects.get(registration=participant).has_passport_details


def test_periodic_housekeeping_erases_expired_passport_details(participant, settings, tasks_runner):
    from trainingcenter.registrations.tasks import periodic_housekeeping

    settings.VISA_LETTER_RETENTION_DAYS = 0
    visa_letters.request_letter(participant, details())
    Program.objects.filter(pk=participant.program.pk).update(
        starts=timezone.now() - dt.timedelta(days=2), ends=timezone.now() - dt.timedelta(days=1),
    )
    periodic_housekeeping.enqueue()
    tasks_runner(limit=1)

    assert not VisaLetterRequest.objects.get(registration=participant).has_passport_details


# --- passport details stay out of lists, exports and the API ---------------------------------------------


def test_passport_details_are_not_in_csv_or_xlsx_exports(participant):
    visa_letters.request_letter(participant, details(NAMES["cyrillic"]))
    queryset = Registration.objects.filter(pk=participant.pk).prefetch_related("answers")
    columns = list(EXPORT_COLUMNS)

    csv_text = registrations_csv(queryset, columns).decode("utf-8-sig")
    xlsx = registrations_xlsx(queryset, columns)

    assert participant.email in csv_text
    assert PASSPORT_NUMBER not in csv_text and NAMES["cyrillic"] not in csv_text
    from openpyxl import load_workbook

    cells = [str(cell.value) for row in load_workbook(io.BytesIO(xlsx)).active.iter_rows() for cell in row]
    assert participant.email in cells
    assert not any(PASSPORT_NUMBER in cell or NAMES["cyrillic"] in cell for cell in cells)


def test_passport_details_are_not_in_the_staff_export_page_or_the_api(client, participant, staff):
    visa_letters.request_letter(participant, details(NAMES["cyrillic"]))
    slug = participant.program.slug
    token = create_api_token(staff, name="test")
    headers = {"Authorization": f"Bearer {token}"}

    listed = client.get(f"/api/programs/{slug}/registrations", headers=headers)
    exported = client.get(f"/api/programs/{slug}/registrations/export.csv", headers=headers)
    client.force_login(staff)
    export_url = reverse("staff:export", kwargs={"slug": slug})
    page = client.get(export_url, {"format": "csv", "columns": list(EXPORT_COLUMNS)})

    assert listed.status_code == 200 and participant.email in listed.content.decode()
    assert exported.status_code == 200 and participant.email in exported.content.decode("utf-8-sig")
    assert page["Content-Type"].startswith("text/csv") and participant.email in page.content.decode("utf-8-sig")
    for response in (listed, exported, page):
        body = response.content.decode("utf-8-sig")
        assert PASSPORT_NUMBER not in body and NAMES["cyrillic"] not in body


def test_passport_details_are_not_in_the_admin(client, participant, staff, superuser):
    visa_letters.request_letter(participant, details(NAMES["cyrillic"]))
    client.force_login(superuser)
    pages = [
        reverse("admin:registrations_registration_changelist"),
        reverse("admin:registrations_registration_change", args=[participant.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert PASSPORT_NUMBER not in body and NAMES["cyrillic"] not in body
    # No admin page of its own either.
    assert client.get("/en/admin/registrations/visaletterrequest/").status_code == 404
