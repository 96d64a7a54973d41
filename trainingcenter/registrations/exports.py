"""Registrations as CSV and XLSX files, in the columns the organiser picks.

Read-only: nothing here changes data. Every cell passes through ``safe_cell``
because the files are opened in spreadsheet programs, which run a cell that
starts with ``=`` (or ``+``, ``-``, ``@``) as a formula: a participant could
otherwise type ``=HYPERLINK(...)`` as their organisation and have it run on
the organiser's machine (CSV/formula injection, OWASP).
"""
import csv
import io
import re
import zoneinfo
from collections import OrderedDict

from django.utils.translation import gettext_lazy as _

from .models import Question

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUESTION_PREFIX = "question_"
# Control characters that XLSX (XML 1.0) cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _local_time(registration):
    """When they registered, in the program's own time zone (the one organisers plan in)."""
    zone = zoneinfo.ZoneInfo(registration.program.time_zone)
    return registration.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")


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


def safe_cell(value):
    """The value as text a spreadsheet shows but never runs as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def export_rows(queryset, columns):
    """The header row, then one row per registration; every cell made safe.

    ``columns`` is a list of column keys (see ``available_columns``).
    """
    resolved = resolve_columns(columns)
    queryset = queryset.select_related("program").prefetch_related("answers")
    yield [safe_cell(label) for label, _getter in resolved]
    for registration in queryset:
        yield [safe_cell(getter(registration)) for _label, getter in resolved]


def registrations_csv(queryset, columns):
    """UTF-8 with a byte order mark: without it Excel reads Chinese names as mojibake."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in export_rows(queryset, columns):
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8-sig")


def registrations_xlsx(queryset, columns):
    """An Excel workbook; every cell is stored as text, so none can become a formula."""
    # openpyxl is heavy to import and only exports need it.
    from openpyxl import Workbook  # noqa: PLC0415 - slow import
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - slow import

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Registrations"))[:31])
    for row in export_rows(queryset, columns):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=safe_cell(_XML_ILLEGAL.sub("", value)))
            # openpyxl guesses the type from the value; a string is all we ever want.
            cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
