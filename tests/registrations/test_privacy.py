"""A participant's own data: the export, erasure (by them or when the retention period ends), idempotence."""
import datetime as dt
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Answer, Registration, RegistrationEvent, VisaLetterRequest
from trainingcenter.registrations.services import messaging, privacy, register, visa_letters
from trainingcenter.registrations.services.lifecycle import RegistrationData, reject_registration
from trainingcenter.registrations.services.visa_letters import PassportDetails

pytestmark = pytest.mark.django_db
PASSPORT = PassportDetails("Dilnoza KARIMOVA", "UZ", "FA1234567", dt.date(1988, 2, 3))
Status = Registration.Status
Action = RegistrationEvent.Action


def person(email, **changes):
    values = {"given_name": "Dilnoza", "family_name": "Karimova", "email": email, "country": "UZ",
              "organization": "Tashkent State Technical University", "position": "Lecturer", "sector": "academia",
              "gender": "female", "mode": "onsite", "language": "ru", "time_zone": "Asia/Tashkent", "consent": True}
    values.update(changes)
    return RegistrationData(**values)


@pytest.fixture
def program():
    return ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1, capacity_online=10, visa_letters_offered=True,
                          title="Industrial Decarbonization")


def test_export_holds_everything_about_the_registration(program, staff_user):
    question = QuestionFactory(program=program, label="Dietary needs?")
    registration = register(program, person("dilnoza@example.org", answers={question.pk: "Vegetarian"}))
    visa_letters.request_letter(registration, PASSPORT)
    messaging.send_message(program, subject="Welcome to Beijing", body="Hello {given_name}", actor=staff_user)
    run_tasks()
    registration.refresh_from_db()

    data = privacy.personal_data_export(registration)

    json.dumps(data, cls=DjangoJSONEncoder)  # ready for a JSON file
    details = data["registration"]
    assert (details["given_name"], details["family_name"], details["email"]) == (
        "Dilnoza", "Karimova", "dilnoza@example.org")
    assert details["country"] == "UZ" and details["organization"] == "Tashkent State Technical University"
    assert details["gender"] == "female" and details["attendance_mode"] == "onsite" and details["status"] == "confirmed"
    assert details["time_zone"] == "Asia/Tashkent" and details["consented_at"]
    assert data["program"]["title"] == "Industrial Decarbonization"
    assert data["answers"] == [{"question": "Dietary needs?", "answer": "Vegetarian"}]
    assert [event["action"] for event in data["history"]] == [
        "registered", "visa_letter_requested", "message_sent"]
    assert data["visa_letter"]["passport_number"] == "FA1234567"
    assert data["visa_letter"]["status"] == "requested"
    subjects = [mail["subject"] for mail in data["emails"]]
    assert any("Welcome to Beijing" in subject for subject in subjects)
    assert len(subjects) >= 2  # the confirmation, then the message
    # Staff members' names are theirs, not the participant's.
    assert "organiser" not in json.dumps(data["history"])


def test_erasing_gives_the_seat_to_the_next_person_waiting_and_anonymises(program):
    question = QuestionFactory(program=program, label="Anything else?")
    first = register(program, person("first@example.org", answers={question.pk: "I use a wheelchair"}))
    waiting = register(program, person("second@example.org", given_name="Bakhyt"))
    assert (first.status, waiting.status) == (Status.CONFIRMED, Status.WAITLISTED)
    visa_letters.request_letter(first, PASSPORT)
    old_token = first.token
    run_tasks()
    assert OutgoingMail.objects.filter(to="first@example.org").exists()

    erased = privacy.erase_personal_data(first)
    run_tasks()

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED  # the seat went on
    assert OutgoingMail.objects.filter(to="second@example.org", tag=f"registration:{waiting.pk}:promoted").exists()
    erased.refresh_from_db()
    assert erased.status == Status.CANCELLED
    assert erased.given_name == privacy.ERASED_NAME and erased.family_name == ""
    assert erased.email == privacy.erased_email(erased) and erased.email.endswith(".invalid")
    assert (erased.organization, erased.position, erased.time_zone, erased.join_url) == ("", "", "", "")
    assert erased.token != old_token and Registration.objects.by_token(old_token) is None
    assert erased.is_erased
    assert not Answer.objects.filter(registration=erased).exists()
    letter = VisaLetterRequest.objects.get(registration=erased)
    assert not letter.has_passport_details and letter.passport_name == ""
    # No e-mail is left to or written to the old address, not even the cancellation's.
    assert not OutgoingMail.objects.filter(to="first@example.org").exists()
    assert not OutgoingMail.objects.filter(to=erased.email).exists()
    # The statistics keep what they count.
    assert (erased.country.code, erased.sector, erased.gender, erased.mode, erased.language) == (
        "UZ", "academia", "female", "onsite", "ru")
    actions = list(erased.events.values_list("action", flat=True))
    assert actions[0] == Action.REGISTERED and Action.CANCELLED in actions
    assert actions[-1] == Action.PERSONAL_DATA_ERASED
    assert not erased.events.exclude(note="").exists()


