"""Reading Zoom's participant reports: the CSV files organisers download, and the rows of Zoom's report API.

Accepted, as Zoom writes them (see ANCHORS 5.5):

- the meeting participant report, with or without the meeting's summary
  (a header, a line and a blank line) above the participants' header
  ``Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest``
  and its variants (``Recording Consent``, ``In Waiting Room``), including
  the one-table export that repeats the meeting's columns on every row (its
  second ``User Email`` is the participant's);
- the webinar attendee report: title lines, a summary, then the sections
  "Host Details", "Panelist Details" and "Attendee Details"; only attendees
  are read, and those who did not attend (``Attended`` = No) are skipped;
- a ``Registrant ID`` column, when present;
- times as ``MM/DD/YYYY hh:mm:ss AM/PM`` (seconds and AM/PM optional),
  ``Jun 8, 2026 09:05:12 AM``, ``YYYY/MM/DD hh:mm:ss`` and ISO 8601; a time
  without an offset is read in the time zone the organiser picks;
- UTF-8 with or without a byte order mark, separated by commas (or by
  semicolons or tabs, as a spreadsheet program may save it again).

Rows of people in the waiting room and rows without times carry no
attendance and are skipped. Anything else is refused with ``ReportError``,
whose message says what is wrong and what to do: a file that is empty, too
large, binary (a spreadsheet, a PDF), not UTF-8, without the participants'
header (other columns, not CSV), with only total minutes per person ("Show
unique users"), or with a time that cannot be read (the line is named).

The file is read as a stream, one row at a time, so a 20,000-row report costs
the memory of its rows' small tuples, not of the file.
"""
import codecs
import csv
import datetime as dt
import io
import re
import zoneinfo
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .matching import name_key, normalise_email, split_original_name

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
SNIFF_BYTES = 64 * 1024
DELIMITERS = (",", ";", "\t")
KEY_MAX_LENGTH = 300


class ReportError(Exception):
    """A file refused, with a message for the organiser in the active language; ``code`` is for programs."""

    def __init__(self, code, message):
        super().__init__(str(message))
        self.code = code
        self.message = str(message)

    def __str__(self):
        return self.message


@dataclass(frozen=True, slots=True)
class ReportRow:
    """One connection of one person: from ``joined_at`` to ``left_at``, in seconds since 1970 (UTC).

    ``key`` says who this is across reports: Zoom's registrant id, else the
    e-mail, else the normalised name; "" for a row that names nobody. It is
    worked out once, when the row is made.
    """

    name: str
    email: str
    joined_at: int
    left_at: int
    original_name: str = ""
    registrant_id: str = ""
    key: str = field(default="", compare=False)

    def __post_init__(self):
        if not self.key:
            key = identity_key(self.registrant_id, self.email, self.original_name or self.name)
            object.__setattr__(self, "key", key)

    @property
    def names(self):
        return tuple(name for name in (self.name, self.original_name) if name)


def identity_key(registrant_id, email, name):
    if registrant_id:
        return f"registrant:{registrant_id}"[:KEY_MAX_LENGTH]
    if email:
        return f"email:{email.lower()}"[:KEY_MAX_LENGTH]
    name = name_key(name)
    return f"name:{name}"[:KEY_MAX_LENGTH] if name else ""


# --- columns -------------------------------------------------------------------------------

# For each field, the headers Zoom uses for it, preferred first.
COLUMNS = {
    "name": (
        "name (original name)", "user name (original name)", "participant name (original name)",
        "participant", "participant name", "display name", "name", "user name",
    ),
    "first_name": ("first name",),
    "last_name": ("last name",),
    "email": ("user email", "email", "e-mail", "email address", "participant email", "user_email"),
    "join": ("join time", "join_time"),
    "leave": ("leave time", "leave_time"),
    "registrant_id": ("registrant id", "registrant_id", "registrantid"),
    "attended": ("attended",),
    "waiting_room": ("in waiting room",),
}
TOTAL_ONLY = ("total duration (minutes)", "duration (minutes)", "time in session (minutes)")
# Webinar report sections whose people are not participants.
SKIPPED_SECTIONS = ("host details", "panelist details", "panelists details")
SECTION_TITLES = ("other attended", "attendee report", "attendees")
NO = {"no", "false", "0", "否", "нет"}
YES = {"yes", "true", "1", "是", "да"}
EMPTY_TIMES = {"", "--", "-", "n/a"}


def _header_cell(cell):
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').lower().split())


