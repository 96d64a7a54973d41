"""Organisers set up a program's survey: its default questions, their own, the order, the settings.

Every change to a survey and its questions happens here. Texts are given per
language (``{"en": ..., "zh-hans": ..., "ru": ...}``); English is required
and the others fall back to it. Refusals raise ``SurveyError`` naming the form
field (``label_en``, ``choices_ru``, ``closes_at`` ...) in the organiser's language.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trainingcenter.programs.models import Session

from .. import defaults
from ..models import DEFAULT_OPEN_DAYS, Choice, Question, Survey
from .errors import SurveyError

LABEL_MAX_LENGTH = 300
HELP_MAX_LENGTH = 300
CHOICE_MAX_LENGTH = 200
MAX_CHOICES = 20
LANGUAGES = [code for code, _name in settings.LANGUAGES]
FALLBACK_LANGUAGE = "en"


@dataclass
class QuestionData:
    """What an organiser wrote for one question."""

    kind: str
    labels: dict  # {language: text}
    help_texts: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)  # {language: [text, ...]}, choice questions only
    required: bool = False
    session: Session | None = None


def form_field(name, language):
    """The form field of one text in one language: label_en, choices_zh_hans ..."""
    return defaults.field(name, language)


def _language_name(language):
    return str(dict(settings.LANGUAGES).get(language, language))


def _one_line(text):
    return " ".join(str(text or "").split())


# --- creating a survey -------------------------------------------------------------------------------


def _new_question(survey, order, kind, required, labels, help_texts, *, key="", session=None):
    return Question.objects.create(
        survey=survey, kind=kind, required=required, order=order, default_key=key, session=session,
        **defaults.translated("label", labels), **defaults.translated("help_text", help_texts),
    )


def _rated_sessions(program):
    return Session.objects.filter(program=program, kind__in=defaults.RATED_SESSION_KINDS).order_by("starts", "pk")


def create_default_survey(program):
    """The program's survey, made with the default questions if it has none yet; safe to call again.

    The defaults: the overall rating and the usefulness for their work
    (required ratings), a rating of each lecture, case study and panel
    (optional), what to improve and topics for future programs (texts), each
    written in English, Simplified Chinese and Russian.
    """
    with transaction.atomic():
        survey, created = Survey.objects.get_or_create(program=program)
        if not created:
            return survey
        order = 0
        for key, kind, required, labels, help_texts in defaults.BEFORE_SESSIONS:
            _new_question(survey, order, kind, required, labels, help_texts, key=key)
            order += 1
        for session in _rated_sessions(program):
            labels, help_texts = defaults.session_texts(session, LABEL_MAX_LENGTH)
            _new_question(survey, order, Question.Kind.RATING, False, labels, help_texts, key="session",
                          session=session)
            order += 1
        for key, kind, required, labels, help_texts in defaults.AFTER_SESSIONS:
            _new_question(survey, order, kind, required, labels, help_texts, key=key)
            order += 1
    survey.program = program
    return survey


def _renumber(questions):
    for index, question in enumerate(questions):
        question.order = index
    Question.objects.bulk_update(questions, ["order"])


def add_session_questions(survey):
    """A rating for each lecture, case study and panel that has none yet (sessions added later); how many.

    They go after the last session question, else before the first text question, else at the end.
    """
    with transaction.atomic():
        questions = list(Question.objects.select_for_update().filter(survey=survey).order_by("order", "pk"))
        rated = {question.session_id for question in questions if question.session_id}
        new = [session for session in _rated_sessions(survey.program) if session.pk not in rated]
        if not new:
            return 0
        session_positions = [i for i, question in enumerate(questions) if question.session_id]
        text_positions = [i for i, question in enumerate(questions) if question.kind == Question.Kind.TEXT]
        if session_positions:
            position = session_positions[-1] + 1
        elif text_positions:
            position = text_positions[0]
        else:
            position = len(questions)
        created = []
        for session in new:
            labels, help_texts = defaults.session_texts(session, LABEL_MAX_LENGTH)
            created.append(_new_question(survey, 0, Question.Kind.RATING, False, labels, help_texts,
                                         key="session", session=session))
        _renumber(questions[:position] + created + questions[position:])
    return len(new)


# --- questions ---------------------------------------------------------------------------------------


def _clean_texts(texts, name, max_length, *, required):
    cleaned = {}
    for language in LANGUAGES:
        text = _one_line((texts or {}).get(language))
        if len(text) > max_length:
            raise SurveyError(_("Please use at most %(max)d characters.") % {"max": max_length},
                              field=form_field(name, language))
        cleaned[language] = text
    if required and not cleaned[FALLBACK_LANGUAGE]:
        raise SurveyError(_("Please write the question in English; the other languages fall back to it."),
                          field=form_field(name, FALLBACK_LANGUAGE))
    return cleaned


def _lines(value):
    if isinstance(value, str):
        value = value.splitlines()
    return [_one_line(line) for line in value or () if _one_line(line)]


def _clean_choices(choices):
    cleaned = {language: _lines((choices or {}).get(language)) for language in LANGUAGES}
    english = cleaned[FALLBACK_LANGUAGE]
    if len(english) < 2:
        raise SurveyError(_("Please give at least two choices in English, one per line."),
                          field=form_field("choices", FALLBACK_LANGUAGE))
    if len(english) > MAX_CHOICES:
        raise SurveyError(_("Please give at most %(max)d choices.") % {"max": MAX_CHOICES},
                          field=form_field("choices", FALLBACK_LANGUAGE))
    if len({line.casefold() for line in english}) < len(english):
        raise SurveyError(_("Each choice should be given once."), field=form_field("choices", FALLBACK_LANGUAGE))
    for language, lines in cleaned.items():
        for line in lines:
            if len(line) > CHOICE_MAX_LENGTH:
                raise SurveyError(_("Please keep each choice to %(max)d characters.") % {"max": CHOICE_MAX_LENGTH},
                                  field=form_field("choices", language))
        if lines and len(lines) != len(english):
            raise SurveyError(
                _("Please give as many choices in %(language)s as in English (%(count)d), in the same order, "
                  "or none (then the English ones are shown).")
                % {"language": _language_name(language), "count": len(english)},
                field=form_field("choices", language),
            )
    return cleaned


def _clean(survey, data, question=None):
    if data.kind not in Question.Kind.values:
        raise SurveyError(_("Please choose one of the offered options."), field="kind")
    if question is not None and question.kind != data.kind and question.answers.exists():
        raise SurveyError(_("This question has been answered already, so its kind cannot change."), field="kind")
    labels = _clean_texts(data.labels, "label", LABEL_MAX_LENGTH, required=True)
    help_texts = _clean_texts(data.help_texts, "help_text", HELP_MAX_LENGTH, required=False)
    choices = _clean_choices(data.choices) if data.kind == Question.Kind.CHOICE else None
    session = data.session
    if session is not None:
        if data.kind != Question.Kind.RATING:
            raise SurveyError(_("Only a rating can be about a session."), field="session")
        if session.program_id != survey.program_id:
            raise SurveyError(_("Please choose a session of this program."), field="session")
    return labels, help_texts, choices, session


def _set_choices(question, choices):
    """Labels by position: the first line is the first choice in every language; extra old choices go."""
    existing = list(question.choices.order_by("order", "pk"))
    english = choices[FALLBACK_LANGUAGE]
    removed = existing[len(english):]
    for choice in removed:
        if choice.answers.exists():
            raise SurveyError(
                _("“%(choice)s” has been chosen already, so it cannot be removed; you may reword it.")
                % {"choice": choice.label},
                field=form_field("choices", FALLBACK_LANGUAGE),
            )
    for choice in removed:
        choice.delete()
    for index, english_label in enumerate(english):
        labels = {language: (lines[index] if lines else "") for language, lines in choices.items()}
        labels[FALLBACK_LANGUAGE] = english_label
        values = {**defaults.translated("label", labels), "order": index}
        if index < len(existing):
            Choice.objects.filter(pk=existing[index].pk).update(**values)
        else:
            Choice.objects.create(question=question, **values)


def _remove_choices(question):
    if Choice.objects.filter(question=question, answers__isnull=False).exists():
        raise SurveyError(_("This question has been answered already, so its kind cannot change."), field="kind")
    question.choices.all().delete()


def add_question(survey, data):
    """A new question at the end of the survey."""
    labels, help_texts, choices, session = _clean(survey, data)
    with transaction.atomic():
        last = Question.objects.filter(survey=survey).order_by("-order").values_list("order", flat=True).first()
        question = _new_question(survey, 0 if last is None else last + 1, data.kind, bool(data.required),
                                 labels, help_texts, session=session)
        if choices is not None:
            _set_choices(question, choices)
    return question


def update_question(question, data):
    """Change a question's texts, kind (while unanswered), choices, whether it is required, its session."""
    survey = question.survey
    labels, help_texts, choices, session = _clean(survey, data, question)
    with transaction.atomic():
        question.kind = data.kind
        question.required = bool(data.required)
        question.session = session
        for name, value in {**defaults.translated("label", labels),
                            **defaults.translated("help_text", help_texts)}.items():
            setattr(question, name, value)
        question.save()
        if choices is not None:
            _set_choices(question, choices)
        else:
            _remove_choices(question)
    return question


