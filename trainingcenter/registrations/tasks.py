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
from django_tasks_db.models import DBTaskResult

from trainingcenter.mailer.services import requeue_stale_mail

# The services enqueue these tasks and the tasks call the services: both refer
# to each other's attributes only at call time, so the cycle is harmless.
from . import emails, services
from .models import Message, Registration

logger = logging.getLogger(__name__)

PERIOD = dt.timedelta(minutes=5)


def _pending_periodic():
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
    """Every five minutes: send due reminders, fill seats, rescue stuck mails, erase personal data past
    its time, then schedule the next run.

    The next run is scheduled even when this one fails, so one bad night does
    not silently stop the reminders.
    """
    # These services import the lifecycle, which imports this module: at call time the cycle is closed.
    from .services import privacy, visa_letters  # noqa: PLC0415 - import cycle

    reminded = rescued = promoted = passports = erased = 0
    try:
        reminded = services.reminders.send_due_reminders()
        promoted = services.fill_free_seats_everywhere()
        rescued = requeue_stale_mail()
        passports = visa_letters.erase_expired_passport_details()
        erased = privacy.erase_expired_personal_data()
    finally:
        schedule_periodic(run_after=timezone.now() + PERIOD)
    return {
        "reminded": reminded, "promoted": promoted, "mail_requeued": rescued,
        "passport_details_erased": passports, "personal_data_erased": erased,
    }


@task()
def send_registration_email(registration_id, kind, key=""):
    """Render a participant's e-mail of the given kind and put it in the outbox.

    Enqueued by the state change in its own transaction; see ``emails``.
    ``key`` names this one e-mail, so a second run of the task queues nothing new.
    """
    registration = Registration.objects.select_related("program").filter(pk=registration_id).first()
    if registration is None:
        return "gone"
    if registration.is_erased:
        # Its address is gone too (services.privacy): nobody to write to.
        return "erased"
    # No transaction around the rendering: on SQLite it would hold the write
    # lock that registrations wait for. queue_mail writes the mail atomically.
    emails.queue_now(registration, kind, key=key)
    return kind


@task()
def announce_schedule_change(program_id):
    """A program's times changed: queue an update for each confirmed participant (see ``schedule_updates``)."""
    # The service imports this module: at call time the cycle is closed.
    from .services import schedule_updates  # noqa: PLC0415 - import cycle

    return schedule_updates.announce(program_id)


@task()
def send_schedule_update(registration_id):
    """E-mail one participant the new times and calendar, unless their calendar is up to date already."""
    from .services import schedule_updates  # noqa: PLC0415 - import cycle

    return schedule_updates.send_update(registration_id) is not None


@task()
def send_lost_links(email, key=""):
    """E-mail an address the links to its active registrations; nothing for an address without one.

    Enqueued by ``services.lost_links.request_links`` for every address asked
    about, so the page's answer takes the same time whether it is known.
    ``key`` names the one mail, so a second run queues nothing new.
    """
    return services.lost_links.send_links(email, key=key) is not None


@task()
def deliver_message(message_id):
    """Write the personal e-mails of one organiser's message into the outbox."""
    message = Message.objects.select_related("program", "created_by").filter(pk=message_id).first()
    if message is None:
        # The program (and its messages) was deleted before the worker came round.
        return 0
    return services.messaging.deliver(message)


@task()
def add_zoom_registrant(registration_id, attempt=1):
    """Register a confirmed online participant in Zoom and store their personal link."""
    return services.zoom_registrants.add_registrant(registration_id, attempt=attempt)


@task()
def remove_zoom_registrant(program_id, registrant_id, email, attempt=1):
    """Cancel the Zoom registrant of a released registration, so its link stops working."""
    return services.zoom_registrants.remove_registrant(program_id, registrant_id, email, attempt=attempt)
