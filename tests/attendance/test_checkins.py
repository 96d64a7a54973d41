"""Onsite check-in: every answer a scan can get, two phones at once, a scan sent twice, undo, search."""
import datetime as dt
import zoneinfo

import pytest

from tests.concurrency import race
from tests.factories import ProgramFactory, RegistrationFactory
from trainingcenter.attendance.models import CheckIn
from trainingcenter.attendance.services import checkins
from trainingcenter.attendance.services.checkins import Status
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, RegistrationEvent
from trainingcenter.registrations.services.privacy import erase_personal_data

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
FIRST_DAY = dt.date(2031, 5, 10)
SECOND_DAY = dt.date(2031, 5, 11)
# 09:12 in Beijing on the first day.
MORNING = dt.datetime(2031, 5, 10, 9, 12, tzinfo=SHANGHAI)
Action = RegistrationEvent.Action


def onsite_program(**overrides):
    values = {
        "title": "Lithium-ion Battery Recycling", "mode": Program.Mode.HYBRID, "capacity_onsite": 40,
        "starts": dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI),
        "ends": dt.datetime(2031, 5, 11, 17, 0, tzinfo=SHANGHAI),
        "registration_closes": dt.datetime(2031, 5, 1, tzinfo=SHANGHAI),
    }
    values.update(overrides)
    return ProgramFactory(**values)


@pytest.fixture
def program():
    return onsite_program()


@pytest.fixture
def participant(program):
    return RegistrationFactory(program=program, mode="onsite", given_name="Dilnoza", family_name="Karimova")


@pytest.fixture
def scanner(django_user_model):
    return django_user_model.objects.create_user("door", "door@example.org", "a-long-test-password", is_staff=True)


def test_the_first_scan_checks_in_and_writes_the_history(program, participant, scanner):
    outcome = checkins.check_in(program, participant.checkin_code, actor=scanner, client_key="phone-1:1", now=MORNING)

    assert outcome.status == Status.CHECKED_IN
    assert (outcome.present, outcome.tone, outcome.day, outcome.time) == (True, "success", FIRST_DAY, "09:12")
    assert outcome.message == "Checked in: Dilnoza Karimova"
    row = CheckIn.objects.get()
    assert (row.registration, row.day, row.checked_in_at, row.checked_in_by, row.client_key) == (
        participant, FIRST_DAY, MORNING, scanner, "phone-1:1",
    )
    [event] = participant.events.filter(action=Action.CHECKED_IN)
    assert (event.actor, event.note, event.to_status) == (scanner, "2031-05-10", "confirmed")


def test_a_second_scan_answers_already_checked_in_with_the_first_time_and_changes_nothing(program, participant):
    checkins.check_in(program, participant.checkin_code, client_key="phone-1:1", now=MORNING)

    later = MORNING + dt.timedelta(minutes=40)
    outcome = checkins.check_in(program, participant.checkin_code, client_key="phone-2:7", now=later)

    assert outcome.status == Status.ALREADY_CHECKED_IN
    assert (outcome.tone, outcome.time, outcome.same_scan) == ("warning", "09:12", False)
    assert outcome.message == "Already checked in at 09:12"
    assert outcome.name == "Dilnoza Karimova"
    assert CheckIn.objects.get().checked_in_at == MORNING
    assert participant.events.filter(action=Action.CHECKED_IN).count() == 1


def test_the_next_day_is_a_new_check_in(program, participant):
    checkins.check_in(program, participant.checkin_code, now=MORNING)

    outcome = checkins.check_in(program, participant.checkin_code, now=MORNING + dt.timedelta(days=1))

    assert outcome.status == Status.CHECKED_IN
    assert outcome.day == SECOND_DAY
    assert sorted(CheckIn.objects.values_list("day", flat=True)) == [FIRST_DAY, SECOND_DAY]


def test_a_scan_queued_offline_and_sent_twice_is_the_same_scan(program, participant):
    first = checkins.check_in(program, participant.checkin_code, day=FIRST_DAY, client_key="k-123", now=MORNING)
    again = checkins.check_in(
        program, participant.checkin_code, day=FIRST_DAY, client_key="k-123", now=MORNING + dt.timedelta(minutes=3),
    )

    assert (first.status, again.status) == (Status.CHECKED_IN, Status.ALREADY_CHECKED_IN)
    assert again.same_scan is True
    # The phone that sent it twice is told what its scan did: checked in.
    assert (again.tone, again.message) == ("success", "Checked in: Dilnoza Karimova")
    assert again.check_in == first.check_in
    assert CheckIn.objects.count() == 1
    assert participant.events.filter(action=Action.CHECKED_IN).count() == 1


@pytest.mark.parametrize("typed", ["{code}", "{lower}", "{grouped}", " {grouped_lower} "])
def test_a_code_typed_from_the_badge_is_found(program, participant, typed):
    code = participant.checkin_code
    grouped = f"{code[:4]}-{code[4:8]}-{code[8:]}"
    text = typed.format(code=code, lower=code.lower(), grouped=grouped, grouped_lower=grouped.lower())

    assert checkins.check_in(program, text, now=MORNING).status == Status.CHECKED_IN