def _columns(cells):
    """{field: index} of a header row; for a header written twice, the last one."""
    positions = {}
    for index, cell in enumerate(cells):
        positions.setdefault(cell, []).append(index)
    found = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            if alias in positions:
                found[name] = positions[alias][-1]
                break
    return found


def _is_header(columns):
    return "join" in columns and "leave" in columns and bool({"name", "email", "first_name"} & columns.keys())


def _is_section_title(title):
    return title.endswith(("details", "detail")) or title in SECTION_TITLES


def _lists_totals_only(cells, columns):
    return "join" not in columns and "name" in columns and any(cell in TOTAL_ONLY for cell in cells)


# --- times ---------------------------------------------------------------------------------

_AMPM = r"(?:\s*([AaPp])\.?\s*[Mm]\.?)?"
_CLOCK = r"[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?" + _AMPM
_MONTH_FIRST = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})" + _CLOCK)
_YEAR_FIRST = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})" + _CLOCK)
_MONTH_NAME = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})" + _CLOCK)
MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for name in names
}


def _hour(hour, meridiem):
    if not meridiem:
        return hour
    if not 1 <= hour <= 12:
        raise ValueError("hour out of range for AM/PM")
    return hour % 12 + (12 if meridiem in "Pp" else 0)


# The UTC second at which a local minute begins, per zone: reports repeat the same minutes
# thousands of times, and converting a local time with its zone's rules is the slow part.
_MINUTES = {}
_MINUTES_MAX = 200_000


def _local_minute(zone, year, month, day, hour, minute):
    key = (zone.key, year, month, day, hour, minute)
    seconds = _MINUTES.get(key)
    if seconds is None:
        if len(_MINUTES) > _MINUTES_MAX:
            _MINUTES.clear()
        seconds = _MINUTES[key] = int(dt.datetime(year, month, day, hour, minute, tzinfo=zone).timestamp())
    return seconds


def parse_time(text, zone):
    """Seconds since 1970 (UTC) for a time as Zoom writes it, read in ``zone`` unless it has an offset.

    Raises ValueError for anything else.
    """
    text = text.strip()
    if len(text) >= 10 and text[4] == "-":
        if len(text) < 16:
            raise ValueError("a date without a time")
        moment = dt.datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=zone)
        return int(moment.timestamp())
    match = _MONTH_FIRST.fullmatch(text)
    if match:
        month, day, year, hour, minute, second, meridiem = match.groups()
    else:
        match = _YEAR_FIRST.fullmatch(text)
        if match:
            year, month, day, hour, minute, second, meridiem = match.groups()
        else:
            match = _MONTH_NAME.fullmatch(text)
            if not match or match.group(1).lower() not in MONTHS:
                raise ValueError(text)
            month_name, day, year, hour, minute, second, meridiem = match.groups()
            month = MONTHS[month_name.lower()]
    second = int(second or 0)
    if second > 59:
        raise ValueError(text)
    # dt.date checks the calendar (no 31 June), as the datetime below checks the clock.
    dt.date(int(year), int(month), int(day))
    hour, minute = _hour(int(hour), meridiem), int(minute)
    if hour > 23 or minute > 59:
        raise ValueError(text)
    return _local_minute(zone, int(year), int(month), int(day), hour, minute) + second


