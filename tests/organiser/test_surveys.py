"""The organisers' survey pages: who may see them, questions, settings, sending, results with charts, exports."""
import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories.accounts import StaffUserFactory
from tests.factories.surveys import InvitationFactory, attendee, ended_program
from tests.worker import run_tasks
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.surveys.models import Invitation, Question, Survey
from trainingcenter.surveys.services import create_default_survey, submit_answers

pytestmark = pytest.mark.django_db


def url(name, program, **kwargs):
    return reverse(f"staff:{name}", kwargs={"slug": program.slug, **kwargs})


@pytest.fixture
def program(organiser):
    program = ended_program(title="Battery storage")
    program.organisers.add(organiser)
    return program


@pytest.fixture
def signed_in(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def survey(program):
    return create_default_survey(program)


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def page(response):
    return BeautifulSoup(response.content, "html.parser")


# --- who may see them -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["survey", "survey_results", "survey_export", "survey_preview"])
def test_pages_need_an_organiser_of_the_program(client, program, survey, name):
    assert client.get(url(name, program)).status_code == 302  # to the sign-in page

    door = StaffUserFactory(username="door", role=CHECKIN_STAFF)
    program.organisers.add(door)
    client.force_login(door)
    assert client.get(url(name, program)).status_code == 403  # check-in staff must not read comments

    stranger = StaffUserFactory(username="other-organiser", role=PROGRAM_ORGANISER)
    client.force_login(stranger)
    assert client.get(url(name, program)).status_code == 404


def test_changes_need_an_organiser_of_the_program_too(client, program, survey):
    question = survey.questions.first()
    stranger = StaffUserFactory(username="other-organiser", role=PROGRAM_ORGANISER)
    client.force_login(stranger)
    assert client.post(url("survey_action", program), {"action": "close"}).status_code == 404
    assert client.post(url("survey_question_delete", program, pk=question.pk)).status_code == 404
    assert Survey.objects.get().state() == "open" and Question.objects.filter(pk=question.pk).exists()


def test_the_overview_links_to_the_survey(signed_in, program):
    html = page(signed_in.get(reverse("staff:program_registrations", kwargs={"slug": program.slug})))
    assert html.find("a", href=url("survey", program)).get_text(strip=True) == "Feedback survey"


# --- setting it up ---------------------------------------------------------------------------------


def test_make_the_survey_with_its_default_questions(signed_in, program):
    html = page(signed_in.get(url("survey", program)))
    assert html.find("form", action=url("survey_create", program))

    response = signed_in.post(url("survey_create", program))

    assert response.status_code == 302
    assert Survey.objects.get(program=program).questions.count() == 4
    text = page(signed_in.get(url("survey", program))).get_text(" ", strip=True)
    assert "Overall, how would you rate the program?" in text and "What should we improve?" in text


def test_add_a_choice_question_in_two_languages(signed_in, program, survey):
    response = signed_in.post(url("survey_question_add", program), {
        "kind": "choice", "required": "on", "label_en": "How did you hear of us?", "label_zh_hans": "",
        "label_ru": "Как вы узнали о нас?", "help_text_en": "", "help_text_zh_hans": "", "help_text_ru": "",
        "choices_en": "Website\nColleague", "choices_zh_hans": "", "choices_ru": "Сайт\nКоллега", "session": "",
    })

    question = Question.objects.get(label_en="How did you hear of us?")
    assert response.status_code == 302 and response["Location"].endswith(f"#question-{question.pk}")
    assert question.required and question.label_ru == "Как вы узнали о нас?"
    assert [(c.label_en, c.label_ru) for c in question.choices.all()] == [("Website", "Сайт"),
                                                                         ("Colleague", "Коллега")]


def test_a_question_refused_by_the_service_comes_back_with_the_message_by_its_field(signed_in, program, survey):
    response = signed_in.post(url("survey_question_add", program), {
        "kind": "choice", "label_en": "Pick one", "choices_en": "Only", "choices_ru": "",
    })
    assert response.status_code == 400
    field = page(response).find("textarea", attrs={"name": "choices_en"}).find_parent("div")
    assert "Please give at least two choices in English, one per line." in field.get_text()


def test_edit_reorder_and_remove_questions(signed_in, program, survey):
    first, second = survey.questions.order_by("order")[:2]
    edit = page(signed_in.get(url("survey_question", program, pk=first.pk)))
    assert edit.find("input", attrs={"name": "label_ru"})["value"] == "Как вы в целом оцениваете программу?"

    signed_in.post(url("survey_question", program, pk=first.pk), {
        "kind": "rating", "required": "on", "label_en": "All in all?", "label_ru": "В целом?",
    })
    first.refresh_from_db()
    assert (first.label_en, first.label_ru, first.label_zh_hans) == ("All in all?", "В целом?", "")

    signed_in.post(url("survey_question_move", program, pk=second.pk), {"direction": "up"})
    assert list(survey.questions.order_by("order")[:2]) == [second, first]

    invitation = InvitationFactory(survey=survey, registration=attendee(program))
    submit_answers(invitation, {first.pk: 4, second.pk: 5})
    response = signed_in.post(url("survey_question_delete", program, pk=first.pk))
    assert "cannot be removed" in said(response)[-1] and Question.objects.filter(pk=first.pk).exists()


def test_settings_are_read_in_the_programs_time_zone(signed_in, program, survey):
    response = signed_in.post(url("survey", program), {
        "opens_at": "", "closes_at": "2031-06-30T18:00", "anonymous_allowed": "on", "audience": "confirmed",
        "reminder_after_days": "3",
    })
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.closes_at.isoformat() == "2031-06-30T10:00:00+00:00"  # 18:00 in Beijing
    assert survey.anonymous_allowed and not survey.send_automatically and survey.audience == "confirmed"

    response = signed_in.post(url("survey", program), {"closes_at": "2000-01-01T00:00", "audience": "attended",
                                                       "reminder_after_days": "3"})
    assert response.status_code == 400 and "The survey must close after it opens." in response.content.decode()


# --- sending ---------------------------------------------------------------------------------------


def test_send_now_invites_the_attendees_in_the_background(signed_in, program, survey):
    people = [attendee(program) for _ in range(2)]
    html = page(signed_in.get(url("survey", program)))
    assert "2 participants are not invited yet." in html.get_text(" ", strip=True)

    response = signed_in.post(url("survey_action", program), {"action": "send"})
    assert "invitations are being sent" in said(response)[-1]
    run_tasks()
    signed_in.post(url("survey_action", program), {"action": "send"})
    run_tasks()

    assert sorted(Invitation.objects.values_list("registration", flat=True)) == sorted(p.pk for p in people)
    assert OutgoingMail.objects.filter(tag__endswith="survey-invitation").count() == 2
    text = page(signed_in.get(url("survey", program))).get_text(" ", strip=True)
    assert "0 of 2 invited participants answered" in text


def test_preview_shows_the_mails_without_a_real_link(signed_in, program, survey):
    person = attendee(program, given_name="Dilnoza", language="ru")
    response = signed_in.get(url("survey_preview", program), {"language": "ru"})
    text = page(response).get_text(" ", strip=True)
    assert "Dilnoza" in text and "/ru/r/personal-link/survey/" in text
    assert person.token not in response.content.decode()
    assert not Invitation.objects.exists() and not OutgoingMail.objects.exists()


def test_close_and_open_now(signed_in, program, survey):
    signed_in.post(url("survey_action", program), {"action": "close"})
    assert Survey.objects.get().state() == "closed"
    signed_in.post(url("survey_action", program), {"action": "open"})
    assert Survey.objects.get().state() == "open"


# --- results and exports ---------------------------------------------------------------------------


@pytest.fixture
def answered(survey, program):
    survey.anonymous_allowed = True
    survey.save()
    questions = {q.default_key: q for q in survey.questions.all()}
    rows = [(5, 4, "More case studies", False), (3, 2, "Shorter days", True)]
    for overall, usefulness, improve, anonymous in rows:
        invitation = InvitationFactory(survey=survey, registration=attendee(
            program, given_name="Named" if not anonymous else "Hidden", family_name="Person"))
        submit_answers(invitation, {questions["overall"].pk: overall, questions["usefulness"].pk: usefulness,
                                    questions["improve"].pk: improve}, anonymous=anonymous)
    InvitationFactory(survey=survey, registration=attendee(program))
    return survey


def test_results_show_figures_charts_with_their_tables_and_comments(signed_in, program, answered):
    response = signed_in.get(url("survey_results", program))

    assert response.status_code == 200
    html = page(response)
    assert html.find(id="figure-invited").text == "3" and html.find(id="figure-answered").text == "2"
    assert html.find(id="figure-rate").text == "66.7%" and html.find(id="figure-anonymous").text == "1"
    averages = html.find(id="averages")
    chart = averages.find_previous("svg")
    assert chart["role"] == "img" and chart.find("title").text.startswith("Average ratings")
    rows = [[cell.get_text(strip=True) for cell in row.find_all(["th", "td"])] for row in averages.tbody.find_all("tr")]
    assert rows == [["Overall, how would you rate the program?", "2", "4.00"],
                    ["How useful is what you learned for your work?", "2", "3.00"]]
    # Every chart is followed by its table.
    for svg in html.find_all("svg", class_="chart"):
        assert svg.find_next(["table", "ul"]) is not None
    comments = [li.get_text(strip=True) for li in html.find("ul", class_="tc-comments").find_all("li")]
    assert comments == ["More case studies", "Shorter days"]
    assert "Hidden" not in response.content.decode()  # comments carry no names


def test_export_csv_and_xlsx_keep_anonymous_answers_unlinked(signed_in, program, answered):
    response = signed_in.get(url("survey_export", program), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv") and "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Named Person", "Anonymous"]
    assert "Hidden" not in response.content.decode("utf-8-sig")

    response = signed_in.get(url("survey_export", program), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [sheet.cell(row, 1).value for row in (2, 3)] == ["Named Person", "Anonymous"]