@pytest.mark.parametrize("code", ["", "nonsense", "0000-0000-0000", "X" * 500, "ABCDEFGHJKM\u0000"])
def test_an_unknown_code_says_so(program, participant, code):
    outcome = checkins.check_in(program, code, now=MORNING)

    assert outcome.status == Status.UNKNOWN_CODE
    assert (outcome.tone, outcome.registration, outcome.name) == ("error", None, "")
    assert outcome.message == "Unknown code: no registration has this code."
    assert not CheckIn.objects.exists()


def test_an_erased_registrations_code_is_unknown(program, participant):
    erase_personal_data(participant)

    assert checkins.check_in(program, participant.checkin_code, now=MORNING).status == Status.UNKNOWN_CODE


def test_another_programs_code_names_that_program_and_nothing_more_than_the_badge(program):
    other = onsite_program(title="New Energy Vehicles")
    visitor = RegistrationFactory(program=other, mode="onsite", given_name="Arman", family_name="Seitkali")

    outcome = checkins.check_in(program, visitor.checkin_code, now=MORNING)

    assert outcome.status == Status.OTHER_PROGRAM
    assert outcome.other_program == other
    assert outcome.message == "This code is for another program: New Energy Vehicles"
    assert outcome.name == "Arman Seitkali"
    assert not CheckIn.objects.exists()


@pytest.mark.parametrize(("status", "answer", "message"), [
    (Registration.Status.CANCELLED, Status.CANCELLED, "Registration cancelled: Dilnoza Karimova"),
    (Registration.Status.REJECTED, Status.REJECTED, "Registration not accepted: Dilnoza Karimova"),
    (Registration.Status.WAITLISTED, Status.WAITLISTED, "On the waiting list, no place: Dilnoza Karimova"),
    (Registration.Status.AWAITING_APPROVAL, Status.AWAITING_APPROVAL, "Not approved yet: Dilnoza Karimova"),
])
def test_a_registration_without_a_confirmed_place_gets_its_own_answer(program, participant, status, answer, message):
    Registration.objects.filter(pk=participant.pk).update(status=status)

    outcome = checkins.check_in(program, participant.checkin_code, now=MORNING)

    assert (outcome.status, outcome.tone, outcome.message) == (answer, "error", message)
    assert not CheckIn.objects.exists()
    assert not participant.events.filter(action=Action.CHECKED_IN).exists()


def test_an_online_participant_is_not_checked_in_at_the_venue(program):
    online = RegistrationFactory(program=program, mode="online", given_name="Rustam", family_name="Aliev")

    outcome = checkins.check_in(program, online.checkin_code, now=MORNING)

    assert outcome.status == Status.ONLINE_ONLY
    assert outcome.message == "Registered to take part online, not onsite: Rustam Aliev"
    assert not CheckIn.objects.exists()


def test_a_day_outside_the_program_or_still_to_come_is_refused(program, participant):
    before = checkins.check_in(program, participant.checkin_code, day=dt.date(2031, 5, 9), now=MORNING)
    tomorrow = checkins.check_in(program, participant.checkin_code, day=SECOND_DAY, now=MORNING)
    # Today, but the program ended yesterday.
    after = checkins.check_in(program, participant.checkin_code, now=MORNING + dt.timedelta(days=2))

    assert (before.status, tomorrow.status, after.status) == (
        Status.NOT_A_PROGRAM_DAY, Status.FUTURE_DAY, Status.NOT_A_PROGRAM_DAY,
    )
    assert before.message == "May 9, 2031 is not a day of this program."
    assert tomorrow.message.startswith("May 11, 2031 has not come yet")
    assert not CheckIn.objects.exists()


def test_a_past_day_can_be_checked_in_late(program, participant):
    outcome = checkins.check_in(program, participant.checkin_code, day=FIRST_DAY, now=MORNING + dt.timedelta(days=1))

    assert (outcome.status, outcome.day) == (Status.CHECKED_IN, FIRST_DAY)


def test_the_day_defaults_to_today_in_the_programs_time_zone(program, participant):
    # 16:30 UTC on May 10 is already 00:30 on May 11 in Beijing.
    late = dt.datetime(2031, 5, 10, 16, 30, tzinfo=dt.UTC)

    outcome = checkins.check_in(program, participant.checkin_code, now=late)

    assert (outcome.status, outcome.day, outcome.time) == (Status.CHECKED_IN, SECOND_DAY, "00:30")