def test_erasing_twice_is_harmless(program):
    registration = register(program, person("twice@example.org"))
    first = privacy.erase_personal_data(registration)
    token = first.token

    again = privacy.erase_personal_data(registration)

    assert again.token == token
    assert again.events.filter(action=Action.PERSONAL_DATA_ERASED).count() == 1
    assert again.events.filter(action=Action.CANCELLED).count() == 1


def test_the_same_person_may_register_again_and_erased_rows_keep_the_constraint_happy():
    program = ProgramFactory(capacity_online=10)
    past = ProgramFactory(starts=timezone.now() - dt.timedelta(days=10), ends=timezone.now() - dt.timedelta(days=9),
                          registration_opens=None, registration_closes=None)
    # After the program, erasing keeps the status (the figures stay), so two erased rows stay active side by side.
    one = RegistrationFactory(program=past, email="same@example.org")
    other = RegistrationFactory(program=past, email="other@example.org")
    for registration in (one, other):
        privacy.erase_personal_data(registration)
    assert list(Registration.objects.filter(program=past).values_list("status", flat=True)) == ["confirmed"] * 2

    registration = register(program, person("again@example.org", mode="online"))
    privacy.erase_personal_data(registration)
    again = register(program, person("again@example.org", mode="online"))
    assert again.status == Status.CONFIRMED


def test_erasing_a_rejected_registration_keeps_it_rejected(program, staff_user):
    registration = register(program, person("rejected@example.org"))
    reject_registration(registration, actor=staff_user, reason="Your organisation is not in the target group.")

    erased = privacy.erase_personal_data(registration)

    assert erased.status == Status.REJECTED
    assert not erased.events.exclude(note="").exists()


def test_erased_registrations_get_no_organiser_messages(staff_user):
    program = ProgramFactory(capacity_online=10, starts=timezone.now() - dt.timedelta(days=3),
                             ends=timezone.now() - dt.timedelta(days=2), registration_opens=None,
                             registration_closes=None)
    kept = RegistrationFactory(program=program)
    gone = privacy.erase_personal_data(RegistrationFactory(program=program))

    assert list(messaging.audience(program)) == [kept]
    assert gone.status == Status.CONFIRMED


def _ended_program(days_ago, retention_days):
    ends = timezone.now() - dt.timedelta(days=days_ago)
    return ProgramFactory(
        capacity_online=10, starts=ends - dt.timedelta(hours=8), ends=ends, registration_opens=None,
        registration_closes=None, personal_data_retention_days=retention_days,
    )


def test_retention_erases_only_programs_whose_period_has_passed():
    expired = _ended_program(days_ago=31, retention_days=30)
    not_yet = _ended_program(days_ago=29, retention_days=30)
    kept = _ended_program(days_ago=400, retention_days=None)
    upcoming = ProgramFactory(personal_data_retention_days=0)
    for program in (expired, not_yet, kept, upcoming):
        RegistrationFactory(program=program, country="PK", gender="male")
        RegistrationFactory(program=program, country="KZ", status=Status.CANCELLED)

    assert privacy.erase_expired_personal_data() == 2
    assert privacy.erase_expired_personal_data() == 0  # a second run finds nothing left

    erased = Registration.objects.filter(program=expired)
    assert all(registration.is_erased for registration in erased)
    assert sorted(erased.values_list("status", "country")) == [("cancelled", "KZ"), ("confirmed", "PK")]
    assert erased.get(country="PK").gender == "male"
    for program in (not_yet, kept, upcoming):
        assert not Registration.objects.filter(program=program, personal_data_erased_at__isnull=False).exists()
    note = erased.first().events.get(action=Action.PERSONAL_DATA_ERASED).note
    assert note == "Retention period ended"


def test_retention_works_in_batches():
    program = _ended_program(days_ago=10, retention_days=1)
    for _n in range(3):
        RegistrationFactory(program=program)

    assert privacy.erase_expired_personal_data(batch=2) == 2
    assert privacy.erase_expired_personal_data(batch=2) == 1
    assert privacy.erase_expired_personal_data(batch=2) == 0


def test_periodic_housekeeping_applies_the_retention_period(tasks_runner):
    from trainingcenter.registrations.tasks import periodic_housekeeping

    program = _ended_program(days_ago=5, retention_days=1)
    registration = RegistrationFactory(program=program)

    periodic_housekeeping.enqueue()
    tasks_runner(limit=1)

    registration.refresh_from_db()
    assert registration.is_erased
