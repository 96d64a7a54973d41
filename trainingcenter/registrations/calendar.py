"""The program's days as data (for e-mails and pages), as an iCalendar file, and as calendar links.

One calendar event per program day, spanning that day's sessions, so a
participant's calendar shows when to be there without twenty small entries.

Only a participant who holds a place (``holds_place``) gets the events; when
they lose it (cancelled, rejected, moved to the waiting list) they get the
same events again as a cancellation, and when what the events say changes (a
new attendance mode, the program's times, a join link) as an update with a
higher SEQUENCE. The bookkeeping of that sequence is a write and lives in
``services.calendars``; everything here only computes.
"""
import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from email.utils import parseaddr
from urllib.parse import quote, urlencode, urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import time_format
from django.utils.translation import gettext as _

from .models import Registration

GOOGLE_CALENDAR_URL = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR_URL = "https://outlook.live.com/calendar/0/deeplink/compose"
# Before the first day, a day's notice (to plan travel or the evening) and an
# hour's; before each later day, the hour's only: a daily "tomorrow" during the
# program would be noise.
FIRST_DAY_ALARMS = (dt.timedelta(days=1), dt.timedelta(hours=1))
LATER_DAY_ALARMS = (dt.timedelta(hours=1),)
# The fingerprint of a calendar whose events were cancelled; a live one is a digest.
CANCELLED = "cancelled"


@dataclass
class ProgramDay:
    date: dt.date  # in the program's time zone
    number: int
    starts: dt.datetime  # aware, UTC
    ends: dt.datetime
    sessions: list = field(default_factory=list)


def _day_bounds(program, day):
    """A day without sessions runs from the program's start time to its end time on that date."""
    tz = program.tz
    local_start = timezone.localtime(program.starts, tz)
    local_end = timezone.localtime(program.ends, tz)
    start = dt.datetime.combine(day, local_start.time(), tzinfo=tz)
    end = dt.datetime.combine(day, local_end.time(), tzinfo=tz)
    if end <= start:
        # The daily hours cannot be inferred (e.g. an overnight program): clip to the day.
        start = max(program.starts, dt.datetime.combine(day, dt.time.min, tzinfo=tz))
        end = min(program.ends, dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=tz))
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


def program_days(program, sessions=None):
    """The program's days in its own time zone, each with its sessions in order.

    ``sessions`` may be passed when the caller has them already (one query less).
    """
    if sessions is None:
        sessions = list(program.sessions.order_by("starts", "pk"))
    tz = program.tz
    by_date = {}
    for session in sessions:
        by_date.setdefault(timezone.localtime(session.starts, tz).date(), []).append(session)
    days = []
    for number, date in enumerate(program.local_days(), start=1):
        day_sessions = by_date.get(date, [])
        if day_sessions:
            starts = min(s.starts for s in day_sessions).astimezone(dt.UTC)
            ends = max(s.ends for s in day_sessions).astimezone(dt.UTC)
        else:
            starts, ends = _day_bounds(program, date)
        days.append(ProgramDay(date=date, number=number, starts=starts, ends=ends, sessions=day_sessions))
    return days


def holds_place(registration):
    """Whether the participant should have the program in their calendar: only with a confirmed place.

    Awaiting approval holds a seat against capacity, but the organisers may
    still say no; a calendar entry would tell the person to plan travel and
    time for a program they may not attend. Waitlisted people have no place
    at all. Both get the events the moment they are confirmed (the e-mail
    that tells them carries the file).
    """
    return registration.status == Registration.Status.CONFIRMED


def event_location(registration, join_url=""):
    """Where the participant goes: the venue onsite, their join link (if they may see one) online."""
    program = registration.program
    if registration.mode == Registration.Mode.ONSITE and program.venue:
        return program.venue
    return join_url


def fingerprint(registration, days, join_url=""):
    """A digest of everything the participant's events say, in no particular language.

    Two renderings with the same digest carry the same SEQUENCE; any change
    that a calendar would show (times, title, place, join link, sessions)
    gives another digest and so a higher SEQUENCE. Texts are taken in the
    default language, so downloading the file in another language is not a change.
    """
    program = registration.program
    with translation.override(settings.LANGUAGE_CODE):
        data = {
            "title": str(program.title),
            "zone": program.time_zone,
            "mode": registration.mode,
            "location": str(event_location(registration, join_url)),
            "join_url": join_url,
            "days": [
                [day.starts.isoformat(), day.ends.isoformat(),
                 [[s.starts.isoformat(), s.ends.isoformat(), str(s.title)] for s in day.sessions]]
                for day in days
            ],
        }
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def _uid_host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def event_uid(registration, day_number):
    """Stable for one registration's day of its program, whatever changes: dates, times, mode.

    Per registration, not per program: each person's events are updated and
    cancelled on their own, also in a calendar that holds two colleagues'.
    """
    return f"program-{registration.program_id}-registration-{registration.pk}-day-{day_number}@{_uid_host()}"


def _summary(program, day, count):
    if count > 1:
        return _("%(title)s (day %(number)d of %(count)d)") % {
            "title": program.title, "number": day.number, "count": count,
        }
    return str(program.title)


