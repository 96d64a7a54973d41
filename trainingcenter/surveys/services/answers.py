"""A participant answers the survey through their own link: once, and again to change it until it closes.

``submit_answers`` checks every answer against its question and, if all are
valid, writes the response in one transaction: the first time a new one,
afterwards in place of the old (the invitation row is locked meanwhile, so
two submissions at once make one response). After the survey closes it is
refused. Messages are in the active language (the page's).

Anonymous answers, where the organisers allow them, are kept without a link
to the invitation; the participant's link finds them again through
``response_key``, an HMAC (keyed with the site's secret key) of the
invitation and the participant's secret token, which nobody can compute from
what the organisers' pages and exports show. Their time is kept to the day,
so it cannot tie them to an invitation's answering time either.
"""
import re

from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..models import RATING_MAX, RATING_MIN, Answer, Invitation, Question, Response, Survey
from .errors import SurveyError

TEXT_MAX_LENGTH = 4000
# Control characters but tab and newlines: PostgreSQL refuses NUL in text, and none belongs in an answer.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_KEY_SALT = "trainingcenter.surveys.response"


def response_key(invitation):
    """The digest under which the invitation's response is kept, named or anonymous."""
    registration = invitation.registration
    message = f"{invitation.survey_id}:{invitation.pk}:{registration.token}"
    return salted_hmac(_KEY_SALT, message, algorithm="sha256").hexdigest()


def invitation_for(registration):
    """The participant's invitation to their program's survey, with the survey and program, or None."""
    return (
        Invitation.objects.select_related("survey__program", "registration")
        .filter(registration=registration, survey__program_id=registration.program_id)
        .first()
    )


def response_for(invitation):
    """The participant's response, named or anonymous, with its answers' rows; None before they answer."""
    if invitation is None or invitation.answered_at is None:
        return None
    return Response.objects.filter(key=response_key(invitation)).first()


def answers_of(response):
    """{question id: rating (int), choice id (int) or text} of a response; {} for none."""
    if response is None:
        return {}
    values = {}
    for question_id, rating, choice_id, text in response.answers.values_list("question_id", "rating", "choice_id",
                                                                              "text"):
        values[question_id] = rating if rating is not None else choice_id if choice_id is not None else text
    return values


def questions_of(survey):
    """The survey's questions in order, with their choices, in two queries."""
    return list(Question.objects.filter(survey=survey).select_related("session").prefetch_related("choices")
                .order_by("order", "pk"))


def _as_int(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) < 10 else None


def _blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def _clean_answer(question, value):
    """(Answer fields or None when unanswered, error or None) for one question."""
    if _blank(value):
        return None, (_("Please answer this question.") if question.required else None)
    if question.kind == Question.Kind.RATING:
        rating = _as_int(value)
        if rating is None or not RATING_MIN <= rating <= RATING_MAX:
            return None, _("Please choose a rating from %(min)d to %(max)d.") % {"min": RATING_MIN, "max": RATING_MAX}
        return {"rating": rating}, None
    if question.kind == Question.Kind.CHOICE:
        choice_id = _as_int(value)
        choice = next((choice for choice in question.choices.all() if choice.pk == choice_id), None)
        if choice is None:
            return None, _("Please choose one of the offered answers.")
        return {"choice": choice}, None
    text = _CONTROL.sub("", str(value)).strip()
    if not text:
        return None, (_("Please answer this question.") if question.required else None)
    if len(text) > TEXT_MAX_LENGTH:
        return None, _("Please keep your answer to %(max)d characters; it has %(count)d.") % {
            "max": TEXT_MAX_LENGTH, "count": len(text),
        }
    return {"text": text}, None


def check_open(survey, now=None):
    """Raise SurveyError unless answers may be given or changed now."""
    state = survey.state(now)
    if state == Survey.State.CLOSED:
        raise SurveyError(_("The survey has closed, so answers can no longer be given or changed. "
                            "Thank you for your interest."))
    if state == Survey.State.SCHEDULED:
        raise SurveyError(_("The survey is not open yet."))


def submit_answers(invitation, answers, *, anonymous=False, now=None, questions=None):
    """Save the participant's answers (``{question id: value}``), replacing earlier ones; returns the response.

    Values: a rating as 1..5, a choice by its id, a text as a string;
    empty means unanswered. Questions of other surveys are ignored. Raises
    SurveyError when the survey is not open, anonymity is not allowed, or any
    answer is invalid (then ``errors`` says which and why, and nothing is saved).
    """
    now = now or timezone.now()
    survey = invitation.survey
    check_open(survey, now)
    anonymous = bool(anonymous)
    if anonymous and not survey.anonymous_allowed:
        raise SurveyError(_("This survey cannot be answered anonymously."), field="anonymous")
    questions = questions if questions is not None else questions_of(survey)
    answers = {(_as_int(key) if not isinstance(key, int) else key): value for key, value in (answers or {}).items()}
    rows, errors = [], {}
    for question in questions:
        fields, error = _clean_answer(question, answers.get(question.pk))
        if error:
            errors[question.pk] = error
        elif fields:
            rows.append((question, fields))
    if errors:
        raise SurveyError(_("Some answers need your attention; nothing has been saved yet."), errors=errors)
    key = response_key(invitation)
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        response = Response.objects.filter(key=key).first()
        if response is None and locked.answered_at is not None:
            # Answered before, but the response cannot be found again (the site's secret key changed).
            raise SurveyError(_("You have answered this survey already; your answers can no longer be changed."))
        moment = now.replace(hour=0, minute=0, second=0, microsecond=0) if anonymous else now
        values = {
            "survey": survey, "invitation": None if anonymous else locked, "anonymous": anonymous,
            "language": (get_language() or "")[:10], "submitted_at": moment,
        }
        if response is None:
            response = Response.objects.create(key=key, **values)
        else:
            for name, value in values.items():
                setattr(response, name, value)
            response.save()
            response.answers.all().delete()
        Answer.objects.bulk_create([Answer(response=response, question=question, **fields)
                                    for question, fields in rows])
        if locked.answered_at is None:
            Invitation.objects.filter(pk=locked.pk).update(answered_at=now)
            invitation.answered_at = now
    return response

