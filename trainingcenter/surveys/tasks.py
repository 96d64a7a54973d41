"""Background tasks of the surveys app: sending invitations, and the periodic round.

Thin, as every task here: load, call a service, which makes a second run
harmless (an invitation is written once per participant, a reminder claimed
before it is queued, each e-mail queued under its own key).

The periodic round has a chain of its own, beside the registrations app's
``periodic_housekeeping``: that one cannot call surveys (surveys sit above
registrations in the layers). ``manage.py start_survey_tasks`` starts it,
and each run schedules the next, so restarting leaves exactly one chain.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from trainingcenter.programs.models import Program

# The services enqueue these tasks and the tasks call the services: each refers
# to the other only at call time, so the import cycle is harmless.
from .services import invitations

PERIOD = dt.timedelta(minutes=15)


def _pending_periodic():
    # Only waiting runs count: a running one schedules its successor unless one waits already.
    return DBTaskResult.objects.filter(task_path=survey_housekeeping.module_path, status="READY")


def schedule_periodic(run_after=None):
    """Enqueue the periodic round unless a run is already waiting; True if enqueued."""
    with transaction.atomic():
        if _pending_periodic().exists():
            return False
        task_ = survey_housekeeping.using(run_after=run_after) if run_after else survey_housekeeping
        task_.enqueue()
    return True


@task()
def survey_housekeeping():
    """Every fifteen minutes: make the default survey of programs just ended, send due invitations and
    reminders, then schedule the next run (even when this one fails)."""
    try:
        return invitations.housekeeping()
    finally:
        schedule_periodic(run_after=timezone.now() + PERIOD)


@task()
def send_survey_invitations(program_id):
    """Invite everyone the program's open survey is for who has not been invited yet (the organiser's button)."""
    program = Program.objects.filter(pk=program_id).first()
    if program is None:
        return 0
    return invitations.send_invitations(program)
