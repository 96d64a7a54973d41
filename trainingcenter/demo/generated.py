"""Writing the generated sample participants (``content.generated_participants``) of the past programs.

Bulk inserts, a handful of queries per program, so ``load_demo`` stays fast.
A program that already has its generated participants is left alone:
loading again changes nothing. Attendance comes with them: onsite people are
checked in on every day they attended, online people appear in one generated
Zoom report, connected for the whole program or for half an hour.
"""
import datetime as dt
import random
import secrets
import zoneinfo
from contextlib import contextmanager

from trainingcenter.attendance.models import CheckIn, ZoomAttendee, ZoomInterval, ZoomReport
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import TOKEN_SELECTOR_LENGTH, Registration

from .content import generated_participants as content


@contextmanager
def _keeping_created_at():
    """Let bulk_create write the registration days we give instead of "now"."""
    created_at = Registration._meta.get_field("created_at")
    created_at.auto_now_add = False
    try:
        yield
    finally:
        created_at.auto_now_add = True


def is_generated(email):
    return email.endswith("@" + content.DOMAIN)


def _draw(rng, weights):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _program_days(program):
    zone = zoneinfo.ZoneInfo(program.time_zone)
    first, last = program.starts.astimezone(zone).date(), program.ends.astimezone(zone).date()
    return [first + dt.timedelta(days=offset) for offset in range((last - first).days + 1)]


def load_generated_participants(programs):
    """Add the generated participants to each program of ``programs`` (slug → Program) that has none yet.

    Returns how many registrations were created.
    """
    created = 0
    for slug, spec in content.PROGRAMS.items():
        program = programs.get(slug)
        if program is None or Registration.objects.filter(
            program=program, email__endswith="@" + content.DOMAIN
        ).exists():
            continue
        created += _load_program(program, spec)
    return created


def _load_program(program, spec):
    rng = random.Random(f"{content.SEED}-{program.slug}")
    hybrid = program.mode == Program.Mode.HYBRID
    people = []
    number = 0
    for country, count in spec["countries"].items():
        for _ in range(count):
            number += 1
            onsite = hybrid and (country in spec["onsite_countries"] or rng.random() < spec["onsite_share"])
            registered = program.starts - dt.timedelta(
                days=rng.uniform(1, spec["registration_days"]), minutes=rng.randint(0, 600),
            )
            token = secrets.token_urlsafe(32)
            people.append(Registration(
                program=program,
                given_name="Generated",
                family_name=f"participant {number:03d}",
                email=f"participant{number:03d}.{program.slug}@{content.DOMAIN}",
                country=country,
                organization=f"Sample organisation ({country})",
                position="Generated sample participant",
                sector=_draw(rng, content.SECTORS),
                gender=_draw(rng, content.GENDERS),
                mode=Registration.Mode.ONSITE if onsite else Registration.Mode.ONLINE,
                language=content.LANGUAGE_BY_COUNTRY.get(country, "en"),
                consent_at=registered,
                created_at=registered,
                status=(Registration.Status.CANCELLED if rng.random() < content.CANCELLED_SHARE
                        else Registration.Status.CONFIRMED),
                token=token,
                token_selector=token[:TOKEN_SELECTOR_LENGTH],
            ))
    with _keeping_created_at():
        people = Registration.objects.bulk_create(people)
    _load_attendance(program, spec, people, rng)
    return len(people)


def _load_attendance(program, spec, people, rng):
    confirmed = [person for person in people if person.status == Registration.Status.CONFIRMED]
    attended = {person.pk for person in confirmed if rng.random() < spec["attended_share"]}
    days = _program_days(program)
    check_ins = []
    for person in confirmed:
        if person.mode != Registration.Mode.ONSITE:
            continue
        present = days if person.pk in attended else days[:1] if len(days) > 1 else []
        check_ins.extend(
            CheckIn(registration=person, day=day, checked_in_at=program.starts.replace(
                year=day.year, month=day.month, day=day.day) - dt.timedelta(minutes=20))
            for day in present
        )
    CheckIn.objects.bulk_create(check_ins)
    online = [person for person in confirmed if person.mode == Registration.Mode.ONLINE]
    if not online:
        return
    report = ZoomReport.objects.create(
        program=program, source=ZoomReport.Source.UPLOAD, name="generated-sample-report.csv",
        digest=f"generated-{program.slug}", time_zone=program.time_zone,
        rows=len(online), matched=len(online), intervals_stored=len(online),
    )
    attendees = ZoomAttendee.objects.bulk_create(
        ZoomAttendee(program=program, key=person.email, display_name=person.full_name, email=person.email,
                     registration=person, matched_by="email")
        for person in online
    )
    intervals = []
    for person, attendee in zip(online, attendees, strict=True):
        joined = program.starts - dt.timedelta(minutes=5)
        left = program.ends if person.pk in attended else program.starts + dt.timedelta(minutes=30)
        intervals.append(ZoomInterval(attendee=attendee, report=report, joined_at=joined, left_at=left))
    ZoomInterval.objects.bulk_create(intervals)
