"""A survey's responses as CSV and XLSX files: one row per response, one column per question.

Formula-safe as the registrations' exports, whose helpers do the work here:
every CSV cell passes through ``safe_cell``; an XLSX text cell is a text cell
with Excel's quote prefix, never a formula. Ratings are numbers in XLSX, so
a spreadsheet can average them.

An anonymous response is exported as "Anonymous": no name, e-mail, country,
time or language, and the anonymous rows come after the named ones in an order that
says nothing (their keys), so their place in the file does not tell whose
they are either. Participants whose personal data was erased show no name.
"""
import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from trainingcenter.registrations.exports import (
    MAX_WIDTH,
    MIN_WIDTH,
    _display_width,
    _xlsx_cell,
    _xlsx_value,
    safe_cell,
)

from .models import Answer, Question, Response

RATING_FORMAT = "0"


def typed_rows(survey):
    """The header row, then one row per response: values as they are (text, datetime, rating as int)."""
    program = survey.program
    questions = list(Question.objects.filter(survey=survey).prefetch_related("choices").order_by("order", "pk"))
    choices = {choice.pk: choice.label for question in questions for choice in question.choices.all()}
    responses = list(
        Response.objects.filter(survey=survey).select_related("invitation__registration")
        .order_by("anonymous", "invitation__registration__family_name", "invitation__registration__given_name",
                  "key")
    )
    answers = {}
    for response_id, question_id, rating, choice_id, text in (
        Answer.objects.filter(response__survey=survey).order_by()
        .values_list("response_id", "question_id", "rating", "choice_id", "text")
    ):
        if rating is not None:
            value = rating
        elif choice_id is not None:
            value = choices.get(choice_id, "")
        else:
            value = text
        answers[(response_id, question_id)] = value
    yield [_("Participant"), _("E-mail"), _("Country"), _("Answered at (program time)"), _("Language"),
           *[question.label for question in questions]]
    anonymous_label = _("Anonymous")
    for response in responses:
        registration = response.invitation.registration if response.invitation_id else None
        if response.anonymous or registration is None:
            # Not even the language: in a small group it could tell who it was.
            person = [anonymous_label, "", "", "", ""]
        else:
            name = _("(personal data erased)") if registration.is_erased else registration.full_name
            email = "" if registration.is_erased else registration.email
            person = [name, email, registration.country.code, timezone.localtime(response.submitted_at, program.tz),
                      response.language]
        yield [*person, *[answers.get((response.pk, question.pk), "") for question in questions]]


def responses_csv(survey):
    """UTF-8 with a byte order mark (Excel reads Chinese and Cyrillic with it); every cell formula-safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in typed_rows(survey):
        writer.writerow([safe_cell(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def _cell_value(value):
    if isinstance(value, int) and not isinstance(value, bool):
        return value, RATING_FORMAT
    return _xlsx_value(value)


def responses_xlsx(survey):
    """An Excel workbook: text cells never formulas, ratings as numbers, times as dates, a frozen header."""
    # openpyxl is heavy to import and only exports need it.
    from openpyxl import Workbook  # noqa: PLC0415 - slow import
    from openpyxl.styles import Font  # noqa: PLC0415 - slow import
    from openpyxl.utils import get_column_letter  # noqa: PLC0415 - slow import

    rows = [[_cell_value(value) for value in row] for row in typed_rows(survey)]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Responses"))[:31])
    header = rows[0]
    for index in range(len(header)):
        longest = max(_display_width(str(row[index][0]), row[index][1]) for row in rows)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for number, row in enumerate(rows):
        sheet.append([_xlsx_cell(sheet, value, fmt, font=bold if number == 0 else None) for value, fmt in row])
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
