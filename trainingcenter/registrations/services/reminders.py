"""The reminder e-mail a configurable time before a program starts."""
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from trainingcenter.programs.models import Program

from .. import emails
from ..models import Registration, RegistrationEvent


def send_due_reminders(now=None):
    """E-mail every confirmed participant of programs starting soon, once; returns how many.

    "Soon" is settings.REMINDER_LEAD_HOURS. Each registration is claimed with a
    conditional UPDATE before its mail is queued, in one transaction, so two
    workers running this at once never remind anybody twice.
    """
    now = now or timezone.now()
    horizon = now + dt.timedelta(hours=settings.REMINDER_LEAD_HOURS)
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminder_sent_at__isnull=True,
            program__starts__gt=now,
            program__starts__lte=horizon,
        )
        .exclude(program__status__in=[Program.Status.DRAFT, Program.Status.COMPLETED])
        .select_related("program")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True, status=Registration.Status.CONFIRMED
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            registration.reminder_sent_at = now
            RegistrationEvent.objects.create(
                registration=registration, action=RegistrationEvent.Action.REMINDER_SENT,
                from_status=registration.status, to_status=registration.status,
            )
            emails.reminder(registration)
        sent += 1
    return sent
