"""CSV and XLSX exports: chosen columns, Chinese names, no formula injection, constant queries.

An XLSX file keeps text exactly as typed, in text cells that no spreadsheet
evaluates; where LibreOffice is installed, a test opens the file with it.
"""
import csv
import datetime as dt
import io
import shutil
import subprocess
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.registrations.exports import (
    available_columns,
    question_key,
    registrations_csv,
    registrations_xlsx,
    safe_cell,
)
from trainingcenter.registrations.models import Answer, Registration

pytestmark = pytest.mark.django_db


def _csv_rows(data):
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def _xlsx_sheet(data):
    return load_workbook(io.BytesIO(data)).active


def test_csv_has_the_chosen_columns_in_order_and_keeps_chinese_names():
    program = ProgramFactory()
    RegistrationFactory(program=program, given_name="小明", family_name="王", country="CN", organization="北京工商大学")

    queryset = Registration.objects.filter(program=program)
    rows = _csv_rows(registrations_csv(queryset, ["family_name", "given_name", "country"]))

    assert rows == [["Family name", "Given name", "Country"], ["王", "小明", "China"]]


def test_xlsx_keeps_chinese_names():
    program = ProgramFactory()
    RegistrationFactory(program=program, given_name="小明", family_name="王")

    sheet = _xlsx_sheet(registrations_xlsx(Registration.objects.filter(program=program), ["given_name", "family_name"]))

    assert [[c.value for c in row] for row in sheet.iter_rows()] == [["Given name", "Family name"], ["小明", "王"]]


DANGEROUS = ['=HYPERLINK("http://evil.example","click")', "+1+2", "-2+3", "@SUM(A1)", "\t=1"]


@pytest.mark.parametrize("dangerous", DANGEROUS)
def test_formulas_are_neutralised_in_both_formats(dangerous):
    program = ProgramFactory()
    RegistrationFactory(program=program, organization=dangerous, given_name="Eve")
    queryset = Registration.objects.filter(program=program)

    csv_cell = _csv_rows(registrations_csv(queryset, ["given_name", "organization"]))[1][1]
    xlsx_cell = _xlsx_sheet(registrations_xlsx(queryset, ["given_name", "organization"]))["B2"]

    # CSV has no cell types: the apostrophe is what keeps a spreadsheet from running it.
    assert csv_cell == "'" + dangerous
    # XLSX has them: a text cell, marked to stay text, showing exactly what was typed.
    assert xlsx_cell.value == dangerous
    assert xlsx_cell.data_type == "s"
    assert xlsx_cell.quotePrefix


def test_xlsx_holds_no_formula_at_all():
    program = ProgramFactory()
    for text in DANGEROUS:
        RegistrationFactory(program=program, organization=text)

    data = registrations_xlsx(Registration.objects.filter(program=program), ["organization"])

    sheet_xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_text_as_typed_and_evaluates_nothing(tmp_path):
    program = ProgramFactory()
    for number, text in enumerate(DANGEROUS[:4]):
        RegistrationFactory(program=program, given_name=f"P{number}", organization=text)
    queryset = Registration.objects.filter(program=program).order_by("pk")
    (tmp_path / "export.xlsx").write_bytes(registrations_xlsx(queryset, ["given_name", "organization"]))

    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path),
         str(tmp_path / "export.xlsx")],
        check=True, capture_output=True, timeout=180,
    )

    rows = list(csv.reader(io.StringIO((tmp_path / "export.csv").read_text(encoding="utf-8"))))
    assert [row[1] for row in rows[1:]] == DANGEROUS[:4]


def test_xlsx_dates_are_dates_in_the_programs_time_zone():
    program = ProgramFactory(time_zone="Asia/Almaty")
    registration = RegistrationFactory(program=program)
    Registration.objects.filter(pk=registration.pk).update(
        created_at=dt.datetime(2026, 6, 8, 1, 30, 15, 123456, tzinfo=dt.UTC)
    )
    queryset = Registration.objects.filter(program=program)

    cell = _xlsx_sheet(registrations_xlsx(queryset, ["created_at"]))["A2"]
    csv_cell = _csv_rows(registrations_csv(queryset, ["created_at"]))[1][0]

    # Almaty is UTC+5: the time organisers in the program's zone read.
    assert cell.is_date and cell.value == dt.datetime(2026, 6, 8, 6, 30, 15)
    assert cell.number_format == "yyyy-mm-dd hh:mm"
    assert csv_cell == "2026-06-08 06:30"