def move_question(question, offset):
    """Move a question up (-1) or down (+1) among its survey's questions; False when it is at that end already."""
    with transaction.atomic():
        questions = list(Question.objects.select_for_update().filter(survey_id=question.survey_id)
                         .order_by("order", "pk"))
        index = next(i for i, candidate in enumerate(questions) if candidate.pk == question.pk)
        target = index + (1 if offset > 0 else -1)
        if not 0 <= target < len(questions):
            return False
        questions[index], questions[target] = questions[target], questions[index]
        _renumber(questions)
    return True


def delete_question(question):
    """Remove a question nobody has answered; an answered one is refused (its answers would be lost)."""
    with transaction.atomic():
        count = question.answers.count()
        if count:
            raise SurveyError(_(
                "This question has been answered %(count)d times, so it cannot be removed; its answers would be "
                "lost."
            ) % {"count": count})
        question.delete()
        _renumber(list(Question.objects.filter(survey_id=question.survey_id).order_by("order", "pk")))


# --- settings, opening and closing -----------------------------------------------------------------------


def update_settings(survey, *, opens_at, closes_at, anonymous_allowed, send_automatically, audience,
                    reminder_after_days):
    """The survey's window (empty: from the program's end, for four weeks), anonymity, sending, reminder."""
    if audience not in Survey.Audience.values:
        raise SurveyError(_("Please choose one of the offered options."), field="audience")
    try:
        reminder_after_days = int(reminder_after_days)
    except (TypeError, ValueError):
        reminder_after_days = 0
    if not 1 <= reminder_after_days <= 60:
        raise SurveyError(_("Please give a number of days from 1 to 60."), field="reminder_after_days")
    opens = opens_at or survey.program.ends
    if closes_at is not None and closes_at <= opens:
        raise SurveyError(_("The survey must close after it opens."), field="closes_at")
    survey.opens_at = opens_at
    survey.closes_at = closes_at
    survey.anonymous_allowed = bool(anonymous_allowed)
    survey.send_automatically = bool(send_automatically)
    survey.audience = audience
    survey.reminder_after_days = reminder_after_days
    survey.save()
    return survey


def open_survey(survey, now=None):
    """Open the survey now (if it is not open): from now, until its closing time or four weeks from now."""
    now = now or timezone.now()
    if survey.is_open(now):
        return survey
    if survey.opens() > now:
        survey.opens_at = now
    if survey.closes() <= now:
        survey.closes_at = now + dt.timedelta(days=DEFAULT_OPEN_DAYS)
    survey.save(update_fields=["opens_at", "closes_at", "updated_at"])
    return survey


def close_survey(survey, now=None):
    """Close the survey now: answers can no longer be given or changed, and no more invitations go out."""
    now = now or timezone.now()
    if survey.state(now) == Survey.State.CLOSED:
        return survey
    survey.closes_at = now
    if survey.opens_at is not None and survey.opens_at >= now:
        survey.opens_at = None
    survey.save(update_fields=["opens_at", "closes_at", "updated_at"])
    return survey