def test_undo_removes_the_check_in_keeps_the_history_and_allows_a_new_one(program, participant, scanner):
    first = checkins.check_in(program, participant.checkin_code, actor=scanner, now=MORNING)

    assert checkins.undo_check_in(first.check_in, actor=scanner) is True
    assert checkins.undo_check_in(first.check_in, actor=scanner) is False  # gone already: nothing more

    assert not CheckIn.objects.exists()
    actions = list(participant.events.filter(
        action__in=[Action.CHECKED_IN, Action.CHECK_IN_UNDONE]).values_list("action", "actor", "note"))
    assert actions == [
        (Action.CHECKED_IN, scanner.pk, "2031-05-10"), (Action.CHECK_IN_UNDONE, scanner.pk, "2031-05-10"),
    ]
    again = checkins.check_in(program, participant.checkin_code, actor=scanner, now=MORNING + dt.timedelta(hours=1))
    assert (again.status, again.time) == (Status.CHECKED_IN, "10:12")


def test_default_day_is_today_or_the_nearest_program_day(program):
    assert checkins.default_day(program, now=MORNING) == FIRST_DAY
    assert checkins.default_day(program, now=MORNING - dt.timedelta(days=20)) == FIRST_DAY
    assert checkins.default_day(program, now=MORNING + dt.timedelta(days=20)) == SECOND_DAY


# --- search --------------------------------------------------------------------------------


def names(registrations):
    return [r.full_name for r in registrations]


def test_search_ignores_case_and_accents_in_every_script(program):
    RegistrationFactory(program=program, mode="onsite", given_name="José", family_name="Álvarez")
    RegistrationFactory(program=program, mode="onsite", given_name="Алёна", family_name="Смирнова")
    RegistrationFactory(program=program, mode="onsite", given_name="Gülnara", family_name="Öztürk")
    RegistrationFactory(program=program, mode="onsite", given_name="小明", family_name="王")

    assert names(checkins.search_participants(program, "jose alvarez")) == ["José Álvarez"]
    assert names(checkins.search_participants(program, "АЛЕНА")) == ["Алёна Смирнова"]
    assert names(checkins.search_participants(program, "gulnara ozturk")) == ["Gülnara Öztürk"]
    assert names(checkins.search_participants(program, "王")) == ["小明 王"]
    assert checkins.search_participants(program, "   ") == []


def test_search_finds_email_organisation_and_code(program):
    found = RegistrationFactory(program=program, mode="onsite", email="farida@baku.example.org",
                                organization="Azerbaijan Energy Institute")

    assert checkins.search_participants(program, "FARIDA@baku") == [found]
    assert checkins.search_participants(program, "energy institute") == [found]
    code = found.checkin_code
    assert checkins.search_participants(program, f"{code[:4]}-{code[4:8]}-{code[8:]}".lower()) == [found]


def test_search_puts_confirmed_onsite_first_and_leaves_out_other_programs_and_erased(program):
    # Erased first: erasing cancels, and a cancellation would promote the person waiting below.
    erased = RegistrationFactory(program=program, mode="onsite", given_name="Aida", family_name="Gone")
    erase_personal_data(erased)
    cancelled = RegistrationFactory(program=program, mode="onsite", given_name="Aida", family_name="Nur",
                                    status=Registration.Status.CANCELLED)
    online = RegistrationFactory(program=program, mode="online", given_name="Aida", family_name="Bek")
    onsite = RegistrationFactory(program=program, mode="onsite", given_name="Aida", family_name="Zhan")
    waiting = RegistrationFactory(program=program, mode="onsite", given_name="Aida", family_name="Ali",
                                  status=Registration.Status.WAITLISTED)
    RegistrationFactory(program=onsite_program(), mode="onsite", given_name="Aida", family_name="Other")

    assert checkins.search_participants(program, "aida") == [onsite, online, waiting, cancelled]


# --- two phones at once ------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_phones_scanning_the_same_badge_at_once_make_exactly_one_check_in():
    program = onsite_program()
    badge = RegistrationFactory(program=program, mode="onsite")
    phones = 8

    results, errors = race([
        (lambda n=n: checkins.check_in(program, badge.checkin_code, client_key=f"phone-{n}:1", now=MORNING))
        for n in range(phones)
    ])

    assert errors == []
    assert sorted(r.status for r in results) == [Status.ALREADY_CHECKED_IN] * (phones - 1) + [Status.CHECKED_IN]
    row = CheckIn.objects.get()
    winner = next(r for r in results if r.status == Status.CHECKED_IN)
    assert all(r.check_in.pk == row.pk for r in results)
    assert row.client_key == winner.check_in.client_key
    assert RegistrationEvent.objects.filter(registration=badge, action=Action.CHECKED_IN).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_queued_scan_sent_twice_at_once_counts_once():
    program = onsite_program()
    badge = RegistrationFactory(program=program, mode="onsite")

    results, errors = race([
        (lambda: checkins.check_in(program, badge.checkin_code, client_key="offline-42", now=MORNING))
        for _ in range(2)
    ])

    assert errors == []
    assert sorted(r.status for r in results) == [Status.ALREADY_CHECKED_IN, Status.CHECKED_IN]
    assert [r.same_scan for r in results if r.status == Status.ALREADY_CHECKED_IN] == [True]
    assert CheckIn.objects.count() == 1
