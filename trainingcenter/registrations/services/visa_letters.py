"""Visa invitation letters: a participant asks, organisers approve or refuse, the passport details go.

Who may ask: confirmed onsite participants of a program that offers letters
(``Program.visa_letters_offered``: programs held in China), until the program
ends. The passport details are asked only then, shown to the program's
organisers alone, printed in the letter, and erased (``erase_passport_details``)
``settings.VISA_LETTER_RETENTION_DAYS`` after the program ends, or at the next
housekeeping run once the registration has ended. The history notes what
happened, never the passport details; so do e-mails and logs.

Every change runs in one transaction with its history entry and its e-mail.
"""
import dataclasses
import datetime as dt
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables

from .. import validation, visa_letter_emails
from ..models import Registration, RegistrationEvent, VisaLetterRequest
from .lifecycle import RegistrationError

Action = RegistrationEvent.Action
LetterStatus = VisaLetterRequest.Status

PASSPORT_NAME_MAX_LENGTH = VisaLetterRequest._meta.get_field("passport_name").max_length
REASON_MAX_LENGTH = VisaLetterRequest._meta.get_field("refusal_reason").max_length
# Passport numbers are letters and digits (ICAO 9303 allows up to 9 in the
# machine-readable zone, some countries print more); spaces are dropped.
_PASSPORT_NUMBER = re.compile(r"^[A-Z0-9]{5,20}$")
OLDEST_AGE_YEARS = 120


@dataclasses.dataclass
class PassportDetails:
    passport_name: str
    nationality: str
    passport_number: str
    date_of_birth: dt.date | None

    def __repr__(self):
        # Never the values: a repr ends up in tracebacks and logs.
        return "PassportDetails(…)"


# --- who may do what ----------------------------------------------------------------------


def letters_offered(program):
    return bool(program.visa_letters_offered)


def may_request(registration, now=None):
    """A confirmed onsite participant of a program offering letters, before it ends, may ask for one."""
    now = now or timezone.now()
    program = registration.program
    return (
        letters_offered(program)
        and registration.status == Registration.Status.CONFIRMED
        and registration.mode == Registration.Mode.ONSITE
        and not registration.is_erased
        and program.ends > now
    )


def may_download(letter):
    """The approved letter, while its passport details are held and the participant still comes onsite."""
    registration = letter.registration
    return (
        letter.letter_available
        and registration.status == Registration.Status.CONFIRMED
        and registration.mode == Registration.Mode.ONSITE
    )


def letter_for(registration):
    """The registration's request, or None."""
    return VisaLetterRequest.objects.filter(registration=registration).first()


# --- input --------------------------------------------------------------------------------


@sensitive_variables()
def clean_passport_details(details, *, today=None):
    """The details as the letter will print them; a RegistrationError names the first field at fault."""
    today = today or timezone.localdate()
    try:
        name = validation.clean_text(details.passport_name, field="passport_name")
    except ValidationError as error:
        raise RegistrationError("invalid", error.messages[0], field="passport_name") from None
    if len(name) > PASSPORT_NAME_MAX_LENGTH:
        raise RegistrationError(
            "invalid", _("Please use at most %(max)d characters.") % {"max": PASSPORT_NAME_MAX_LENGTH},
            field="passport_name",
        )
    try:
        nationality = validation.clean_country(details.nationality)
    except ValidationError as error:
        raise RegistrationError("invalid", error.messages[0], field="nationality") from None
    number = "".join(str(details.passport_number or "").split()).upper()
    if not _PASSPORT_NUMBER.match(number):
        raise RegistrationError(
            "invalid",
            _("Please enter the passport number as printed in your passport: 5 to 20 letters and digits."),
            field="passport_number",
        )
    born = details.date_of_birth
    if not isinstance(born, dt.date) or born >= today or born.year < today.year - OLDEST_AGE_YEARS:
        raise RegistrationError("invalid", _("Please check the date of birth."), field="date_of_birth")
    return PassportDetails(passport_name=name, nationality=nationality, passport_number=number, date_of_birth=born)


# --- changes ------------------------------------------------------------------------------


def _record(registration, action, *, actor=None, note=""):
    RegistrationEvent.objects.create(
        registration=registration, action=action, from_status=registration.status, to_status=registration.status,
        actor=actor if actor is not None and getattr(actor, "pk", None) else None, note=str(note)[:500],
    )


def _lock(letter):
    return (
        VisaLetterRequest.objects.select_for_update().select_related("registration__program")
        .get(pk=letter.pk)
    )


def _same_details(letter, details):
    return (
        letter.passport_name == details.passport_name
        and letter.nationality.code == details.nationality
        and letter.passport_number == details.passport_number
        and letter.date_of_birth == details.date_of_birth
    )


