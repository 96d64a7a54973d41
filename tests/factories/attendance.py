"""Attendance data for tests: a finished two-day program with sessions, Zoom reports as Zoom writes them, check-ins.

The program runs on 8 and 9 June 2026 in Beijing (Asia/Shanghai, UTC+8),
with one three-hour session each morning (09:00–12:00, 01:00–04:00 UTC):
360 scheduled minutes.
"""
import datetime as dt

import factory
from django.utils import timezone

from trainingcenter.attendance.models import AttendanceOverride, CheckIn, ZoomAttendee
from trainingcenter.programs.models import Program, Session

from .programs import ProgramFactory, SessionFactory
from .registrations import RegistrationFactory

BEIJING = dt.timezone(dt.timedelta(hours=8))
DAY_ONE = dt.datetime(2026, 6, 8, 9, 0, tzinfo=BEIJING)
DAY_TWO = DAY_ONE + dt.timedelta(days=1)


def beijing(day, hour, minute=0, second=0):
    """A moment on the program's first (1) or second (2) day, Beijing time."""
    return (DAY_ONE + dt.timedelta(days=day - 1)).replace(hour=hour, minute=minute, second=second)


def finished_program(*, sessions=True, **kwargs):
    """A completed two-day online program, 360 scheduled minutes, rule at the default 75 %."""
    defaults = {
        "starts": DAY_ONE, "ends": DAY_TWO.replace(hour=17), "status": Program.Status.COMPLETED,
        "registration_opens": None, "registration_closes": None, "time_zone": "Asia/Shanghai",
        "mode": Program.Mode.ONLINE, "capacity_onsite": None, "capacity_online": None,
    }
    program = ProgramFactory(**{**defaults, **kwargs})
    if sessions:
        for day in (DAY_ONE, DAY_TWO):
            SessionFactory(program=program, starts=day, ends=day + dt.timedelta(hours=3), title="Morning lectures")
    return program


def add_break(program, day=1, start=(10, 30), minutes=15):
    starts = beijing(day, *start)
    return SessionFactory(
        program=program, kind=Session.Kind.BREAK, title="Tea", starts=starts,
        ends=starts + dt.timedelta(minutes=minutes),
    )


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    registration = factory.SubFactory(RegistrationFactory, mode="onsite")
    day = DAY_ONE.date()
    checked_in_at = factory.LazyFunction(timezone.now)


class ZoomAttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ZoomAttendee

    program = factory.SubFactory(ProgramFactory)
    key = factory.Sequence(lambda n: f"email:zoom{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Zoom person {n}")


class AttendanceOverrideFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AttendanceOverride

    registration = factory.SubFactory(RegistrationFactory)
    attended = True
    reason = "Followed the recording with the lecturer"


# --- Zoom's files, as Zoom writes them ---------------------------------------------------------


def zoom_time(moment):
    """06/08/2026 09:05:12 AM, in Beijing time, as Zoom writes times in a meeting report."""
    return moment.astimezone(BEIJING).strftime("%m/%d/%Y %I:%M:%S %p")


def meeting_report(rows, *, summary=True, bom=False, time=zoom_time, newline="\r\n", extra_columns=False):
    """A meeting participant report: ``rows`` of (name, e-mail, joined, left).

    With ``summary``, the meeting's own lines come first, as in Zoom's export
    "with meeting data"; ``extra_columns`` adds Recording Consent and In Waiting Room.
    """
    lines = []
    if summary:
        first = min(row[2] for row in rows) if rows else DAY_ONE
        last = max(row[3] for row in rows) if rows else DAY_ONE
        lines += [
            "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
            f"851 2000 0001,Low-carbon development: day one,{time(first)},{time(last)},host@example.org,"
            f"{int((last - first).total_seconds() // 60)},{len(rows)}",
            "",
        ]
    header = "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest"
    if extra_columns:
        header += ",Recording Consent,In Waiting Room"
    lines.append(header)
    for name, email, joined, left in rows:
        minutes = max(1, round((left - joined).total_seconds() / 60))
        quoted = f'"{name}"' if "," in name else name
        line = f"{quoted},{email},{time(joined)},{time(left)},{minutes},{'Yes' if not email else 'No'}"
        if extra_columns:
            line += ",,No"
        lines.append(line)
    text = newline.join(lines) + newline
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if bom else data
