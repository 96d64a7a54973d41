"""Background tasks of the registrations app.

Each task is thin: it loads what it needs and calls a service, which makes a
second run harmless (the worker retries a task that raised, and picks up a
task whose worker died).
"""
import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

PERIOD = dt.timedelta(minutes=5)


def _pending_periodic():
    # Imported here: the task backend's models need the app registry, and this
    # module is imported while services load.
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


# The services import this module to enqueue tasks, so the tasks import the
# services inside their bodies (a cycle at import time otherwise).


@task()
def periodic_housekeeping():
    """Every five minutes: send due reminders, fill seats, rescue stuck mails, then schedule the next run.

    The next run is scheduled even when this one fails, so one bad night does
    not silently stop the reminders.
    """
    from trainingcenter.mailer.services import requeue_stale_mail

    from .services import fill_free_seats_everywhere
    from .services.reminders import send_due_reminders

    reminded = rescued = promoted = 0
    try:
        reminded = send_due_reminders()
        promoted = fill_free_seats_everywhere()
        rescued = requeue_stale_mail()
    finally:
        schedule_periodic(run_after=timezone.now() + PERIOD)
    return {"reminded": reminded, "promoted": promoted, "mail_requeued": rescued}


@task()
def send_registration_email(registration_id, kind, key=""):
    """Render a participant's e-mail of the given kind and put it in the outbox.

    Enqueued by the state change in its own transaction; see ``emails``.
    ``key`` names this one e-mail, so a second run of the task queues nothing new.
    """
    from . import emails
    from .models import Registration

    registration = Registration.objects.select_related("program").filter(pk=registration_id).first()
    if registration is None:
        return "gone"
    # No transaction around the rendering: on SQLite it would hold the write
    # lock that registrations wait for. queue_mail writes the mail atomically.
    emails.queue_now(registration, kind, key=key)
    return kind


@task()
def deliver_message(message_id):
    """Write the personal e-mails of one organiser's message into the outbox."""
    from .models import Message
    from .services.messaging import deliver

    message = Message.objects.select_related("program", "created_by").filter(pk=message_id).first()
    if message is None:
        # The program (and its messages) was deleted before the worker came round.
        return 0
    return deliver(message)


@task()
def add_zoom_registrant(registration_id, attempt=1):
    """Register a confirmed online participant in Zoom and store their personal link."""
    from .services.zoom_registrants import add_registrant

    return add_registrant(registration_id, attempt=attempt)


@task()
def remove_zoom_registrant(program_id, registrant_id, email, attempt=1):
    """Cancel the Zoom registrant of a released registration, so its link stops working."""
    from .services.zoom_registrants import remove_registrant

    return remove_registrant(program_id, registrant_id, email, attempt=attempt)
