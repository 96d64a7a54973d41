"""Surveys for tests: a program that has just ended, its survey, questions, invitations.

``ended_program()`` ended yesterday; ``attended(registration)`` makes a
participant count as attended whatever Zoom or the door said (an organiser's
decision), which is all the survey asks of attendance.
"""
import datetime as dt

import factory
from django.utils import timezone

from trainingcenter.programs.models import Program
from trainingcenter.surveys.models import Choice, Invitation, Question, Survey

from .attendance import AttendanceOverrideFactory
from .programs import ProgramFactory
from .registrations import RegistrationFactory


def ended_program(**kwargs):
    """An online program that ran the day before yesterday and ended yesterday."""
    ends = timezone.now().replace(microsecond=0) - dt.timedelta(days=1)
    defaults = {
        "starts": ends - dt.timedelta(days=1), "ends": ends, "status": Program.Status.COMPLETED,
        "registration_opens": None, "registration_closes": None,
    }
    return ProgramFactory(**{**defaults, **kwargs})


def attended(registration, yes=True):
    """Mark the participant as attended (or not) by an organiser's decision."""
    AttendanceOverrideFactory(registration=registration, attended=yes, reason="Checked by the organisers")
    return registration


def attendee(program, **kwargs):
    return attended(RegistrationFactory(program=program, **kwargs))


class SurveyFactory(factory.django.DjangoModelFactory):
    """An empty survey (no questions) of a program that has just ended, open now."""

    class Meta:
        model = Survey

    program = factory.LazyFunction(ended_program)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    kind = Question.Kind.RATING
    label_en = factory.Sequence(lambda n: f"Question {n}")
    order = factory.Sequence(lambda n: n)


class ChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Choice

    question = factory.SubFactory(QuestionFactory, kind=Question.Kind.CHOICE)
    label_en = factory.Sequence(lambda n: f"Choice {n}")
    order = factory.Sequence(lambda n: n)


def choice_question(survey, labels, **kwargs):
    question = QuestionFactory(survey=survey, kind=Question.Kind.CHOICE, **kwargs)
    for index, label in enumerate(labels):
        ChoiceFactory(question=question, label_en=label, order=index)
    return question


class InvitationFactory(factory.django.DjangoModelFactory):
    """An invitation of a (new, confirmed) participant of the survey's program, sent now."""

    class Meta:
        model = Invitation

    survey = factory.SubFactory(SurveyFactory)
    registration = factory.LazyAttribute(lambda o: RegistrationFactory(program=o.survey.program))
    invited_at = factory.LazyFunction(timezone.now)
