"""Participants hear when a program's times change: an e-mail with the new agenda and an updated calendar file.

``programs.services`` sends ``programs.signals.schedule_changed`` inside the
transaction of the change; ``receivers`` enqueues ``tasks.announce_schedule_change``
in that same transaction, so the organiser's request renders nothing, however
many participants the program has. That task queues one ``send_schedule_update``
task per confirmed participant, and each of those renders one e-mail.

A participant gets the update only when the calendar they were last given
(``calendar.fingerprint``, kept by ``services.calendars``) differs from what
it should say now. So running a task twice, or hearing of one edit twice (the
admin saves a program and its agenda in two calls), sends one e-mail; and the
e-mail's calendar file carries the next SEQUENCE, so calendars replace the
old events. Each e-mail is keyed by the participant's calendar sequence and
the new digest: two workers rendering the same update at once queue it once.
"""
from django.db import transaction

from .. import emails, join_link_rules, tasks
from ..calendar import CANCELLED, fingerprint, holds_place, program_days
from ..models import Registration

KIND = "schedule_changed"


def announce(program_id):
    """Queue an update task for each confirmed participant of the program; returns how many were queued."""
    ids = list(
        Registration.objects.filter(
            program_id=program_id, status=Registration.Status.CONFIRMED, personal_data_erased_at__isnull=True,
        ).order_by("pk").values_list("pk", flat=True)
    )
    with transaction.atomic():
        for registration_id in ids:
            tasks.send_schedule_update.enqueue(registration_id)
    return len(ids)


def outdated_digest(registration, days=None):
    """The digest of the calendar the participant should have now if it differs from the one they last got.

    None when there is nothing to update: no place (no events), personal data
    erased (nobody to write to), events never issued or cancelled (the e-mail
    that gives them a place carries the events), or nothing changed.
    """
    if not holds_place(registration) or registration.is_erased:
        return None
    stored = registration.calendar_fingerprint
    if not stored or stored == CANCELLED:
        return None
    days = program_days(registration.program) if days is None else days
    digest = fingerprint(registration, days, join_link_rules.join_url_for(registration))
    return None if digest == stored else digest


def send_update(registration_id):
    """Queue the participant's "new times" e-mail if their calendar is out of date; the mail, or None."""
    registration = Registration.objects.select_related("program").filter(pk=registration_id).first()
    if registration is None:
        return None
    digest = outdated_digest(registration)
    if digest is None:
        return None
    key = f"registration:{registration.pk}:{KIND}:{registration.calendar_sequence}:{digest[:32]}"
    return emails.queue_now(registration, KIND, key=key)
