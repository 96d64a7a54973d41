"""Open data: a public program's facts, agenda and people as CSV tables (the JSON is the programs API's).

Cells pass through ``registrations.exports.safe_cell``, so text that starts
like a formula (=, +, -, @) is shown by spreadsheets, never run. Files are
UTF-8 with a byte order mark, so Excel reads Chinese and Russian.
"""
import csv
import datetime as dt
import io

from django.utils import timezone

from trainingcenter.registrations.exports import safe_cell

AGENDA_COLUMNS = ["day", "starts_local", "ends_local", "starts_utc", "ends_utc", "kind", "title", "speakers",
                  "abstract", "slides_url", "recording_url"]
PEOPLE_COLUMNS = ["role", "name", "latin_name", "honorific", "position", "affiliation", "country", "note", "url"]
FACTS_COLUMNS = ["field", "value"]


def _csv(header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _iso(value, tz=None):
    return timezone.localtime(value, tz).isoformat() if tz else value.astimezone(dt.UTC).isoformat()


def agenda_rows(program):
    """One row per session, in the active language; times in the program's zone and in UTC."""
    first_day = timezone.localtime(program.starts, program.tz).date()
    for session in program.sessions.all():
        day = (timezone.localtime(session.starts, program.tz).date() - first_day).days + 1
        yield [
            day, _iso(session.starts, program.tz), _iso(session.ends, program.tz), _iso(session.starts),
            _iso(session.ends), session.kind, session.title,
            "; ".join(person.full_name for person in session.speakers.all()),
            session.abstract, session.slides_url, session.recording_url,
        ]


def people_rows(program, absolute):
    """Officials, moderators and speakers (roles first, then speakers without a role), once per role."""
    seen = set()
    for role in program.roles.all():
        person = role.person
        seen.add((person.pk, role.role))
        yield [role.role, person.name, person.latin_name, person.honorific, person.position, person.affiliation,
               person.country.code if person.country else "", role.note, absolute(person.get_absolute_url())]
    for session in program.sessions.all():
        for person in session.speakers.all():
            if (person.pk, "speaker") in seen:
                continue
            seen.add((person.pk, "speaker"))
            yield ["speaker", person.name, person.latin_name, person.honorific, person.position,
                   person.affiliation, person.country.code if person.country else "", "",
                   absolute(person.get_absolute_url())]


def facts_rows(program, absolute):
    yield from [
        ["slug", program.slug], ["number", program.number], ["title", program.title],
        ["subtitle", program.subtitle], ["summary", program.summary], ["status", program.status],
        ["mode", program.mode], ["time_zone", program.time_zone], ["starts_utc", _iso(program.starts)],
        ["ends_utc", _iso(program.ends)], ["venue", program.venue],
        ["themes", "; ".join(theme.name for theme in program.themes.all())],
        ["recording_url", program.recording_url], ["url", absolute(program.get_absolute_url())],
    ]


def agenda_csv(program):
    return _csv(AGENDA_COLUMNS, agenda_rows(program))


def people_csv(program, absolute=str):
    return _csv(PEOPLE_COLUMNS, people_rows(program, absolute))


def facts_csv(program, absolute=str):
    return _csv(FACTS_COLUMNS, facts_rows(program, absolute))