@sensitive_variables()
def request_letter(registration, details, *, now=None):
    """Ask for a letter, or correct the details of one asked for; returns the request.

    A correction takes the request back to the organisers, even after they
    approved it: the letter must say what the passport says. Sending the same
    details twice (a double click) changes nothing.
    """
    now = now or timezone.now()
    cleaned = clean_passport_details(details, today=timezone.localdate(now))
    with transaction.atomic():
        current = Registration.objects.select_for_update().select_related("program").get(pk=registration.pk)
        if not may_request(current, now):
            raise RegistrationError(
                "not_allowed",
                _("An invitation letter can be requested only by confirmed onsite participants, "
                  "before the program ends."),
            )
        letter = VisaLetterRequest.objects.select_for_update().filter(registration=current).first()
        if letter is not None and letter.has_passport_details and _same_details(letter, cleaned) and (
            letter.status != LetterStatus.REFUSED
        ):
            return letter
        corrected = letter is not None
        if letter is None:
            letter = VisaLetterRequest(registration=current)
        for name, value in dataclasses.asdict(cleaned).items():
            setattr(letter, name, value)
        letter.status = LetterStatus.REQUESTED
        letter.requested_at = now
        letter.decided_at = None
        letter.decided_by = None
        letter.refusal_reason = ""
        letter.issued_at = None
        letter.passport_details_erased_at = None
        letter.save()
        _record(current, Action.VISA_LETTER_REQUESTED, note=_("Details corrected") if corrected else "")
        visa_letter_emails.organisers_told(letter)
    return letter


def _reference(letter, now):
    return f"VL-{timezone.localtime(now, letter.registration.program.tz):%Y}-{letter.pk:04d}"


def approve_letter(letter, *, actor, now=None):
    """Organisers approve: the letter is dated now, gets its reference, and the participant is told."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(letter)
        if current.status == LetterStatus.APPROVED:
            return current
        if not current.has_passport_details:
            raise RegistrationError("not_allowed", _("The passport details of this request have been deleted."))
        registration = current.registration
        if registration.status != Registration.Status.CONFIRMED or registration.mode != Registration.Mode.ONSITE:
            raise RegistrationError(
                "not_allowed", _("Letters are issued only to confirmed onsite participants."),
            )
        current.status = LetterStatus.APPROVED
        current.decided_at = now
        current.decided_by = actor
        current.refusal_reason = ""
        current.issued_at = now
        current.reference = current.reference or _reference(current, now)
        current.save()
        _record(registration, Action.VISA_LETTER_APPROVED, actor=actor)
        visa_letter_emails.approved(current)
    return current


def refuse_letter(letter, *, actor, reason="", now=None):
    """Organisers refuse (or withdraw an approval), with an optional reason written for the participant."""
    now = now or timezone.now()
    reason = " ".join(str(reason or "").split())
    if len(reason) > REASON_MAX_LENGTH:
        raise RegistrationError(
            "invalid", _("Please use at most %(max)d characters.") % {"max": REASON_MAX_LENGTH}, field="reason",
        )
    with transaction.atomic():
        current = _lock(letter)
        if current.status == LetterStatus.REFUSED and current.refusal_reason == reason:
            return current
        current.status = LetterStatus.REFUSED
        current.decided_at = now
        current.decided_by = actor
        current.refusal_reason = reason
        current.issued_at = None
        current.save()
        _record(current.registration, Action.VISA_LETTER_REFUSED, actor=actor, note=reason)
        visa_letter_emails.refused(current)
    return current


def erase_passport_details(letter, *, now=None, record=True):
    """Delete the passport details, keeping the request's status for the figures; harmless twice."""
    now = now or timezone.now()
    with transaction.atomic():
        current = _lock(letter)
        if current.passport_details_erased_at is not None:
            return current
        current.passport_name = ""
        current.nationality = ""
        current.passport_number = ""
        current.date_of_birth = None
        current.passport_details_erased_at = now
        current.save(update_fields=[
            "passport_name", "nationality", "passport_number", "date_of_birth", "passport_details_erased_at",
        ])
        if record:
            _record(current.registration, Action.PASSPORT_DETAILS_ERASED)
    return current


def erase_expired_passport_details(now=None):
    """Erase the passport details no longer needed; returns how many. Called by the periodic task.

    No longer needed: the retention period after the program's end has
    passed (the program's current end, so a postponed program keeps them
    longer), or the registration has ended.
    """
    now = now or timezone.now()
    ended_before = now - dt.timedelta(days=settings.VISA_LETTER_RETENTION_DAYS)
    due = VisaLetterRequest.objects.filter(passport_details_erased_at__isnull=True).filter(
        Q(registration__program__ends__lte=ended_before)
        | Q(registration__status__in=Registration.INACTIVE_STATUSES)
        | Q(registration__personal_data_erased_at__isnull=False)
    )
    erased = 0
    for letter in due.only("pk"):
        erase_passport_details(letter, now=now)
        erased += 1
    return erased
