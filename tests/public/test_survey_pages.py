"""The participant's survey page behind their token, and the survey's box on their own page."""
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import RegistrationFactory
from tests.factories.surveys import InvitationFactory, attendee, choice_question, ended_program
from trainingcenter.surveys.models import Answer, Invitation, Response
from trainingcenter.surveys.services import close_survey, create_default_survey, submit_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    program = ended_program(title="Battery storage", title_ru="Хранение энергии")
    survey = create_default_survey(program)
    return InvitationFactory(survey=survey, registration=attendee(program, given_name="Amina", language="ru"))


def survey_url(invitation, language="en"):
    with translation.override(language):
        return reverse("registrations:survey", kwargs={"token": invitation.registration.token})


def participant_url(registration, language="en"):
    with translation.override(language):
        return reverse("registrations:participant", kwargs={"token": registration.token})


def keys(invitation):
    return {q.default_key: q for q in invitation.survey.questions.all()}


def filled(invitation, overall="5", usefulness="4", **extra):
    questions = keys(invitation)
    data = {f"q{questions['overall'].pk}": overall, f"q{questions['usefulness'].pk}": usefulness,
            f"q{questions['improve'].pk}": "More time for questions"}
    data.update(extra)
    return data


def page(response):
    return BeautifulSoup(response.content, "html.parser")


def test_the_page_asks_every_question_with_ratings_as_labelled_radio_buttons(client, invitation):
    response = client.get(survey_url(invitation))

    assert response.status_code == 200
    html = page(response)
    overall = keys(invitation)["overall"]
    group = html.find("fieldset", id=f"q{overall.pk}")
    assert group.legend.get_text(" ", strip=True).startswith("Overall, how would you rate the program?")
    radios = group.find_all("input", type="radio")
    assert [radio["value"] for radio in radios] == ["1", "2", "3", "4", "5"]  # required: no "no rating"
    assert all(radio.find_parent("label") for radio in radios)
    assert [radio.find_parent("label").get_text(" ", strip=True) for radio in radios][4] == "5 5 of 5"
    improve = keys(invitation)["improve"]
    assert html.find("label", attrs={"for": f"q{improve.pk}"}) and html.find("textarea", id=f"q{improve.pk}")
    assert not html.find("input", attrs={"name": "anonymous"})
    assert not html.find("script", src=False)


def test_the_page_is_in_the_language_of_its_address(client, invitation):
    html = page(client.get(survey_url(invitation, "ru"))).get_text(" ", strip=True)
    assert "Хранение энергии" in html
    assert "Как вы в целом оцениваете программу?" in html and "Что нам следует улучшить?" in html
    assert "Overall, how would you rate" not in html


def test_token_pages_stay_private(client, invitation):
    response = client.get(survey_url(invitation))
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]


def test_only_invited_participants_have_a_survey_page(client, invitation):
    stranger = RegistrationFactory(program=invitation.survey.program)
    assert client.get(reverse("registrations:survey", kwargs={"token": stranger.token})).status_code == 404
    assert client.get(reverse("registrations:survey", kwargs={"token": "x" * 43})).status_code == 404


def test_answering_goes_back_to_the_participant_page_with_thanks(client, invitation):
    response = client.post(survey_url(invitation), filled(invitation))

    assert response.status_code == 303
    assert response["Location"] == participant_url(invitation.registration) + "#survey"
    assert Response.objects.get().invitation == invitation
    assert Answer.objects.count() == 3
    followed = client.get(response["Location"])
    text = page(followed).get_text(" ", strip=True)
    assert "Thank you: your answers are saved." in text
    assert "Change my answers" in text