def parse_iso(value):
    """Seconds since 1970 for an ISO 8601 time with an offset (as Zoom's API writes them), or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return int(moment.timestamp())


# --- the file --------------------------------------------------------------------------------


class _LimitedReader(io.RawIOBase):
    """The bytes already read to look at the file, then the rest; refuses to go past the size limit."""

    def __init__(self, head, stream, limit):
        self.head = head
        self.stream = stream
        self.limit = limit
        self.count = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.head:
            data, self.head = self.head[: len(buffer)], self.head[len(buffer):]
        else:
            data = self.stream.read(len(buffer))
        self.count += len(data)
        if self.count > self.limit:
            raise ReportError("too_large", too_large_message(self.limit))
        buffer[: len(data)] = data
        return len(data)


def too_large_message(limit=MAX_FILE_BYTES):
    return _("The file is larger than %(size)d MB: a Zoom participant report is much smaller. "
             "Please check that it is the right file.") % {"size": limit // (1024 * 1024)}


def _binary_stream(source):
    """A binary stream and its size (None if unknown) for bytes, text, a path or an (uploaded) file."""
    if isinstance(source, bytes | bytearray | memoryview):
        return io.BytesIO(bytes(source)), len(source)
    if isinstance(source, str):
        data = source.encode("utf-8")
        return io.BytesIO(data), len(data)
    if isinstance(source, Path):
        return source.open("rb"), source.stat().st_size
    size = getattr(source, "size", None)
    try:
        source.seek(0)
        if size is None:
            size = source.seek(0, io.SEEK_END)
            source.seek(0)
    except (AttributeError, OSError, ValueError):
        pass
    return source, size


class CsvReport:
    """A participant report file, read one row at a time by iterating over it.

    ``skipped`` counts the rows that carry no attendance (absentees, waiting
    room, no times), ``kind`` says "meeting" or "webinar" once read.
    Iterating raises ``ReportError`` for a file Zoom did not write.
    """

    def __init__(self, source, *, time_zone, name="", max_bytes=MAX_FILE_BYTES):
        self.source = source
        self.zone = zoneinfo.ZoneInfo(time_zone)
        self.name = name or Path(str(getattr(source, "name", "") or "")).name
        self.max_bytes = max_bytes
        self.kind = "meeting"
        self.skipped = 0
        self.rows = 0

    def __iter__(self):
        stream, size = _binary_stream(self.source)
        if size is not None and size > self.max_bytes:
            raise ReportError("too_large", too_large_message(self.max_bytes))
        head = stream.read(SNIFF_BYTES) or b""
        if isinstance(head, str):
            raise TypeError("open the report in binary mode")
        self._check_head(head)
        text = io.TextIOWrapper(
            io.BufferedReader(_LimitedReader(head, stream, self.max_bytes), buffer_size=SNIFF_BYTES),
            encoding="utf-8-sig", errors="strict", newline="",
        )
        reader = csv.reader(text, delimiter=_delimiter(head))
        try:
            yield from self._rows(reader)
        except UnicodeDecodeError:
            # No line number: the text is decoded ahead of the rows read, so it would mislead.
            raise ReportError("not_utf8", _(
                "The file is not in UTF-8: please download the report from Zoom again, or save it as “CSV UTF-8” "
                "in your spreadsheet program."
            )) from None
        except csv.Error:
            raise ReportError("not_csv", _(
                "Line %(line)d cannot be read as CSV: this does not look like a report exported by Zoom."
            ) % {"line": reader.line_num}) from None

    @staticmethod
    def _check_head(head):
        if not head.lstrip(codecs.BOM_UTF8 + b" \t\r\n"):
            raise ReportError("empty", _("The file is empty."))
        if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
            raise ReportError("spreadsheet", _(
                "This is a spreadsheet (Excel) file, not CSV: please upload the CSV file Zoom exports, or save "
                "the sheet as “CSV UTF-8”."
            ))
        if b"\x00" in head or head.startswith(b"%PDF"):
            raise ReportError("binary", _(
                "This is not a text file: please upload the participant report as Zoom exports it (CSV)."
            ))

    def _rows(self, reader):
        # ``columns`` is None while looking for the participants' header, {} inside a
        # section that is not read (hosts, panelists), and the header's columns while reading.
        columns = None
        header_found = totals_only = False
        first_header_cell = ""
        seen_rows = 0
        for cells in reader:
            filled = [cell for cell in cells if cell.strip()]
            if not filled:
                continue
            if len(filled) == 1:
                # A title or a section heading ("Attendee Details"); rows of people have times.
                title = _header_cell(filled[0])
                if title in SKIPPED_SECTIONS:
                    columns = {}
                    continue
                if not columns or _is_section_title(title):
                    if columns is not None:
                        columns = None  # another section begins: look for its header
                    continue
                # Otherwise a broken row of people: read (and skipped) as one, so nothing after it is lost.
            if columns:
                if cells[0] == first_header_cell:
                    continue  # the header again
            else:
                normalised = [_header_cell(cell) for cell in cells]
                found = _columns(normalised)
                if _is_header(found):
                    if columns is None:
                        columns, header_found = found, True
                        first_header_cell = cells[0]
                        if "attended" in found:
                            self.kind = "webinar"
                elif columns is None:
                    totals_only = totals_only or _lists_totals_only(normalised, found)
                continue
            seen_rows += 1
            if seen_rows > MAX_ROWS:
                raise ReportError("too_many_rows", _(
                    "The report has more than %(count)d rows: please import it in parts."
                ) % {"count": MAX_ROWS})
            row = self._row(cells, columns, reader.line_num)
            if row is None:
                self.skipped += 1
            else:
                self.rows += 1
                yield row
        if not header_found:
            if totals_only:
                raise ReportError("totals_only", _(
                    "This report gives only each person's total minutes (“Show unique users” was ticked): please "
                    "export it again from Zoom without that option, so that join and leave times are included."
                ))
            raise ReportError("not_a_report", _(
                "This is not a Zoom participant report: no header with “Join Time” and “Leave Time” and the "
                "participants' names or e-mails was found."
            ))
        if seen_rows == 0:
            raise ReportError("no_rows", _("The report lists no participants."))

    def _row(self, cells, columns, line):
        def cell(column):
            index = columns.get(column)
            return cells[index].strip() if index is not None and index < len(cells) else ""

        if cell("attended").lower() in NO or cell("waiting_room").lower() in YES:
            return None
        joined, left = cell("join"), cell("leave")
        if joined.lower() in EMPTY_TIMES or left.lower() in EMPTY_TIMES:
            return None
        try:
            joined_at = parse_time(joined, self.zone)
        except ValueError:
            raise _bad_time(line, joined) from None
        try:
            left_at = parse_time(left, self.zone)
        except ValueError:
            raise _bad_time(line, left) from None
        if left_at < joined_at:
            raise ReportError("bad_order", _("Line %(line)d: the leave time comes before the join time.")
                              % {"line": line})
        full_name = cell("name") or f"{cell('first_name')} {cell('last_name')}".strip()
        name, original = split_original_name(full_name)
        row = ReportRow(
            name=name[:255], original_name=original[:255], email=normalise_email(cell("email"))[:254],
            registrant_id=cell("registrant_id")[:64], joined_at=joined_at, left_at=left_at,
        )
        return row if row.key else None


def _bad_time(line, value):
    return ReportError("bad_time", _(
        "Line %(line)d: “%(value)s” is not a date and time as Zoom writes them (for example "
        "06/08/2026 09:05:12 AM). Was the file changed by a spreadsheet program?"
    ) % {"line": line, "value": value[:40]})


def _delimiter(head):
    """The separator of the participants' header in the file's first bytes; commas when it is not found there."""
    sample = head.decode("utf-8", errors="ignore").lstrip("\ufeff")
    lines = sample.splitlines()[:-1] or sample.splitlines()
    for delimiter in DELIMITERS:
        for cells in csv.reader(lines, delimiter=delimiter):
            if _is_header(_columns([_header_cell(cell) for cell in cells])):
                return delimiter
    return ","


# --- the report API ----------------------------------------------------------------------------


class ApiRows:
    """The ``participants`` of Zoom's report API (GET /report/meetings/{id}/participants) as report rows."""

    def __init__(self, participants, *, name=""):
        self.participants = participants
        self.name = name
        self.kind = "meeting"
        self.skipped = 0
        self.rows = 0

    def __iter__(self):
        for item in self.participants:
            if not isinstance(item, dict) or item.get("status") == "in_waiting_room":
                self.skipped += 1
                continue
            joined_at, left_at = parse_iso(item.get("join_time")), parse_iso(item.get("leave_time"))
            name, original = split_original_name(str(item.get("name") or ""))
            row = ReportRow(
                name=name[:255], original_name=original[:255],
                email=normalise_email(str(item.get("user_email") or ""))[:254],
                registrant_id=str(item.get("registrant_id") or "")[:64],
                joined_at=joined_at or 0, left_at=left_at or 0,
            )
            if joined_at is None or left_at is None or left_at < joined_at or not row.key:
                self.skipped += 1
                continue
            self.rows += 1
            yield row


class RowList:
    """Report rows already read (tests, benchmarks): iterated as they are."""

    def __init__(self, rows, *, name=""):
        self.items = rows
        self.name = name
        self.kind = "meeting"
        self.skipped = 0
        self.rows = 0

    def __iter__(self):
        for row in self.items:
            self.rows += 1
            yield row


def report_source(file_or_rows, *, time_zone, name=""):
    """What ``import_zoom_report`` iterates: a file (bytes, text, path, upload) read as CSV, or rows as given."""
    if isinstance(file_or_rows, CsvReport | ApiRows | RowList):
        return file_or_rows
    if isinstance(file_or_rows, bytes | bytearray | memoryview | str | Path) or hasattr(file_or_rows, "read"):
        return CsvReport(file_or_rows, time_zone=time_zone, name=name)
    return RowList(file_or_rows, name=name)


FILE_HELP = gettext_lazy(
    "The participant report as Zoom exports it (CSV): in Zoom, Reports › Usage › Participants › Export, "
    "or the webinar's Attendee report. At most 20 MB."
)
