"""Who is asked to answer, and when: invitations once per participant, one reminder, the periodic round.

- ``send_invitations(program)`` invites everyone the survey is for who has
  not been invited yet: by default the participants who attended under the
  program's attendance rule (``attendance.rules``), or every confirmed
  participant if the organisers chose so. Each invitation row and its e-mail
  are written in one transaction, under a unique constraint, so a second run
  (a task retried, two workers, the organiser's button pressed twice) invites
  nobody twice; someone whose attendance is recorded later is invited by the
  next run while the survey is open.
- ``send_reminders(program)`` e-mails, once, those invited who have not
  answered, ``reminder_after_days`` after their invitation; each invitation
  is claimed with a conditional UPDATE before its e-mail is queued.
- ``housekeeping`` is the periodic round (``tasks.survey_housekeeping``): it
  makes the default survey for programs that have just ended, then invites
  and reminds for every open survey that sends automatically.

Participants whose personal data was erased have no address left and are skipped.
"""
import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from trainingcenter.attendance.rules import program_results
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration

from .. import emails, tasks
from ..models import DEFAULT_OPEN_DAYS, Invitation, Survey
from .errors import SurveyError
from .questions import create_default_survey, open_survey

# Programs that ended this long ago or less get their default survey made automatically; older ones
# (e.g. every past program when surveys are first deployed) only when an organiser asks.
AUTO_CREATE_WITHIN = dt.timedelta(days=7)


def _survey_of(program):
    return Survey.objects.select_related("program").filter(program=program).first()


def audience_ids(survey):
    """Ids of the registrations the survey is for, by its audience (attended, or every confirmed one)."""
    program = survey.program
    if survey.audience == Survey.Audience.CONFIRMED:
        return set(Registration.objects.filter(program=program).confirmed().values_list("pk", flat=True))
    return {result.registration_id for result in program_results(program) if result.attended}


def _not_yet_invited(survey, ids):
    return (
        Registration.objects.filter(pk__in=ids, personal_data_erased_at__isnull=True)
        .exclude(survey_invitations__survey=survey)
        .select_related("program")
        .order_by("created_at", "pk")
    )


def pending_count(survey):
    """How many people the next sending would invite (those the survey is for, not invited yet)."""
    return _not_yet_invited(survey, audience_ids(survey)).count()


def send_invitations(program, now=None):
    """Invite everyone the open survey is for who has not been invited yet; returns how many were invited.

    Nothing happens while the survey is not open (not yet, or closed).
    """
    now = now or timezone.now()
    survey = _survey_of(program)
    if survey is None or not survey.is_open(now):
        return 0
    invited = 0
    for registration in _not_yet_invited(survey, audience_ids(survey)):
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(survey=survey, registration=registration, invited_at=now)
                invitation.survey = survey
                emails.queue(invitation, emails.INVITATION)
        except IntegrityError:
            # Another run invited them a moment ago.
            continue
        invited += 1
    return invited


def send_reminders(program, now=None):
    """Remind, once, those invited long enough ago who have not answered; returns how many were reminded."""
    now = now or timezone.now()
    survey = _survey_of(program)
    if survey is None or not survey.is_open(now):
        return 0
    due = (
        Invitation.objects.filter(
            survey=survey, answered_at__isnull=True, reminder_sent_at__isnull=True,
            invited_at__lte=now - dt.timedelta(days=survey.reminder_after_days),
            registration__personal_data_erased_at__isnull=True,
        )
        .select_related("registration__program")
        .order_by("invited_at", "pk")
    )
    reminded = 0
    for invitation in due:
        with transaction.atomic():
            claimed = Invitation.objects.filter(
                pk=invitation.pk, answered_at__isnull=True, reminder_sent_at__isnull=True,
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            invitation.survey = survey
            emails.queue(invitation, emails.REMINDER)
        reminded += 1
    return reminded


def invite_now(survey, now=None):
    """The organiser's "send now": open the survey if it is not open yet, and send the invitations in the
    background. Refused once the survey has closed."""
    now = now or timezone.now()
    if survey.state(now) == Survey.State.CLOSED:
        raise SurveyError(_("The survey is closed. Open it again to send invitations."))
    with transaction.atomic():
        open_survey(survey, now)
        tasks.send_survey_invitations.enqueue(survey.program_id)
    return survey


def open_surveys(now=None):
    """Surveys open now, with their programs, in one query."""
    now = now or timezone.now()
    return (
        Survey.objects.select_related("program")
        .annotate(opens_on=Coalesce("opens_at", "program__ends"))
        .filter(opens_on__lte=now)
        .filter(Q(closes_at__gt=now)
                | Q(closes_at__isnull=True, opens_on__gt=now - dt.timedelta(days=DEFAULT_OPEN_DAYS)))
        .order_by("pk")
    )


def create_due_surveys(now=None):
    """The default survey for each program that ended in the last week and has confirmed participants."""
    now = now or timezone.now()
    programs = (
        Program.objects.public()
        .filter(ends__lte=now, ends__gt=now - AUTO_CREATE_WITHIN, survey__isnull=True,
                registrations__status=Registration.Status.CONFIRMED)
        .distinct()
    )
    created = 0
    for program in programs:
        create_default_survey(program)
        created += 1
    return created


def housekeeping(now=None):
    """The periodic round: make due surveys, then invite and remind for every open survey sent automatically."""
    now = now or timezone.now()
    created = create_due_surveys(now)
    invited = reminded = 0
    for survey in open_surveys(now).filter(send_automatically=True):
        invited += send_invitations(survey.program, now)
        reminded += send_reminders(survey.program, now)
    return {"surveys_created": created, "invited": invited, "reminded": reminded}
