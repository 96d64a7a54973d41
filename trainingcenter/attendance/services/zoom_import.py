"""Importing Zoom's participant reports into who was connected when, and organisers' choices about the people in them.

``import_zoom_report`` reads a report (an uploaded CSV file, or the rows of
Zoom's report API), matches each person in it to a registration (registrant
id, then e-mail, then name: ``matching``) and stores every connection as an
interval, all in one transaction: a file refused halfway imports nothing.

- Importing the same report again changes nothing: a report is recognised by
  a digest of its rows (people and UTC times, in any order), so a file
  uploaded twice, or fetched from Zoom twice, is imported once.
- A second day's report adds that day's intervals; people already known
  from the first keep their match, including the organiser's own choices
  (``link_attendee``, ``ignore_attendee``), which are kept per person and
  program rather than per report.
- Intervals are stored as Zoom wrote them; the rule (``rules``) counts the
  union of a person's intervals, clipped to the sessions, so rejoining or two
  devices at once never count twice.

The reading happens before the transaction opens, so the write lock (on
SQLite, the whole database's) is held only for the few bulk inserts.
"""
import datetime as dt
import hashlib
from dataclasses import dataclass, field

from django.db import IntegrityError, connection, transaction
from django.utils.translation import gettext as _

from trainingcenter.programs.models import known_time_zones
from trainingcenter.registrations.models import Registration

from .. import zoom_reports
from ..matching import MATCHED_BY_ORGANISER, Matcher
from ..models import ZoomAttendee, ZoomInterval, ZoomReport
from ..zoom_reports import ReportError

BATCH_SIZE = 2000
INTERVALS_PER_STATEMENT = 1000
NAME_MAX_LENGTH = ZoomReport._meta.get_field("name").max_length


class AttendanceError(Exception):
    """A change refused, with a message for the organiser; ``code`` is for programs."""

    def __init__(self, code, message):
        super().__init__(str(message))
        self.code = code
        self.message = str(message)

    def __str__(self):
        return self.message


@dataclass
class ImportResult:
    """What an import found and did, for the organiser: rows of the report and what became of them."""

    report: ZoomReport
    already_imported: bool = False
    rows: int = 0  # rows of people connected
    matched: int = 0  # rows of people matched to a registration
    unmatched: int = 0  # rows of people matched to no registration (the organiser may link them)
    ignored: int = 0  # rows of people the organiser chose to ignore
    skipped: int = 0  # rows without attendance: absentees, waiting room, no times
    people: int = 0
    unmatched_people: int = 0
    intervals_stored: int = 0


@dataclass
class _Person:
    """One person of the report, as its rows name them."""

    display_name: str
    email: str
    registrant_id: str
    names: list = field(default_factory=list)
    rows: int = 0

    def add(self, row):
        self.rows += 1
        for name in row.names:
            if name not in self.names:
                self.names.append(name)
        self.email = self.email or row.email.lower()
        self.registrant_id = self.registrant_id or row.registrant_id


def check_time_zone(name):
    if name not in known_time_zones():
        raise ReportError("time_zone", _("“%(zone)s” is not a known time zone.") % {"zone": name})
    return name


def import_zoom_report(program, file_or_rows, *, time_zone=None, actor=None, source=ZoomReport.Source.UPLOAD,
                       name=""):
    """Import one participant report into ``program``; returns an ``ImportResult``.

    ``file_or_rows``: an uploaded file, bytes or text of a CSV report (read in
    ``time_zone``, default the program's), or report rows
    (``zoom_reports.ApiRows``, a list of ``ReportRow``). Raises
    ``ReportError`` for a file that is not a Zoom report; nothing is imported then.
    """
    zone = check_time_zone(time_zone or program.time_zone)
    rows = zoom_reports.report_source(file_or_rows, time_zone=zone, name=name)
    people, intervals = _read(rows)
    digest = _digest(intervals)
    actor = actor if getattr(actor, "pk", None) else None
    with transaction.atomic():
        existing = ZoomReport.objects.filter(program=program, digest=digest).first()
        if existing is not None:
            return _already_imported(existing, rows)
        try:
            with transaction.atomic():
                report = ZoomReport.objects.create(
                    program=program, source=source, name=(name or rows.name or "")[:NAME_MAX_LENGTH],
                    digest=digest, time_zone=zone, imported_by=actor,
                )
        except IntegrityError:
            # The same report, imported at the same moment by someone else.
            return _already_imported(ZoomReport.objects.get(program=program, digest=digest), rows)
        attendees = _attendees(program, people)
        _store_intervals(report, attendees, intervals)
        result = _count(report, rows, people, attendees, len(intervals))
        report.rows, report.matched, report.unmatched = result.rows, result.matched, result.unmatched
        report.skipped, report.intervals_stored = result.skipped, result.intervals_stored
        report.save(update_fields=["rows", "matched", "unmatched", "skipped", "intervals_stored"])
    return result