def test_xlsx_has_a_frozen_header_a_filter_and_columns_fitted_to_their_content():
    program = ProgramFactory()
    RegistrationFactory(program=program, given_name="Li", organization="Kazakh National University of Technology")
    RegistrationFactory(program=program, given_name="Ann", organization="x" * 200)  # the longest allowed
    RegistrationFactory(program=program, given_name="Bo", organization="北京工商大学")
    queryset = Registration.objects.filter(program=program)

    sheet = _xlsx_sheet(registrations_xlsx(queryset, ["given_name", "organization", "created_at"]))

    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C4"
    assert all(cell.font.b for cell in sheet[1])
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABC"}
    assert 8 <= widths["A"] < 20  # "Given name" and short names
    assert widths["B"] == 60  # long text is bounded
    assert widths["C"] >= len("Registered at (program time)")
    assert sheet.max_row == 4


def test_harmless_values_are_left_alone():
    assert safe_cell("Kazakh National University") == "Kazakh National University"
    assert safe_cell(None) == ""


def test_answers_to_extra_questions_are_columns():
    program = ProgramFactory()
    question = QuestionFactory(program=program, label="Dietary needs")
    QuestionFactory(program=program, label="Unanswered")
    registration = RegistrationFactory(program=program, given_name="Ali")
    Answer.objects.create(registration=registration, question=question, value="Vegetarian")

    keys = [key for key, _label in available_columns(program)]
    assert question_key(question) in keys
    queryset = Registration.objects.filter(program=program)
    rows = _csv_rows(registrations_csv(queryset, ["given_name", question_key(question)]))

    assert rows == [["Given name", "Dietary needs"], ["Ali", "Vegetarian"]]


def test_control_characters_do_not_break_the_workbook():
    program = ProgramFactory()
    RegistrationFactory(program=program, organization="Bad\x01Name")

    sheet = _xlsx_sheet(registrations_xlsx(Registration.objects.filter(program=program), ["organization"]))

    assert sheet["A2"].value == "BadName"


def _queries_for(count):
    program = ProgramFactory()
    question = QuestionFactory(program=program)
    for _n in range(count):
        registration = RegistrationFactory(program=program)
        Answer.objects.create(registration=registration, question=question, value="yes")
    columns = ["given_name", "status", "country", question_key(question)]
    with CaptureQueriesContext(connection) as queries:
        registrations_xlsx(Registration.objects.filter(program=program), columns)
    return len(queries)


def test_query_count_does_not_grow_with_the_number_of_registrations():
    assert _queries_for(2) == _queries_for(12)


def _export_url(program):
    return reverse("staff:export", kwargs={"slug": program.slug})


def test_organiser_downloads_a_filtered_xlsx(client):
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)
    program = ProgramFactory()
    program.organisers.add(organiser)
    RegistrationFactory(program=program, given_name="Waiting", status=Registration.Status.WAITLISTED)
    RegistrationFactory(program=program, given_name="Seated", status=Registration.Status.CONFIRMED)
    client.force_login(organiser)

    response = client.get(_export_url(program), {"columns": ["given_name", "status"], "statuses": ["waitlisted"],
                                                  "format": "xlsx"})

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = _xlsx_sheet(response.content)
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows == [["Given name", "Status"], ["Waiting", "Waitlisted"]]


def test_export_form_with_no_columns_shows_a_message_not_an_error(client):
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)
    program = ProgramFactory()
    program.organisers.add(organiser)
    client.force_login(organiser)

    response = client.get(_export_url(program), {"format": "csv", "columns": ["no-such-column"]})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Select a valid choice" in response.content.decode()


def test_checkin_staff_cannot_export(client):
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program = ProgramFactory()
    program.organisers.add(checkin)
    client.force_login(checkin)

    response = client.get(_export_url(program), {"columns": ["email"], "format": "csv"})

    assert response.status_code == 403
