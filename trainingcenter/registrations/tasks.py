"""Background tasks of the registrations app."""
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

PERIOD = dt.timedelta(minutes=5)


def _pending_periodic():
    from django_tasks_db.models import DBTaskResult

    # Only waiting runs count: a running one schedules its successor unless one waits already.
    return DBTaskResult.objects.filter(task_path=periodic_housekeeping.module_path, status="READY")


def schedule_periodic(run_after=None):
    """Enqueue the periodic task unless a run is already waiting; True if enqueued.

    Both ``start_periodic_tasks`` and the task itself go through here, so
    restarting the server any number of times leaves exactly one chain.
    """
    with transaction.atomic():
        if _pending_periodic().exists():
            return False
        task_ = periodic_housekeeping.using(run_after=run_after) if run_after else periodic_housekeeping
        task_.enqueue()
    return True


@task()
def periodic_housekeeping():
    """Every five minutes: send due reminders, rescue stuck mails, then schedule the next run.

    The next run is scheduled even when this one fails, so one bad night does
    not silently stop the reminders.
    """
    from trainingcenter.mailer.services import requeue_stale_mail

    from .reminders import send_due_reminders

    reminded = rescued = 0
    try:
        reminded = send_due_reminders()
        rescued = requeue_stale_mail()
    finally:
        schedule_periodic(run_after=timezone.now() + PERIOD)
    return {"reminded": reminded, "mail_requeued": rescued}


@task()
def send_registration_email(registration_id, kind):
    """Render a participant's e-mail of the given kind and put it in the outbox.

    Enqueued by the state change in its own transaction; see ``emails``.
    """
    from . import emails
    from .models import Registration

    registration = Registration.objects.select_related("program").filter(pk=registration_id).first()
    if registration is None:
        return "gone"
    # No transaction around the rendering: on SQLite it would hold the write
    # lock that registrations wait for. queue_mail writes the mail atomically.
    emails.queue_now(registration, kind)
    return kind
