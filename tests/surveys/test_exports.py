"""The responses as CSV and XLSX: anonymous answers not linked to anyone, cells never formulas."""
import csv
import io

import pytest
from openpyxl import load_workbook

from tests.factories.surveys import InvitationFactory, QuestionFactory, SurveyFactory, attendee, choice_question
from trainingcenter.surveys.exports import responses_csv, responses_xlsx
from trainingcenter.surveys.models import Question
from trainingcenter.surveys.services import submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey():
    survey = SurveyFactory(anonymous_allowed=True)
    program = survey.program
    rating = QuestionFactory(survey=survey, label_en="Overall")
    heard = choice_question(survey, ["Website", "Colleague"], label_en="Heard from")
    comment = QuestionFactory(survey=survey, kind=Question.Kind.TEXT, label_en="=Improve")
    named = attendee(program, given_name="Dilnoza", family_name="Karimova", email="dilnoza@example.org",
                     country="UZ")
    hidden = attendee(program, given_name="Secret", family_name="Person", email="secret@example.org", country="KG")
    submit_answers(InvitationFactory(survey=survey, registration=named),
                   {rating.pk: 5, heard.pk: heard.choices.first().pk, comment.pk: "=HYPERLINK(\"http://x\")"})
    submit_answers(InvitationFactory(survey=survey, registration=hidden),
                   {rating.pk: 2, comment.pk: "Too long days"}, anonymous=True)
    return survey


def read_csv(data):
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_names_only_those_who_did_not_answer_anonymously(survey):
    header, named, anonymous = read_csv(responses_csv(survey))

    assert header == ["Participant", "E-mail", "Country", "Answered at (program time)", "Language", "Overall",
                      "Heard from", "'=Improve"]
    assert named[:3] == ["Dilnoza Karimova", "dilnoza@example.org", "UZ"]
    assert named[5:] == ["5", "Website", "'=HYPERLINK(\"http://x\")"]
    assert anonymous == ["Anonymous", "", "", "", "", "2", "", "Too long days"]
    text = responses_csv(survey).decode("utf-8-sig")
    assert "Secret" not in text and "secret@example.org" not in text and "KG" not in text


def test_xlsx_has_numbers_for_ratings_and_text_that_is_never_a_formula(survey):
    sheet = load_workbook(io.BytesIO(responses_xlsx(survey))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert rows[0][-1] == "=Improve" and sheet.cell(1, 8).data_type == "s"
    assert rows[1][0] == "Dilnoza Karimova" and rows[1][5] == 5
    assert sheet.cell(2, 8).value == '=HYPERLINK("http://x")' and sheet.cell(2, 8).data_type == "s"
    assert rows[2][:5] == ["Anonymous", None, None, None, None] and rows[2][5] == 2
    assert not any("Secret" in str(value) or "secret@" in str(value) for row in rows for value in row)
