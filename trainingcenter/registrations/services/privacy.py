"""A participant's own data: everything held about them, and its erasure.

``personal_data_export`` gathers what the centre holds about one registration
(details, answers, history, visa letter request, e-mails sent) for the
participant to download. ``erase_personal_data`` anonymises the registration:
the seat goes to the next person waiting, and what is left (country, sector,
gender, attendance mode, language, status and the dates of its history) counts
in statistics but names no one. ``erase_expired_personal_data`` does the same,
unasked, for programs whose retention period (``Program.personal_data_retention_days``)
has run out since they ended; the periodic task calls it.

Erasing twice is harmless: an erased registration is returned as it is.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trainingcenter.center.models import Center
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import delete_mail
from trainingcenter.programs.models import Program

from ..models import Answer, Message, Registration, RegistrationEvent, VisaLetterRequest, new_token
from ..signals import personal_data_erased
from . import lifecycle, visa_letters

Action = RegistrationEvent.Action
EXPORT_FORMAT_VERSION = 1
ERASED_NAME = "(erased)"
ERASED_EMAIL_DOMAIN = "erased.invalid"  # .invalid never resolves (RFC 2606): no mail can reach it
# Registrations erased per periodic run, so that one run stays short; the next run goes on.
EXPIRED_BATCH = 500
# What an erased registration keeps: enough to count, nothing to identify.
KEPT_FOR_STATISTICS = ("program", "country", "sector", "gender", "mode", "status", "language", "created_at")


def erased_email(registration):
    """An address that is unique per registration (the active-email constraint) and reaches no one."""
    return f"erased-{registration.pk}@{ERASED_EMAIL_DOMAIN}"


def _iso(value):
    return value.isoformat() if value else None


def _message_tags(registration):
    """The outbox tags of the organisers' messages in this registration's program."""
    pks = Message.objects.filter(program=registration.program_id).values_list("pk", flat=True)
    return [f"message:{pk}" for pk in pks]


def _mail_about(registration):
    """The outbox rows written to this participant about this registration, oldest first."""
    rows = OutgoingMail.objects.filter(to__iexact=registration.email)
    return (
        rows.filter(tag__startswith=f"registration:{registration.pk}:")
        | rows.filter(tag__in=_message_tags(registration))
    ).order_by("created_at", "pk")


def personal_data_export(registration, *, now=None):
    """Everything the centre holds about this registration, as JSON-ready data.

    It is the participant's own data, so it is all there, their passport
    details included; staff members' names are not (their own personal data),
    only whether a change was made by staff.
    """
    now = now or timezone.now()
    program = registration.program
    center = Center.current()
    letter = visa_letters.letter_for(registration)
    answers = Answer.objects.filter(registration=registration).select_related("question").order_by(
        "question__order", "question__pk")
    events = RegistrationEvent.objects.filter(registration=registration).order_by("at", "pk")
    return {
        "format": "trainingcenter.personal-data",
        "version": EXPORT_FORMAT_VERSION,
        "exported_at": _iso(now),
        "controller": {
            "name": center.name if center else "",
            "email": center.email if center else "",
        },
        "program": {
            "title": program.title,
            "slug": program.slug,
            "starts": _iso(program.starts),
            "ends": _iso(program.ends),
            "time_zone": program.time_zone,
            "venue": program.venue,
            "personal_data_kept_for_days_after_end": program.personal_data_retention_days,
        },
        "registration": {
            "given_name": registration.given_name,
            "family_name": registration.family_name,
            "email": registration.email,
            "country": registration.country.code,
            "country_name": str(registration.country.name),
            "organization": registration.organization,
            "position": registration.position,
            "sector": registration.sector,
            "gender": registration.gender,
            "attendance_mode": registration.mode,
            "preferred_language": registration.language,
            "time_zone": registration.time_zone,
            "status": registration.status,
            "consented_at": _iso(registration.consent_at),
            "registered_at": _iso(registration.created_at),
            "updated_at": _iso(registration.updated_at),
            "waitlisted_at": _iso(registration.waitlisted_at),
            "reminder_sent_at": _iso(registration.reminder_sent_at),
            "join_link": registration.join_url,
            "join_link_state": registration.join_link_state,
            "meeting_provider_registrant_id": registration.zoom_registrant_id,
        },
        "answers": [
            {"question": answer.question.label, "answer": answer.value} for answer in answers
        ],
        "history": [
            {
                "at": _iso(event.at),
                "action": event.action,
                "description": str(event.get_action_display()),
                "from_status": event.from_status,
                "to_status": event.to_status,
                "by_staff": event.actor_id is not None,
                "note": event.note,
            }
            for event in events
        ],
        "visa_letter": _visa_letter_export(letter),
        "emails": [
            {
                "subject": mail.subject,
                "queued_at": _iso(mail.created_at),
                "sent_at": _iso(mail.sent_at),
                "status": mail.status,
            }
            for mail in _mail_about(registration)
        ],
    }


def _visa_letter_export(letter):
    if letter is None:
        return None
    return {
        "status": letter.status,
        "requested_at": _iso(letter.requested_at),
        "decided_at": _iso(letter.decided_at),
        "reason_for_refusing": letter.refusal_reason,
        "reference": letter.reference,
        "letter_dated": _iso(letter.issued_at),
        "passport_name": letter.passport_name,
        "nationality": letter.nationality.code if letter.nationality else "",
        "passport_number": letter.passport_number,
        "date_of_birth": _iso(letter.date_of_birth),
        "passport_details_erased_at": _iso(letter.passport_details_erased_at),
        "passport_details_kept_until": _iso(letter.erase_after),
    }


def erase_personal_data(registration, *, actor=None, now=None, note=""):
    """Anonymise one registration; returns it. Harmless to run twice.

    While the program has not ended, an active registration is cancelled
    first, through the normal cancellation, so the seat goes to the next
    person waiting (and their e-mail goes out). After the program, the status
    stays as it was, so the program's figures do not change.

    Erased: names, e-mail (replaced by an address that reaches no one and is
    unique, for the active-email constraint), organisation, position, time
    zone, join link, answers, the notes of the history, the passport details
    and the e-mails in the outbox. The token is replaced, so the old link to
    the participant's page stops working. Kept: ``KEPT_FOR_STATISTICS`` and
    the history's actions and dates. The apps above erase their own copies
    when told (``signals.personal_data_erased``): the names and addresses in
    Zoom's reports, and the name on any certificate, which is revoked.
    """
    now = now or timezone.now()
    registration = Registration.objects.select_related("program").get(pk=registration.pk)
    if registration.is_erased:
        return registration
    with transaction.atomic():
        if registration.is_active and registration.program.ends > now:
            lifecycle.cancel_registration(registration, actor=actor)
        current = Registration.objects.select_for_update().select_related("program").get(pk=registration.pk)
        if current.is_erased:
            return current
        letter = VisaLetterRequest.objects.filter(registration=current).first()
        if letter is not None:
            visa_letters.erase_passport_details(letter, now=now, record=False)
        delete_mail(to=current.email, tag_prefix=f"registration:{current.pk}:", tags=_message_tags(current))
        current.given_name = ERASED_NAME
        current.family_name = ""
        current.email = erased_email(current)
        current.organization = ""
        current.position = ""
        current.time_zone = ""
        current.join_url = ""
        current.join_link_state = Registration.JoinLinkState.NONE
        current.zoom_registrant_id = ""
        current.calendar_fingerprint = ""
        current.token = new_token()
        current.personal_data_erased_at = now
        current.save(update_fields=[
            "given_name", "family_name", "email", "organization", "position", "time_zone", "join_url",
            "join_link_state", "zoom_registrant_id", "calendar_fingerprint", "token", "token_selector",
            "personal_data_erased_at", "updated_at",
        ])
        Answer.objects.filter(registration=current).delete()
        RegistrationEvent.objects.filter(registration=current).exclude(note="").update(note="")
        RegistrationEvent.objects.create(
            registration=current, action=Action.PERSONAL_DATA_ERASED, from_status=current.status,
            to_status=current.status, actor=actor if actor is not None and getattr(actor, "pk", None) else None,
            note=str(note)[:500],
        )
        # Zoom's names and addresses, certificates: the apps above erase their copies (see ..signals).
        personal_data_erased.send(sender=Registration, registration=current, actor=actor, now=now)
    return current


def retention_ends(program):
    """When the program's participants' personal data is due for erasure, or None if kept."""
    if program.personal_data_retention_days is None:
        return None
    return program.ends + dt.timedelta(days=program.personal_data_retention_days)


def erase_expired_personal_data(now=None, *, batch=EXPIRED_BATCH):
    """Erase the personal data of programs whose retention period has run out; returns how many registrations.

    Called by the periodic task; a later run picks up what this one left
    (``batch``), and a registration already erased is skipped.
    """
    now = now or timezone.now()
    erased = 0
    candidates = Program.objects.filter(personal_data_retention_days__isnull=False, ends__lt=now).order_by("ends")
    for program in candidates:
        if retention_ends(program) > now:
            continue
        pending = Registration.objects.filter(program=program, personal_data_erased_at__isnull=True).order_by("pk")
        for registration in pending[: batch - erased]:
            erase_personal_data(registration, now=now, note=_("Retention period ended"))
            erased += 1
        if erased >= batch:
            break
    return erased

