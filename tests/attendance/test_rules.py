"""The attendance rule: online minutes against the scheduled time, onsite days, either counts, organisers decide."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RegistrationFactory, SessionFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.attendance import (
    DAY_ONE,
    DAY_TWO,
    CheckInFactory,
    add_break,
    beijing,
    finished_program,
    meeting_report,
)
from trainingcenter.attendance import rules
from trainingcenter.attendance.services import decisions, zoom_import
from trainingcenter.attendance.services.zoom_import import AttendanceError
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, RegistrationEvent

pytestmark = pytest.mark.django_db


def result_of(program, registration):
    return {r.registration_id: r for r in rules.program_results(program)}[registration.pk]


def connect(program, email, *spans):
    zoom_import.import_zoom_report(program, meeting_report([("Someone", email, start, end) for start, end in spans]))


def test_online_attended_with_75_percent_of_the_scheduled_minutes():
    program = finished_program()
    enough = RegistrationFactory(program=program, email="enough@example.org")
    short = RegistrationFactory(program=program, email="short@example.org")
    # 270 of 360 minutes is exactly 75 %; 269 is not.
    connect(program, "enough@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 10, 30)))
    connect(program, "short@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 10, 29)))

    first, second = result_of(program, enough), result_of(program, short)

    assert (first.online_minutes, first.scheduled_minutes, first.attended) == (270, 360, True)
    assert first.reason.startswith("attended 270 of 360 minutes")
    assert (second.online_minutes, second.attended) == (269, False)
    assert "75% needed" in second.reason


def test_the_threshold_is_the_programs():
    program = finished_program(attendance_threshold_percent=50)
    half = RegistrationFactory(program=program, email="half@example.org")
    connect(program, "half@example.org", (beijing(1, 9), beijing(1, 12)))

    assert result_of(program, half).attended


def test_nobody_in_zoom_did_not_attend():
    program = finished_program()
    absent = RegistrationFactory(program=program)

    result = result_of(program, absent)

    assert (result.online_minutes, result.attended) == (0, False)
    assert result.reason.startswith("attended 0 of 360 minutes")


def test_breaks_are_not_scheduled_time_and_parallel_sessions_count_once():
    program = finished_program(sessions=False)
    SessionFactory(program=program, starts=beijing(1, 9), ends=beijing(1, 10, 30), title="Lecture")
    add_break(program, day=1, start=(10, 30), minutes=30)
    SessionFactory(program=program, starts=beijing(1, 11), ends=beijing(1, 12), title="Case study")
    # A parallel track in the same hour adds no scheduled time.
    SessionFactory(program=program, starts=beijing(1, 11), ends=beijing(1, 11, 45), title="Parallel track")
    person = RegistrationFactory(program=program, email="p@example.org")
    connect(program, "p@example.org", (beijing(1, 9), beijing(1, 12)))

    result = result_of(program, person)

    assert result.scheduled_minutes == 150
    assert (result.online_minutes, result.attended) == (150, True)


def test_a_program_without_sessions_is_scheduled_from_its_start_to_its_end_time_each_day():
    program = finished_program(sessions=False)  # 09:00 to 17:00 on two days
    person = RegistrationFactory(program=program, email="p@example.org")
    connect(program, "p@example.org", (beijing(1, 8), beijing(1, 18)), (beijing(2, 9), beijing(2, 13)))

    result = result_of(program, person)

    assert result.scheduled_minutes == 2 * 8 * 60
    assert result.online_minutes == 8 * 60 + 4 * 60


def test_a_program_ending_at_an_earlier_time_of_day_is_scheduled_as_one_span():
    start = dt.datetime(2026, 6, 8, 20, 0, tzinfo=dt.UTC)
    program = finished_program(sessions=False, starts=start, ends=start + dt.timedelta(hours=6))
    assert rules.rule_for(program).scheduled_minutes == 360


def test_onsite_every_day_by_default():
    program = finished_program(mode=Program.Mode.ONSITE)
    both = RegistrationFactory(program=program, mode="onsite")
    one = RegistrationFactory(program=program, mode="onsite")
    CheckInFactory(registration=both, day=DAY_ONE.date())
    CheckInFactory(registration=both, day=DAY_TWO.date())
    CheckInFactory(registration=one, day=DAY_TWO.date())

    assert result_of(program, both).attended
    result = result_of(program, one)
    assert (result.days_present, result.required_days, result.attended) == (1, 2, False)
    assert result.reason == "checked in on 1 of 2 days (2 needed)"


def test_onsite_days_required_is_the_programs():
    program = finished_program(mode=Program.Mode.ONSITE, attendance_days_required=1)
    one = RegistrationFactory(program=program, mode="onsite")
    CheckInFactory(registration=one, day=DAY_TWO.date())

    assert result_of(program, one).attended


def test_more_days_required_than_the_program_has_means_every_day():
    program = finished_program(mode=Program.Mode.ONSITE, attendance_days_required=5)
    assert rules.rule_for(program).required_days == 2


def test_hybrid_the_mode_decides_the_rule_and_either_counts():
    program = finished_program(mode=Program.Mode.HYBRID)
    onsite_in_room = RegistrationFactory(program=program, mode="onsite", email="room@example.org")
    onsite_on_zoom = RegistrationFactory(program=program, mode="onsite", email="zoom@example.org")
    online_on_zoom = RegistrationFactory(program=program, mode="online", email="online@example.org")
    for day in (DAY_ONE, DAY_TWO):
        CheckInFactory(registration=onsite_in_room, day=day.date())
    # Checked in on day one, followed day two on Zoom: not two days in the room, but 75 % of the minutes.
    CheckInFactory(registration=onsite_on_zoom, day=DAY_ONE.date())
    connect(program, "zoom@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 12)))
    connect(program, "online@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 12)))

    room = result_of(program, onsite_in_room)
    assert room.attended and room.reason == "checked in on 2 of 2 days (2 needed)"
    zoom = result_of(program, onsite_on_zoom)
    assert zoom.attended and zoom.reason.startswith("attended 360 of 360 minutes")
    assert "checked in on 1 of 2 days" in zoom.reason
    online = result_of(program, online_on_zoom)
    assert online.attended and online.days_present == 0


def test_only_confirmed_registrations_are_judged():
    program = finished_program()
    RegistrationFactory(program=program, status=Registration.Status.CANCELLED)
    RegistrationFactory(program=program, status=Registration.Status.WAITLISTED)
    confirmed = RegistrationFactory(program=program)

    assert [r.registration_id for r in rules.program_results(program)] == [confirmed.pk]


def test_ignored_people_count_for_nobody():
    program = finished_program()
    person = RegistrationFactory(program=program, email="p@example.org")
    connect(program, "p@example.org", (beijing(1, 9), beijing(1, 12)))
    attendee = person.zoom_attendees.get()
    zoom_import.ignore_attendee(attendee)

    assert result_of(program, person).online_minutes == 0


def test_results_for_a_program_cost_five_queries_whatever_its_size():
    program = finished_program(mode=Program.Mode.HYBRID)
    for n in range(3):
        registration = RegistrationFactory(program=program, email=f"p{n}@example.org", mode="onsite")
        CheckInFactory(registration=registration, day=DAY_ONE.date())
    connect(program, "p0@example.org", (beijing(1, 9), beijing(1, 12)))
    with CaptureQueriesContext(connection) as few:
        rules.program_results(program)
    for n in range(3, 40):
        registration = RegistrationFactory(program=program, email=f"p{n}@example.org", mode="onsite")
        CheckInFactory(registration=registration, day=DAY_TWO.date())
        decisions.decide_attendance(registration, attended=True, reason="Seen in the room", actor=None)
    connect(program, "p9@example.org", (beijing(2, 9), beijing(2, 12)))

    with CaptureQueriesContext(connection) as many:
        results = rules.program_results(program)

    assert len(results) == 40
    assert len(many) == len(few) == 5


def test_result_for_one_registration_agrees_with_the_program_list():
    program = finished_program()
    person = RegistrationFactory(program=program, email="p@example.org")
    connect(program, "p@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 11)))

    assert rules.result_for(person) == result_of(program, person)


def test_interval_union_and_overlap():
    assert rules.union([(5, 10), (0, 3), (2, 4), (10, 12), (20, 20)]) == [(0, 4), (5, 12)]
    assert rules.overlap_seconds([(0, 4), (5, 12)], [(3, 6), (11, 30)]) == 1 + 1 + 1


# --- organisers decide ----------------------------------------------------------------------------


def test_an_organiser_overrides_the_result_with_a_reason_kept_in_the_history():
    program = finished_program()
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)
    person = RegistrationFactory(program=program)
    assert not result_of(program, person).attended

    decisions.decide_attendance(person, attended=True, reason="Followed from a hospital, confirmed by e-mail",
                                actor=organiser)

    result = result_of(program, person)
    assert result.attended and result.overridden and not result.computed
    assert result.reason == "decided by an organiser: Followed from a hospital, confirmed by e-mail"
    assert result.computed_reason.startswith("attended 0 of 360 minutes")
    assert result.decided_by == organiser.username
    event = RegistrationEvent.objects.get(registration=person, action=RegistrationEvent.Action.ATTENDANCE_DECIDED)
    assert event.actor == organiser
    assert event.note == "Attended: Followed from a hospital, confirmed by e-mail"


def test_a_decision_can_say_did_not_attend_and_be_withdrawn():
    program = finished_program()
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)
    person = RegistrationFactory(program=program, email="p@example.org")
    connect(program, "p@example.org", (beijing(1, 9), beijing(1, 12)), (beijing(2, 9), beijing(2, 12)))

    decisions.decide_attendance(person, attended=False, reason="Zoom account shared with a colleague",
                                actor=organiser)
    assert not result_of(program, person).attended

    assert decisions.clear_attendance_decision(person, actor=organiser, reason="Checked again")
    assert result_of(program, person).attended
    assert not decisions.clear_attendance_decision(person, actor=organiser)
    notes = list(
        RegistrationEvent.objects.filter(registration=person, action=RegistrationEvent.Action.ATTENDANCE_DECIDED)
        .values_list("note", flat=True)
    )
    assert notes == ["Did not attend: Zoom account shared with a colleague",
                     "Decision withdrawn; the rule decides: Checked again"]


@pytest.mark.parametrize("reason", ["", "   ", "x" * 451])
def test_a_decision_needs_a_reason_of_reasonable_length(reason):
    person = RegistrationFactory(program=finished_program())
    with pytest.raises(AttendanceError):
        decisions.decide_attendance(person, attended=True, reason=reason, actor=None)
    assert not RegistrationEvent.objects.filter(registration=person).exists()