def test_a_second_answer_replaces_the_first_until_the_survey_closes(client, invitation):
    client.post(survey_url(invitation), filled(invitation))
    html = page(client.get(survey_url(invitation)))
    overall = keys(invitation)["overall"]
    assert html.find("input", attrs={"name": f"q{overall.pk}", "value": "5"}).has_attr("checked")
    assert "You have answered already" in html.get_text()

    client.post(survey_url(invitation), filled(invitation, overall="2"))
    assert Response.objects.count() == 1
    assert Answer.objects.get(question=overall).rating == 2

    close_survey(invitation.survey)
    response = client.post(survey_url(invitation), filled(invitation, overall="1"))
    assert response.status_code == 400
    assert "answers can no longer be given or changed" in response.content.decode()
    assert Answer.objects.get(question=overall).rating == 2
    # Closed: their answers are shown, read only.
    html = page(client.get(survey_url(invitation)))
    assert not html.find("form", class_="survey-form")
    assert "2 of 5" in html.find("dl", class_="survey-answers").get_text()


def test_invalid_answers_come_back_with_a_message_by_each_and_nothing_lost(client, invitation):
    response = client.post(survey_url(invitation), filled(invitation, overall="", usefulness="9"))

    assert response.status_code == 400
    html = page(response)
    questions = keys(invitation)
    overall = html.find("fieldset", id=f"q{questions['overall'].pk}")
    assert overall.find(class_="errorlist").get_text() == "Please answer this question."
    assert "Please choose a rating from 1 to 5." in html.find("fieldset", id=f"q{questions['usefulness'].pk}").text
    summary = html.find(id="survey-errors")
    assert summary["role"] == "alert" and summary.find("a", href=f"#q{questions['overall'].pk}")
    assert html.find("textarea", id=f"q{questions['improve'].pk}").text == "More time for questions"
    assert not Response.objects.exists()


def test_choice_questions_and_the_anonymous_box_where_allowed(client, invitation):
    survey = invitation.survey
    survey.anonymous_allowed = True
    survey.save()
    question = choice_question(survey, ["Our website", "A colleague"], label_en="How did you hear of us?")
    chosen = question.choices.last()

    html = page(client.get(survey_url(invitation)))
    assert html.find("input", attrs={"name": "anonymous", "type": "checkbox"})
    group = html.find("fieldset", id=f"q{question.pk}")
    assert [label.get_text(strip=True) for label in group.find_all("label")] == [
        "Our website", "A colleague", "No answer"]

    client.post(survey_url(invitation), filled(invitation, **{f"q{question.pk}": str(chosen.pk), "anonymous": "1"}))

    response = Response.objects.get()
    assert response.anonymous and response.invitation is None
    assert Answer.objects.get(question=question).choice == chosen
    again = page(client.get(survey_url(invitation)))
    assert again.find("input", attrs={"name": "anonymous"}).has_attr("checked")


def test_anonymous_is_ignored_where_not_allowed(client, invitation):
    client.post(survey_url(invitation), filled(invitation, anonymous="1"))
    assert Response.objects.get().invitation == invitation


def test_participant_page_invites_until_answered_and_says_when_closed(client, invitation):
    registration = invitation.registration
    box = page(client.get(participant_url(registration))).find(id="survey")
    assert box.find("a", href=survey_url(invitation)).get_text(strip=True) == "Answer the survey"

    submit_answers(invitation, {q.pk: 4 for q in invitation.survey.questions.filter(kind="rating", required=True)})
    box = page(client.get(participant_url(registration))).find(id="survey")
    assert "Answered" in box.get_text() and box.find("a", href=survey_url(invitation))

    close_survey(invitation.survey)
    box = page(client.get(participant_url(registration))).find(id="survey")
    assert "The feedback survey has closed. Thank you for your answers." in box.get_text(" ", strip=True)


def test_participant_page_says_nothing_of_a_survey_to_someone_not_invited(client, invitation):
    other = RegistrationFactory(program=invitation.survey.program)
    assert page(client.get(participant_url(other))).find(id="survey") is None


def test_a_survey_moved_to_later_says_when_it_opens(client, invitation):
    survey = invitation.survey
    survey.opens_at = timezone.now() + dt.timedelta(days=3)
    survey.save()
    response = client.post(survey_url(invitation), filled(invitation))
    assert response.status_code == 400 and "The survey opens on" in response.content.decode()
    assert not Invitation.objects.filter(answered_at__isnull=False).exists()
