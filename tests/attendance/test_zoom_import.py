"""Importing Zoom reports: who is who, each connection stored once, the same report twice changes nothing."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import RegistrationFactory
from tests.factories.attendance import beijing, finished_program, meeting_report
from trainingcenter.attendance import rules
from trainingcenter.attendance.matching import name_key
from trainingcenter.attendance.models import ZoomAttendee, ZoomInterval, ZoomReport
from trainingcenter.attendance.services import zoom_import
from trainingcenter.attendance.zoom_reports import ReportError, ReportRow
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return finished_program()


def attendee(program, **filters):
    return ZoomAttendee.objects.get(program=program, **filters)


def minutes_of(program, registration):
    [result] = [r for r in rules.program_results(program) if r.registration_id == registration.pk]
    return result.online_minutes


def test_rows_are_matched_by_registrant_id_then_email_then_name(program):
    by_id = RegistrationFactory(program=program, email="amina@example.org", zoom_registrant_id="reg-amina",
                                given_name="Amina", family_name="Karimova")
    # Her Zoom account's e-mail belongs to someone else's registration: the registrant id wins.
    other = RegistrationFactory(program=program, email="amina.private@example.org", given_name="Dana",
                                family_name="Omarova")
    by_email = RegistrationFactory(program=program, email="bolat@example.org", given_name="Bolat",
                                   family_name="Sadykov")
    by_name = RegistrationFactory(program=program, email="wei@example.cn", given_name="Wei", family_name="Wang")
    rows = [
        ReportRow(name="A. K.", email="amina.private@example.org", registrant_id="reg-amina",
                  joined_at=int(beijing(1, 9).timestamp()), left_at=int(beijing(1, 10).timestamp())),
        ReportRow(name="Someone Else", email="BOLAT@example.org",
                  joined_at=int(beijing(1, 9).timestamp()), left_at=int(beijing(1, 10).timestamp())),
        ReportRow(name="WANG  Wei", email="",
                  joined_at=int(beijing(1, 9).timestamp()), left_at=int(beijing(1, 10).timestamp())),
        ReportRow(name="Guest Speaker", email="speaker@example.org",
                  joined_at=int(beijing(1, 9).timestamp()), left_at=int(beijing(1, 10).timestamp())),
    ]

    result = zoom_import.import_zoom_report(program, rows)

    assert (result.rows, result.matched, result.unmatched, result.unmatched_people) == (4, 3, 1, 1)
    assert attendee(program, key="registrant:reg-amina").registration == by_id
    assert attendee(program, key="registrant:reg-amina").matched_by == "registrant"
    assert attendee(program, key="email:bolat@example.org").registration == by_email
    assert attendee(program, key="email:bolat@example.org").matched_by == "email"
    assert attendee(program, registration=by_name).matched_by == "name"
    assert attendee(program, key="email:speaker@example.org").registration is None
    assert not ZoomAttendee.objects.filter(registration=other).exists()


@pytest.mark.parametrize(
    ("in_zoom", "registered"),
    [
        ("Karimova Amina", ("Amina", "Karimova")),  # family name first
        ("  amina   KARIMOVA ", ("Amina", "Karimova")),  # spacing, case
        ("Amína Karímova", ("Amina", "Karimova")),  # accents
        ("Dr. Amina Karimova", ("Amina", "Karimova")),  # a title
        ("Işık Yılmaz", ("Isik", "Yilmaz")),  # Turkish dotless i
        ("王伟", ("伟", "王")),  # Chinese, family name first, no space
        ("Amina K (Amina Karimova)", ("Amina", "Karimova")),  # renamed in the meeting: the original name
    ],
)
def test_names_match_whatever_their_order_accents_and_spacing(program, in_zoom, registered):
    registration = RegistrationFactory(program=program, given_name=registered[0], family_name=registered[1])
    data = meeting_report([(in_zoom, "", beijing(1, 9), beijing(1, 11))])

    result = zoom_import.import_zoom_report(program, data)

    assert result.matched == 1
    assert ZoomAttendee.objects.get(program=program).registration == registration


def test_a_name_two_registrations_share_matches_neither(program):
    RegistrationFactory(program=program, given_name="Wei", family_name="Wang")
    RegistrationFactory(program=program, given_name="Wei", family_name="Wang")

    result = zoom_import.import_zoom_report(program, meeting_report([("Wang Wei", "", beijing(1, 9), beijing(1, 11))]))

    assert (result.matched, result.unmatched) == (0, 1)


def test_an_active_registration_wins_over_a_cancelled_one_of_the_same_person(program):
    RegistrationFactory(program=program, email="amina@example.org", status=Registration.Status.CANCELLED)
    active = RegistrationFactory(program=program, email="amina@example.org")

    zoom_import.import_zoom_report(program, meeting_report([("A", "amina@example.org", beijing(1, 9), beijing(1, 10))]))

    assert ZoomAttendee.objects.get(program=program).registration == active


def test_another_programs_registrations_are_never_matched(program):
    RegistrationFactory(email="amina@example.org")  # another program

    result = zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 10))])
    )

    assert result.matched == 0


def test_rejoins_and_two_devices_count_as_the_union_not_the_sum(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    data = meeting_report([
        # Laptop 09:00-10:00, phone 09:30-10:30 at the same time, dropped and rejoined 10:40-11:00.
        ("Amina Karimova", "amina@example.org", beijing(1, 9), beijing(1, 10)),
        ("Amina's iPhone", "amina@example.org", beijing(1, 9, 30), beijing(1, 10, 30)),
        ("Amina Karimova", "amina@example.org", beijing(1, 10, 40), beijing(1, 11)),
    ])

    result = zoom_import.import_zoom_report(program, data)

    assert (result.rows, result.matched, result.intervals_stored) == (3, 3, 3)
    # 90 minutes at once plus 20, not 60 + 60 + 20.
    assert minutes_of(program, amina) == 110


def test_time_outside_the_sessions_does_not_count(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    # Joined half an hour early, stayed an hour after the session ended (12:00), and in the afternoon.
    data = meeting_report([
        ("Amina", "amina@example.org", beijing(1, 8, 30), beijing(1, 13)),
        ("Amina", "amina@example.org", beijing(1, 14), beijing(1, 16)),
    ])

    zoom_import.import_zoom_report(program, data)

    assert minutes_of(program, amina) == 180


def test_the_same_report_imported_again_changes_nothing(program):
    RegistrationFactory(program=program, email="amina@example.org")
    data = meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 11)),
                           ("Guest", "guest@example.org", beijing(1, 9), beijing(1, 11))])
    first = zoom_import.import_zoom_report(program, data)
    before = (ZoomReport.objects.count(), ZoomAttendee.objects.count(), ZoomInterval.objects.count())

    # Also with a byte order mark and the summary lines: the same rows are the same report.
    again = zoom_import.import_zoom_report(program, meeting_report(
        [("Guest", "guest@example.org", beijing(1, 9), beijing(1, 11)),
         ("Amina", "amina@example.org", beijing(1, 9), beijing(1, 11))], bom=True, summary=False,
    ))

    assert again.already_imported and again.report == first.report
    assert (again.rows, again.matched, again.unmatched, again.intervals_stored) == (2, 1, 1, 0)
    assert (ZoomReport.objects.count(), ZoomAttendee.objects.count(), ZoomInterval.objects.count()) == before


def test_a_second_days_report_adds_that_day(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 12))])
    )
    assert minutes_of(program, amina) == 180

    result = zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(2, 9), beijing(2, 11))])
    )

    assert not result.already_imported and result.intervals_stored == 1
    assert ZoomReport.objects.filter(program=program).count() == 2
    assert ZoomAttendee.objects.filter(program=program).count() == 1  # the same person, known from day one
    assert minutes_of(program, amina) == 300


def test_an_overlapping_report_does_not_count_twice(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 11))])
    )
    # The whole program's report, day one included once more.
    zoom_import.import_zoom_report(program, meeting_report([
        ("Amina", "amina@example.org", beijing(1, 9), beijing(1, 11)),
        ("Amina", "amina@example.org", beijing(2, 9), beijing(2, 10)),
    ]))

    assert minutes_of(program, amina) == 180


def test_the_organisers_choices_are_kept_for_the_next_reports(program):
    hidden = RegistrationFactory(program=program, email="d.omarova@gov.example", given_name="Dana",
                                 family_name="Omarova")
    day_one = meeting_report([("Dana's laptop", "", beijing(1, 9), beijing(1, 12)),
                              ("Zoom Room 3", "", beijing(1, 9), beijing(1, 12))])
    first = zoom_import.import_zoom_report(program, day_one)
    assert (first.matched, first.unmatched) == (0, 2)
    zoom_import.link_attendee(attendee(program, key=f"name:{name_key('Dana s laptop')}"), hidden)
    zoom_import.ignore_attendee(attendee(program, key=f"name:{name_key('Zoom Room 3')}"))

    second = zoom_import.import_zoom_report(program, meeting_report(
        [("Dana's laptop", "", beijing(2, 9), beijing(2, 12)), ("Zoom Room 3", "", beijing(2, 9), beijing(2, 12))]
    ))

    assert (second.matched, second.unmatched, second.ignored) == (1, 0, 1)
    assert minutes_of(program, hidden) == 360
    assert attendee(program, registration=hidden).matched_by == "organiser"


def test_people_unmatched_before_are_matched_once_they_register(program):
    zoom_import.import_zoom_report(
        program, meeting_report([("Late", "late@example.org", beijing(1, 9), beijing(1, 12))])
    )
    late = RegistrationFactory(program=program, email="late@example.org")

    zoom_import.import_zoom_report(
        program, meeting_report([("Late", "late@example.org", beijing(2, 9), beijing(2, 12))])
    )

    assert attendee(program, key="email:late@example.org").registration == late
    assert minutes_of(program, late) == 360


def test_a_refused_file_imports_nothing(program):
    RegistrationFactory(program=program, email="amina@example.org")
    good_then_bad = meeting_report([
        ("Amina", "amina@example.org", beijing(1, 9), beijing(1, 10)),
        ("Bolat", "bolat@example.org", beijing(1, 9), beijing(1, 10)),
    ]).replace(b"06/08/2026 10:00:00 AM\r\n", b"06/08/2026 10:00:00 AM\r\n", 1)
    broken = good_then_bad.rsplit(b"\r\n", 2)[0] + b"\r\nBolat,bolat@example.org,soon,later,1,No\r\n"

    with pytest.raises(ReportError):
        zoom_import.import_zoom_report(program, broken)

    assert not ZoomReport.objects.exists() and not ZoomAttendee.objects.exists()
    assert not ZoomInterval.objects.exists()


def test_an_unknown_time_zone_is_refused(program):
    with pytest.raises(ReportError) as caught:
        zoom_import.import_zoom_report(program, meeting_report([]), time_zone="Mars/Olympus")
    assert caught.value.code == "time_zone"


def test_times_are_read_in_the_chosen_zone(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    # Exported by someone whose Zoom shows Moscow time: 04:00-07:00 Moscow is 09:00-12:00 in Beijing.
    moscow = dt.timezone(dt.timedelta(hours=3))
    data = meeting_report(
        [("Amina", "amina@example.org", beijing(1, 9), beijing(1, 12))],
        time=lambda moment: moment.astimezone(moscow).strftime("%m/%d/%Y %I:%M:%S %p"),
    )

    result = zoom_import.import_zoom_report(program, data, time_zone="Europe/Moscow")

    assert result.report.time_zone == "Europe/Moscow"
    assert minutes_of(program, amina) == 180


def test_removing_an_import_takes_its_intervals_back(program):
    amina = RegistrationFactory(program=program, email="amina@example.org")
    wrong = zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 12))]), time_zone="UTC"
    )
    assert minutes_of(program, amina) == 0  # read in UTC, her morning fell in the Beijing evening

    zoom_import.remove_report(wrong.report)
    zoom_import.import_zoom_report(
        program, meeting_report([("Amina", "amina@example.org", beijing(1, 9), beijing(1, 12))])
    )

    assert minutes_of(program, amina) == 180


def test_the_import_costs_the_same_few_queries_for_many_rows(program):
    for n in range(30):
        RegistrationFactory(program=program, email=f"p{n}@example.org")
    small = meeting_report([(f"P{n}", f"p{n}@example.org", beijing(1, 9), beijing(1, 10)) for n in range(3)])
    large = meeting_report([(f"P{n}", f"p{n}@example.org", beijing(2, 9), beijing(2, 10)) for n in range(30)]
                           + [(f"Guest {n}", "", beijing(2, 9), beijing(2, 10)) for n in range(30)])

    with CaptureQueriesContext(connection) as few:
        zoom_import.import_zoom_report(program, small)
    with CaptureQueriesContext(connection) as many:
        zoom_import.import_zoom_report(program, large)

    assert len(many) == len(few)


def test_a_wrong_name_match_undone_by_the_organiser_is_not_made_again(program):
    namesake = RegistrationFactory(program=program, given_name="Wei", family_name="Wang", email="wei@example.cn")
    zoom_import.import_zoom_report(program, meeting_report([("Wang Wei", "", beijing(1, 9), beijing(1, 12))]))
    stranger = attendee(program, registration=namesake)
    assert stranger.matched_by == "name"

    zoom_import.unlink_attendee(stranger)
    result = zoom_import.import_zoom_report(
        program, meeting_report([("Wang Wei", "", beijing(2, 9), beijing(2, 12))])
    )

    stranger.refresh_from_db()
    assert stranger.registration is None and result.unmatched == 1
    assert minutes_of(program, namesake) == 0

    zoom_import.reset_attendee(stranger)  # "undo my choice": automatic matching again
    stranger.refresh_from_db()
    assert stranger.registration == namesake