def _clock(moment, tz):
    """The time in ``tz``, written as the active language writes times (``TIME_FORMAT``)."""
    return time_format(timezone.localtime(moment, tz), "TIME_FORMAT")


def _session_lines(program, day):
    tz = program.tz
    return [f"{_clock(s.starts, tz)}–{_clock(s.ends, tz)} ({program.time_zone}) {s.title}" for s in day.sessions]


def _organizer(center_name):
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    organizer = icalendar.vCalAddress(f"mailto:{address or 'training@localhost'}")
    organizer.params["cn"] = icalendar.vText(center_name or name or address)
    return organizer


def _utc(value):
    return value.astimezone(dt.UTC).replace(microsecond=0)


def participant_calendar(registration, *, days, sequence, cancelled=False, join_url="", page_url="",
                         center_name=""):
    """The participant's events as an .ics text, times in UTC.

    Live (METHOD:PUBLISH): one event per day with a reminder alarm. Cancelled
    (METHOD:CANCEL): the same UIDs with STATUS:CANCELLED, so a calendar that
    has them removes them. ``sequence`` comes from ``services.calendars`` and
    must be higher than that of any file sent before with other contents.
    The description carries the participant's page and the join link they
    may see (``join_link_rules.join_url_for`` decides; "" for none).
    """
    program = registration.program
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Training Center platform//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    calendar.add("x-wr-calname", program.title)
    calendar.add("x-wr-timezone", program.time_zone)
    stamp = _utc(timezone.now())
    organizer = _organizer(center_name)
    location = event_location(registration, join_url)
    for day in days:
        event = icalendar.Event()
        event.add("uid", event_uid(registration, day.number))
        event.add("sequence", sequence)
        event.add("dtstamp", stamp)
        event.add("dtstart", _utc(day.starts))
        event.add("dtend", _utc(day.ends))
        summary = _summary(program, day, len(days))
        event.add("summary", summary)
        event.add("organizer", organizer)
        if cancelled:
            event.add("status", "CANCELLED")
            attendee = icalendar.vCalAddress(f"mailto:{registration.email}")
            attendee.params["cn"] = icalendar.vText(registration.full_name)
            event.add("attendee", attendee)
        else:
            event.add("status", "CONFIRMED")
        if location:
            event.add("location", location)
        lines = _session_lines(program, day)
        if join_url and not cancelled:
            lines += ["", _("Your join link: %(url)s") % {"url": join_url}]
        if page_url:
            lines += ["", _("Your registration: %(url)s") % {"url": page_url}]
        if lines:
            event.add("description", "\n".join(lines).strip())
        event.add("url", page_url or f"{settings.SITE_URL}{program.get_absolute_url()}")
        if not cancelled:
            for before in FIRST_DAY_ALARMS if day.number == 1 else LATER_DAY_ALARMS:
                alarm = icalendar.Alarm()
                alarm.add("action", "DISPLAY")
                alarm.add("description", summary)
                alarm.add("trigger", -before)
                event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical().decode()


# --- links that add an event in a web calendar -------------------------------------------------


def _google_time(value):
    return _utc(value).strftime("%Y%m%dT%H%M%SZ")


def _outlook_time(value):
    return _utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def google_calendar_url(*, title, starts, ends, details="", location=""):
    """A link that opens Google Calendar's "new event" page filled in; times in UTC."""
    params = {
        "action": "TEMPLATE", "text": title, "dates": f"{_google_time(starts)}/{_google_time(ends)}",
        "details": details, "location": location,
    }
    return f"{GOOGLE_CALENDAR_URL}?{urlencode(params, quote_via=quote)}"


def outlook_calendar_url(*, title, starts, ends, details="", location=""):
    """A link that opens Outlook on the web's "new event" page filled in; times in UTC."""
    params = {
        "path": "/calendar/action/compose", "rru": "addevent", "subject": title,
        "startdt": _outlook_time(starts), "enddt": _outlook_time(ends), "body": details, "location": location,
    }
    return f"{OUTLOOK_CALENDAR_URL}?{urlencode(params, quote_via=quote)}"


def web_calendar_links(registration, days):
    """Per program day: its number, date, and links to add it to Google Calendar and to Outlook.

    The links go to those services as plain URLs, so they carry only what is
    public (the program's page, its venue) and never the participant's page
    or join link: both are secrets that do not belong in another company's
    logs. The .ics file, which stays with the participant, carries them.
    """
    program = registration.program
    details = "\n".join(filter(None, [str(program.subtitle or ""), f"{settings.SITE_URL}{program.get_absolute_url()}"]))
    if registration.mode == Registration.Mode.ONSITE and program.venue:
        location = str(program.venue)
    else:
        location = str(registration.get_mode_display())
    links = []
    for day in days:
        day_details = "\n".join([*_session_lines(program, day), "", details]).strip()
        event = {
            "title": _summary(program, day, len(days)), "starts": day.starts, "ends": day.ends,
            "details": day_details, "location": location,
        }
        links.append({
            "number": day.number, "date": day.date,
            "google": google_calendar_url(**event), "outlook": outlook_calendar_url(**event),
        })
    return links