def _read(rows):
    """({key: _Person}, {(key, joined, left)}) from the report's rows; raises ReportError for a bad file."""
    people = {}
    intervals = set()
    for row in rows:
        key = row.key
        person = people.get(key)
        if person is None:
            person = people[key] = _Person(
                display_name=row.name or row.original_name, email=row.email.lower(), registrant_id=row.registrant_id,
            )
        person.add(row)
        intervals.add((key, row.joined_at, row.left_at))
    return people, intervals


def _digest(intervals):
    hasher = hashlib.sha256()
    for key, joined, left in sorted(intervals):
        hasher.update(f"{key}\x1f{joined}\x1f{left}\n".encode())
    return hasher.hexdigest()


def _already_imported(report, rows):
    return ImportResult(
        report=report, already_imported=True, rows=rows.rows, skipped=rows.skipped,
        matched=report.matched, unmatched=report.unmatched,
        ignored=max(0, report.rows - report.matched - report.unmatched),
    )


def _attendees(program, people):
    """{key: (attendee pk, registration pk or None, ignored)} for every person of the report.

    New people are matched and created; known people keep their match, and
    those still unmatched (and not ignored) are tried again, since someone
    may have registered or corrected their e-mail since.
    """
    known = {
        key: (pk, registration_id, ignored)
        for key, pk, registration_id, ignored in ZoomAttendee.objects.filter(program=program)
        .values_list("key", "pk", "registration_id", "ignored")
    }
    # The organiser's word is final: people they linked, ignored or unlinked are not matched again.
    decided = set(
        ZoomAttendee.objects.filter(program=program, matched_by=MATCHED_BY_ORGANISER).values_list("key", flat=True)
    )
    matcher = None
    new, relinked = [], []
    for key, person in people.items():
        current = known.get(key)
        if current is not None and (current[1] is not None or current[2] or key in decided):
            continue
        matcher = matcher or Matcher.for_program(program)
        registration_id, how = matcher.match(
            registrant_id=person.registrant_id, email=person.email, names=person.names,
        )
        if current is None:
            new.append(ZoomAttendee(
                program=program, key=key, display_name=person.display_name[:255], email=person.email,
                registration_id=registration_id, matched_by=how,
            ))
        elif registration_id is not None:
            relinked.append(ZoomAttendee(pk=current[0], registration_id=registration_id, matched_by=how))
            known[key] = (current[0], registration_id, False)
    if relinked:
        ZoomAttendee.objects.bulk_update(relinked, ["registration", "matched_by"], batch_size=BATCH_SIZE)
    if new:
        # Another import of the same program may create some of them at the same moment: theirs stay.
        ZoomAttendee.objects.bulk_create(new, batch_size=BATCH_SIZE, ignore_conflicts=True)
        known = {
            key: (pk, registration_id, ignored)
            for key, pk, registration_id, ignored in ZoomAttendee.objects.filter(program=program)
            .values_list("key", "pk", "registration_id", "ignored")
        }
    return {key: known[key] for key in people}


