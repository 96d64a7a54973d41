"""The feedback survey behind the participant's token: answer once, change the answers until it closes.

Only invited participants have a survey page (others get the same plain 404
as an unknown token). The page is in the language of its address, which is
the participant's own in the e-mails' links; questions fall back to English
where the organisers wrote no translation. Plain HTML: rating questions are
radio groups, nothing needs JavaScript. Every check and every write is in
``surveys.services.answers``; a refusal shows the form again with all that
was sent and a message by each question concerned.
"""
from django.contrib import messages
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trainingcenter.surveys.models import RATING_MAX, RATING_MIN, Question, Survey
from trainingcenter.surveys.services import SurveyError, answers

from .registrations import registration_for_token, see_other, token_page

RATINGS = list(range(RATING_MIN, RATING_MAX + 1))


def field_name(question):
    return f"q{question.pk}"


def _shown_answer(question, value):
    """An earlier answer as the read-only summary writes it."""
    if value in (None, ""):
        return ""
    if question.kind == Question.Kind.RATING:
        return _("%(rating)s of %(max)s") % {"rating": value, "max": RATING_MAX}
    if question.kind == Question.Kind.CHOICE:
        return next((choice.label for choice in question.choices.all() if choice.pk == value), "")
    return value


def items(questions, values, errors):
    """What the template needs for each question: its field name, the value to show, its error."""
    rows = []
    for question in questions:
        value = values.get(question.pk, "")
        rows.append({
            "question": question,
            "name": field_name(question),
            "value": "" if value is None else str(value),
            "shown": _shown_answer(question, value),
            "error": errors.get(question.pk, ""),
            "choices": [(str(choice.pk), choice.label) for choice in question.choices.all()],
        })
    return rows


def closes_on(survey):
    return date_format(timezone.localtime(survey.closes(), survey.program.tz).date(), "DATE_FORMAT")


@token_page(referrer_policy="same-origin")
@require_http_methods(["GET", "POST"])
def survey(request, token):
    registration = registration_for_token(token)
    invitation = answers.invitation_for(registration)
    if invitation is None:
        raise Http404
    survey = invitation.survey
    questions = answers.questions_of(survey)
    response = answers.response_for(invitation)
    state = survey.state()
    errors, message = {}, ""
    values = answers.answers_of(response)
    anonymous = bool(response and response.anonymous)
    status = 200
    if request.method == "POST":
        values = {question.pk: request.POST.get(field_name(question), "") for question in questions}
        anonymous = survey.anonymous_allowed and request.POST.get("anonymous") == "1"
        try:
            answers.submit_answers(invitation, values, anonymous=anonymous, questions=questions)
        except SurveyError as error:
            errors, message, status = error.errors, error.message, 400
            state = survey.state()
        else:
            text = _("Thank you: your answers are saved.")
            if survey.is_open():
                text += " " + _("You can change them until %(date)s.") % {"date": closes_on(survey)}
            messages.success(request, text)
            return see_other(reverse("registrations:participant", kwargs={"token": registration.token}) + "#survey")
    return render(request, "surveys/survey.html", {
        "registration": registration,
        "program": survey.program,
        "survey": survey,
        "state": state,
        "open": state == Survey.State.OPEN,
        "answered": response is not None or invitation.answered_at is not None,
        "anonymous": anonymous,
        "items": items(questions, values, errors),
        "errors": errors,
        "message": message,
        "ratings": RATINGS,
        "rating_max": RATING_MAX,
        "closes_on": closes_on(survey),
        "opens_on": date_format(timezone.localtime(survey.opens(), survey.program.tz).date(), "DATE_FORMAT"),
    }, status=status)
