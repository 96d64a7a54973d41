"""Registrations as CSV and XLSX files, in the columns the organiser picks.

Read-only: nothing here changes data. The files are opened in spreadsheet
programs, which run a cell that starts with ``=`` (or ``+``, ``-``, ``@``) as
a formula: a participant could otherwise type ``=HYPERLINK(...)`` as their
organisation and have it run on the organiser's machine (CSV/formula
injection, OWASP). A CSV file has no types, so every CSV cell passes through
``safe_cell``, which puts an apostrophe before such text. An XLSX cell has a
type: text is written as a text cell with Excel's "quote prefix" style, so it
shows exactly as typed, is never evaluated, and stays text when edited.
"""
import csv
import datetime as dt
import io
import re
import unicodedata
import zoneinfo
from collections import OrderedDict

from django.utils.translation import gettext_lazy as _

from .models import Question

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUESTION_PREFIX = "question_"
# Control characters that XLSX (XML 1.0) cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


# How a date and time reads in a CSV cell, and the Excel number format of an XLSX date cell.
CSV_DATETIME_FORMAT = "%Y-%m-%d %H:%M"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
XLSX_DATE_FORMAT = "yyyy-mm-dd"
# Column widths in characters, from the longest cell, within these bounds.
MIN_WIDTH, MAX_WIDTH = 8, 60


def _local_time(registration):
    """When they registered, in the program's own time zone (the one organisers plan in)."""
    zone = zoneinfo.ZoneInfo(registration.program.time_zone)
    return registration.created_at.astimezone(zone)


EXPORT_COLUMNS = OrderedDict(
    [
        ("given_name", (_("Given name"), lambda r: r.given_name)),
        ("family_name", (_("Family name"), lambda r: r.family_name)),
        ("email", (_("E-mail"), lambda r: r.email)),
        ("country", (_("Country"), lambda r: r.country.name)),
        ("country_code", (_("Country code"), lambda r: r.country.code)),
        ("organization", (_("Organisation"), lambda r: r.organization)),
        ("position", (_("Position"), lambda r: r.position)),
        ("sector", (_("Sector"), lambda r: r.get_sector_display())),
        ("gender", (_("Gender"), lambda r: r.get_gender_display())),
        ("mode", (_("Attendance"), lambda r: r.get_mode_display())),
        ("status", (_("Status"), lambda r: r.get_status_display())),
        ("language", (_("Preferred language"), lambda r: r.get_language_display())),
        ("time_zone", (_("Time zone"), lambda r: r.time_zone)),
        ("created_at", (_("Registered at (program time)"), _local_time)),
    ]
)
DEFAULT_COLUMNS = ("given_name", "family_name", "email", "country", "organization", "mode", "status")


def question_key(question):
    return f"{QUESTION_PREFIX}{question.pk}"


def available_columns(program):
    """``[(key, label)]``: the fixed columns, then the program's extra questions."""
    columns = [(key, label) for key, (label, _getter) in EXPORT_COLUMNS.items()]
    columns += [(question_key(q), q.label) for q in Question.objects.filter(program=program)]
    return columns


def _answer_getter(question_pk):
    def getter(registration):
        # Reads the prefetched answers, so a thousand rows cost no extra query.
        for answer in registration.answers.all():
            if answer.question_id == question_pk:
                return answer.value
        return ""

    return getter


def resolve_columns(keys):
    """``[(label, getter)]`` for the given keys, in order; unknown keys are skipped.

    Question columns cost one query for all their labels together.
    """
    question_pks = []
    for key in keys:
        if key.startswith(QUESTION_PREFIX) and key[len(QUESTION_PREFIX):].isdigit():
            question_pks.append(int(key[len(QUESTION_PREFIX):]))
    labels = dict(Question.objects.filter(pk__in=question_pks).values_list("pk", "label")) if question_pks else {}
    resolved = []
    for key in keys:
        if key in EXPORT_COLUMNS:
            resolved.append(EXPORT_COLUMNS[key])
        elif key.startswith(QUESTION_PREFIX) and key[len(QUESTION_PREFIX):].isdigit():
            pk = int(key[len(QUESTION_PREFIX):])
            if pk in labels:
                resolved.append((labels[pk], _answer_getter(pk)))
    return resolved


def _as_text(value):
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime(CSV_DATETIME_FORMAT)
    return str(value)


def safe_cell(value):
    """The value as CSV text a spreadsheet shows but never runs as a formula."""
    text = _as_text(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def typed_rows(queryset, columns):
    """The header row, then one row per registration, each value as its column gives it (text, datetime).

    ``columns`` is a list of column keys (see ``available_columns``).
    """
    resolved = resolve_columns(columns)
    queryset = queryset.select_related("program").prefetch_related("answers")
    yield [str(label) for label, _getter in resolved]
    for registration in queryset:
        yield [getter(registration) for _label, getter in resolved]


def export_rows(queryset, columns):
    """The rows of ``typed_rows`` as text, every cell made safe for a CSV file."""
    for row in typed_rows(queryset, columns):
        yield [safe_cell(value) for value in row]


def registrations_csv(queryset, columns):
    """UTF-8 with a byte order mark: without it Excel reads Chinese names as mojibake."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_rows(queryset, columns):
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def _display_width(value, number_format):
    """Roughly how many character widths a cell needs (CJK characters take two; a date, its format's)."""
    if number_format:
        return len(number_format)
    return max(
        (sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in line) for line in value.splitlines()),
        default=0,
    )


def _xlsx_value(value):
    """``(value, number format)`` for one XLSX cell: naive datetimes (read in the program's zone), or text."""
    if isinstance(value, dt.datetime):
        # Excel has no time zones: the wall-clock time where the program is held.
        return value.replace(tzinfo=None, microsecond=0), XLSX_DATETIME_FORMAT
    if isinstance(value, dt.date):
        return value, XLSX_DATE_FORMAT
    return _XML_ILLEGAL.sub("", _as_text(value)), None


def _xlsx_cell(sheet, value, number_format, *, font=None):
    # openpyxl is heavy to import and only exports need it.
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - slow import

    cell = WriteOnlyCell(sheet, value=value)
    if number_format:
        cell.number_format = number_format
    else:
        # openpyxl would write text starting with "=" as a formula: this is a
        # text cell, and the quote prefix tells Excel to keep it text when
        # someone edits it, without adding anything to what it shows.
        cell.data_type = "s"
        cell.quotePrefix = True
    if font is not None:
        cell.font = font
    return cell


def registrations_xlsx(queryset, columns):
    """An Excel workbook: text cells that are never formulas, real dates, a frozen header row with a filter.

    Text keeps exactly what was typed (no apostrophe added, see the module's
    docstring); the registration time is a date cell in the program's time
    zone; columns are as wide as their content, within bounds.
    """
    # openpyxl is heavy to import and only exports need it.
    from openpyxl import Workbook  # noqa: PLC0415 - slow import
    from openpyxl.styles import Font  # noqa: PLC0415 - slow import
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - slow import

    rows = [[_xlsx_value(value) for value in row] for row in typed_rows(queryset, columns)]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Registrations"))[:31])
    # A write-only sheet takes its columns and panes before its first row.
    header = rows[0] if rows else []
    for index in range(len(header)):
        longest = max(_display_width(*row[index]) for row in rows)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        sheet.append([_xlsx_cell(sheet, value, fmt, font=bold if number == 0 else None) for value, fmt in row])
    if header:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
