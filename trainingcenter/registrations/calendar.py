"""The program's days as data (for e-mails and pages) and as an iCalendar file.

One calendar event per program day, spanning that day's sessions, so a
participant's calendar shows when to be there without twenty small entries.
"""
import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _


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


def _uid_host():
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def program_calendar(program, *, join_url="", page_url="", days=None):
    """The program as an .ics text: one VEVENT per day, stable UIDs, times in UTC.

    For a participant, the description carries their page link and the join
    link they may see (``join_link_rules.join_url_for`` decides; "" for none).
    ``days`` may be passed when the caller has them from ``program_days``.
    """
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Training Center platform//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", program.title)
    calendar.add("x-wr-timezone", program.time_zone)
    days = program_days(program) if days is None else days
    stamp = timezone.now().astimezone(dt.UTC).replace(microsecond=0)
    for day in days:
        event = icalendar.Event()
        event.add("uid", f"program-{program.pk}-{day.date:%Y%m%d}@{_uid_host()}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day.starts.replace(microsecond=0))
        event.add("dtend", day.ends.replace(microsecond=0))
        summary = program.title
        if len(days) > 1:
            summary = _("%(title)s (day %(number)d of %(count)d)") % {
                "title": program.title, "number": day.number, "count": len(days),
            }
        event.add("summary", summary)
        if program.venue:
            event.add("location", program.venue)
        elif join_url:
            event.add("location", join_url)
        lines = []
        tz = program.tz
        for session in day.sessions:
            lines.append(
                f"{timezone.localtime(session.starts, tz):%H:%M}–{timezone.localtime(session.ends, tz):%H:%M} "
                f"({program.time_zone}) {session.title}"
            )
        if join_url:
            lines += ["", _("Your join link: %(url)s") % {"url": join_url}]
        if page_url:
            lines += ["", _("Your registration: %(url)s") % {"url": page_url}]
        if lines:
            event.add("description", "\n".join(lines).strip())
        url = page_url or f"{settings.SITE_URL}{program.get_absolute_url()}"
        event.add("url", url)
        calendar.add_component(event)
    return calendar.to_ical().decode()