def _store_intervals(report, attendees, intervals):
    """Insert the report's intervals, many rows per statement.

    ``bulk_create`` would write the same rows; for 20,000 of them it spends
    four fifths of its time building model instances and per-row SQL, so the
    rows go to the cursor as they are, adapted by the database's own
    operations, in statements as large as the database takes. No conflict is
    possible: the report is new, and its intervals are a set.
    """
    ops = connection.ops
    moments = {}

    def moment(seconds):
        value = moments.get(seconds)
        if value is None:
            value = moments[seconds] = ops.adapt_datetimefield_value(dt.datetime.fromtimestamp(seconds, dt.UTC))
        return value

    meta = ZoomInterval._meta
    columns = ", ".join(
        ops.quote_name(meta.get_field(name).column) for name in ("attendee", "report", "joined_at", "left_at")
    )
    per_statement = min(INTERVALS_PER_STATEMENT, (connection.features.max_query_params or 4000) // 4)
    rows = [(attendees[key][0], report.pk, moment(joined), moment(left)) for key, joined, left in intervals]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            batch = rows[start:start + per_statement]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(batch))
            # Table and column names come from the model; every value is a bound parameter.
            sql = f"INSERT INTO {ops.quote_name(meta.db_table)} ({columns}) VALUES {values}"  # noqa: S608
            cursor.execute(sql, [value for row in batch for value in row])


def _count(report, rows, people, attendees, interval_count):
    result = ImportResult(report=report, rows=rows.rows, skipped=rows.skipped, people=len(people),
                          intervals_stored=interval_count)
    for key, person in people.items():
        _pk, registration_id, ignored = attendees[key]
        if registration_id is not None:
            result.matched += person.rows
        elif ignored:
            result.ignored += person.rows
        else:
            result.unmatched += person.rows
            result.unmatched_people += 1
    return result


# --- the organiser's choices about people in the reports -------------------------------------------


def link_attendee(attendee, registration, *, actor=None):
    """The organiser says who this person of Zoom's reports is; kept for every later import."""
    if registration.program_id != attendee.program_id:
        raise AttendanceError("other_program", _("This registration belongs to another program."))
    if registration.is_erased:
        raise AttendanceError("erased", _("This registration's personal data was erased."))
    attendee.registration = registration
    attendee.ignored = False
    attendee.matched_by = MATCHED_BY_ORGANISER
    attendee.save(update_fields=["registration", "ignored", "matched_by"])
    return attendee


def ignore_attendee(attendee, *, actor=None):
    """The organiser says this person is nobody registered (a speaker, a host, a guest): not listed again."""
    attendee.registration = None
    attendee.ignored = True
    attendee.matched_by = MATCHED_BY_ORGANISER
    attendee.save(update_fields=["registration", "ignored", "matched_by"])
    return attendee


def unlink_attendee(attendee, *, actor=None):
    """The organiser says the automatic match was wrong: the person is listed as not matched, and stays so
    until the organiser links them (a name shared by chance is not matched again by the next report)."""
    attendee.registration = None
    attendee.ignored = False
    attendee.matched_by = MATCHED_BY_ORGANISER
    attendee.save(update_fields=["registration", "ignored", "matched_by"])
    return attendee


def reset_attendee(attendee, *, actor=None):
    """Undo a link or an ignore: the person is matched automatically again, or listed as unmatched."""
    matcher = Matcher.for_program(attendee.program)
    names = [attendee.display_name] if attendee.display_name else []
    registrant_id = attendee.key.removeprefix("registrant:") if attendee.key.startswith("registrant:") else ""
    registration_id, how = matcher.match(registrant_id=registrant_id, email=attendee.email, names=names)
    attendee.registration_id = registration_id
    attendee.ignored = False
    attendee.matched_by = how
    attendee.save(update_fields=["registration", "ignored", "matched_by"])
    return attendee


def remove_report(report, *, actor=None):
    """Take one import back (e.g. read in the wrong time zone): its intervals go; people and choices stay."""
    report.delete()


def registrations_for_linking(program):
    """The program's registrations an organiser may link a person to: active ones whose data is kept."""
    return (
        Registration.objects.filter(program=program, personal_data_erased_at__isnull=True)
        .active().order_by("family_name", "given_name", "pk")
    )


def erase_attendee_identity(registration):
    """Forget how Zoom's reports named a participant whose personal data is erased; returns how many rows.

    The rows stay linked to the (anonymised) registration with their
    intervals, so the program's attendance figures do not change; the name,
    the address and the key made from them go. Harmless to run twice.
    """
    attendees = list(ZoomAttendee.objects.filter(registration=registration).exclude(key__startswith="erased:"))
    for attendee in attendees:
        attendee.key, attendee.display_name, attendee.email = f"erased:{attendee.pk}", "", ""
    ZoomAttendee.objects.bulk_update(attendees, ["key", "display_name", "email"], batch_size=BATCH_SIZE)
    return len(attendees)
