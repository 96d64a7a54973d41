"""Every change to a registration: register, cancel, promote, approve, move, edit.

Views, the API, admin actions and commands call these functions and never
write registrations themselves, so the rules below hold whoever acts:

- Capacity per mode is never exceeded. Each function that can take or free a
  seat runs in one transaction that first locks the program row; seats are
  counted and taken under that lock, so concurrent registrations queue up
  instead of both seeing the last free seat.
- Every change writes a history entry (RegistrationEvent).
- Side effects (e-mails through the outbox, join-link tasks) are enqueued in
  the same transaction: they happen if and only if the change commits.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program

from .. import capacity, emails, validation
from ..models import Answer, Question, Registration, RegistrationEvent
from . import join_links

Status = Registration.Status
Action = RegistrationEvent.Action

# A duplicate registration re-sends the personal link, but not more often than
# this, so nobody can flood a stranger's mailbox by registering their address.
DUPLICATE_RESEND_INTERVAL = dt.timedelta(minutes=10)
TEXT_ANSWER_MAX_LENGTH = validation.TEXT_ANSWER_MAX_LENGTH
DETAIL_FIELDS = (
    "given_name", "family_name", "organization", "position", "sector", "gender", "country", "language", "time_zone",
)


class RegistrationError(Exception):
    """A registration refused or a change not allowed, with a message for the person.

    ``code`` is stable for programs (the API maps it to an HTTP status):
    not_open, closed, mode_not_offered, duplicate, invalid_answer, not_allowed,
    full, consent_required, invalid. ``field`` names the input at fault, if any.
    """

    def __init__(self, code, message, *, field=None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self):
        return str(self.message)


class DuplicateRegistration(RegistrationError):
    """The e-mail already has an active registration in this program; its link was re-sent."""

    def __init__(self, existing):
        super().__init__(
            "duplicate",
            _("This e-mail address is already registered for this program. "
              "We have sent the link to your registration to it again."),
            field="email",
        )
        self.existing = existing


@dataclass
class RegistrationData:
    given_name: str
    family_name: str
    email: str
    country: str
    organization: str
    position: str = ""
    sector: str = "other"
    gender: str = ""
    mode: str = "online"
    language: str = "en"
    time_zone: str = ""  # IANA name from the participant's browser; "" when unknown
    consent: bool = False
    answers: dict = field(default_factory=dict)  # {Question pk: answer text}


def _is_staff(actor):
    return bool(actor is not None and getattr(actor, "is_staff", False))


def _record(registration, action, *, from_status="", actor=None, note=""):
    RegistrationEvent.objects.create(
        registration=registration,
        action=action,
        from_status=from_status,
        to_status=registration.status,
        actor=actor if actor is not None and getattr(actor, "pk", None) else None,
        note=str(note)[:500],
    )


def _is_confirmed_online(status, mode):
    return status == Status.CONFIRMED and mode == Registration.Mode.ONLINE


def _join_link_changes(registration, before_status, before_mode):
    """Tell the meeting provider when a person gains or loses the right to a join link."""
    was = _is_confirmed_online(before_status, before_mode)
    now = _is_confirmed_online(registration.status, registration.mode)
    if now and not was:
        join_links.on_confirmed(registration)
    elif was and not now:
        join_links.on_released(registration)


def _lock_program(program):
    """Lock the program row for the rest of the transaction.

    PostgreSQL: SELECT ... FOR UPDATE makes every seat-changing transaction of
    this program wait for the one before it. SQLite has no row locks (Django
    ignores select_for_update there), but our settings open every transaction
    with BEGIN IMMEDIATE, which takes the database's single write lock at the
    start: writers run one after another, so the count below cannot go stale.
    """
    return Program.objects.select_for_update().get(pk=program.pk)


def _lock_registration(registration):
    return Registration.objects.select_for_update().select_related("program").get(pk=registration.pk)


def _seat_is_free(program, mode):
    """A new or moving registration may take a seat now (the rule is ``ModeAvailability.seat_for_newcomer``)."""
    return capacity.mode_availability(program, mode).seat_for_newcomer


def _holding_status(program):
    return Status.AWAITING_APPROVAL if program.requires_approval else Status.CONFIRMED


# --- validation --------------------------------------------------------------------------


def _clean_details(values):
    """The shared input rules (``validation``), with the first problem as a RegistrationError."""
    try:
        return validation.clean_details(values)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise RegistrationError("invalid", messages[0], field=name) from None


def _clean_email(value):
    try:
        return validation.clean_email(value)
    except ValidationError as error:
        raise RegistrationError("invalid", error.messages[0], field="email") from None


def _clean_answers(program, answers):
    """Check the extra questions' answers; returns [(question, text)] to save.

    ``program.questions.all()`` rather than a query of its own, so that a
    caller that has read them already (the form's view prefetches them) does
    not read them twice.
    """
    answers = {str(key): value for key, value in (answers or {}).items()}
    cleaned = []
    for question in program.questions.all():
        raw = answers.get(str(question.pk))
        if isinstance(raw, bool):
            raw = "yes" if raw else "no"
        value = " ".join(str(raw).split()) if question.kind != Question.Kind.TEXT else str(raw or "").strip()
        if raw is None:
            value = ""
        if not value:
            if question.required:
                raise RegistrationError(
                    "invalid_answer", _("Please answer “%(question)s”.") % {"question": question.label},
                    field=f"question_{question.pk}",
                )
            continue
        allowed = None
        if question.kind == Question.Kind.CHOICE:
            allowed = question.choice_list
        elif question.kind == Question.Kind.YES_NO:
            allowed = ["yes", "no"]
            value = value.lower()
        if allowed is not None and value not in allowed:
            raise RegistrationError(
                "invalid_answer",
                _("Please choose one of the offered answers to “%(question)s”.") % {"question": question.label},
                field=f"question_{question.pk}",
            )
        if len(value) > TEXT_ANSWER_MAX_LENGTH:
            raise RegistrationError(
                "invalid_answer",
                _("Please use at most %(max)d characters.") % {"max": TEXT_ANSWER_MAX_LENGTH},
                field=f"question_{question.pk}",
            )
        cleaned.append((question, value))
    return cleaned


def check_window(program, *, actor=None, now=None):
    """Refuse (``not_open``, ``closed``) unless the program takes registrations now; staff always may.

    ``register`` checks this itself; the API asks first as well, so that a
    closed program is answered as closed before a request's fields are read.
    """
    _check_window(program, actor, now or timezone.now())


def _check_window(program, actor, now):
    state = program.registration_window_state(now)
    if state == "open" or _is_staff(actor):
        return
    if state == "not_open":
        raise RegistrationError("not_open", _("Registration for this program is not open yet."))
    raise RegistrationError("closed", _("Registration for this program has closed."))


def _check_mode(program, mode):
    if mode not in [str(m) for m in program.offered_modes]:
        raise RegistrationError(
            "mode_not_offered", _("This program cannot be attended that way."), field="mode"
        )


# --- registering ---------------------------------------------------------------------------


def register(program, data, *, actor=None, now=None):
    """Register one person: confirmed, awaiting approval or waitlisted.

    The seat is taken under the program lock, so capacity holds under any
    load. The same e-mail cannot hold two active registrations in one program:
    a second attempt re-sends the link to the first and raises
    DuplicateRegistration. Staff (``actor``) may register someone outside the
    registration window.
    """
    now = now or timezone.now()
    if data.consent is not True:
        raise RegistrationError(
            "consent_required", _("Please agree to the privacy notice to register."), field="consent"
        )
    _check_window(program, actor, now)
    _check_mode(program, data.mode)
    email = _clean_email(data.email)
    details = _clean_details({name: getattr(data, name) for name in DETAIL_FIELDS})
    answers = _clean_answers(program, data.answers)

    existing = None
    try:
        with transaction.atomic():
            locked = _lock_program(program)
            existing = Registration.objects.active().filter(program=locked, email=email).first()
            if existing is None:
                registration = _create(locked, email, details, data.mode, answers, actor, now)
    except IntegrityError:
        # The unique constraint is the last line of defence if two requests
        # slipped past the check above; the loser is a plain duplicate.
        existing = Registration.objects.active().filter(program=program, email=email).first()
        if existing is None:
            raise
    if existing is not None:
        _resend_for_duplicate(existing)
        raise DuplicateRegistration(existing)
    return registration


def _create(program, email, details, mode, answers, actor, now):
    status = _holding_status(program) if _seat_is_free(program, mode) else Status.WAITLISTED
    registration = Registration(
        program=program, email=email, mode=mode, consent_at=now, status=status,
        waitlisted_at=now if status == Status.WAITLISTED else None, **details,
    )
    registration.save()
    Answer.objects.bulk_create(
        [Answer(registration=registration, question=question, value=value) for question, value in answers]
    )
    _record(registration, Action.REGISTERED, actor=actor, note=_("Registered by staff") if _is_staff(actor) else "")
    emails.confirmation(registration)
    _join_link_changes(registration, "", "")
    return registration


def _resend_for_duplicate(existing):
    recently = existing.events.filter(
        action=Action.LINK_RESENT, at__gte=timezone.now() - DUPLICATE_RESEND_INTERVAL
    ).exists()
    if not recently:
        resend_link(existing)


def resend_link(registration):
    """E-mail the participant the link to their own page again (they lost it, or registered twice)."""
    with transaction.atomic():
        _record(registration, Action.LINK_RESENT)
        emails.link_resent(registration)


# --- seats freed and filled ------------------------------------------------------------------


def promote_from_waitlist(program, mode, *, exclude=None):
    """Give free seats of one mode to the people waiting longest; returns them.

    Runs under the program lock (taking it if the caller has not), and is
    called in the transaction that freed a seat, so a freed seat is never
    left empty while someone waits. ``exclude`` keeps one registration (the
    one just moved to the list) from being promoted straight back.
    """
    promoted = []
    with transaction.atomic():
        locked = _lock_program(program)
        seats = capacity.mode_availability(locked, mode)
        queue = capacity.waitlist_queue(locked, mode).select_for_update()
        if exclude is not None:
            queue = queue.exclude(pk=exclude.pk)
        if seats.capacity is not None:
            queue = queue[: seats.left]
        for registration in queue:
            registration.program = locked
            registration.status = _holding_status(locked)
            registration.waitlisted_at = None
            registration.save(update_fields=["status", "waitlisted_at", "updated_at"])
            _record(registration, Action.PROMOTED, from_status=Status.WAITLISTED)
            emails.promoted(registration)
            _join_link_changes(registration, Status.WAITLISTED, registration.mode)
            promoted.append(registration)
    return promoted


def fill_free_seats(program):
    """Give every free seat of the program to the people waiting for it; returns them.

    Seats come free in more ways than a cancellation: an organiser raises the
    capacity, opens a mode, or reopens registration. Runs after every program
    save (``receivers``) and from the periodic task as a safety net, so nobody
    waits while a seat they could have stays empty.
    """
    promoted = []
    with transaction.atomic():
        for mode in program.offered_modes:
            promoted += promote_from_waitlist(program, str(mode))
    return promoted


def fill_free_seats_everywhere():
    """``fill_free_seats`` for every program someone is waiting for; returns how many were promoted."""
    waiting = Program.objects.filter(registrations__status=Status.WAITLISTED).distinct()
    return sum(len(fill_free_seats(program)) for program in waiting)


def _release(registration, *, new_status, action, actor=None, note="", email=None):
    """Move a registration to an inactive status, free its seat and fill it."""
    with transaction.atomic():
        _lock_program(registration.program)
        current = _lock_registration(registration)
        before = current.status
        if not current.is_active:
            raise RegistrationError("not_allowed", _("This registration is no longer active."))
        current.status = new_status
        current.waitlisted_at = None
        current.save(update_fields=["status", "waitlisted_at", "updated_at"])
        _record(current, action, from_status=before, actor=actor, note=note)
        if email:
            email(current)
        _join_link_changes(current, before, current.mode)
        if before in Registration.SEAT_HOLDING_STATUSES:
            promote_from_waitlist(current.program, current.mode)
    return current


def cancel_registration(registration, *, actor=None):
    """The participant (or staff for them) withdraws; the seat goes to the next in line.

    Cancelling twice is harmless: an already cancelled registration is
    returned unchanged, so a double click never shows an error.
    """
    if registration.status == Status.CANCELLED:
        return registration
    try:
        return _release(registration, new_status=Status.CANCELLED, action=Action.CANCELLED,
                        actor=actor, email=emails.cancelled)
    except RegistrationError:
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration
        raise


REASON_MAX_LENGTH = RegistrationEvent._meta.get_field("note").max_length


def reject_registration(registration, *, actor, reason=""):
    """Staff turn a registration down, with an optional reason; its seat goes to the next in line.

    The reason is written for the participant: it is kept in the history
    entry of the rejection (its note), and the e-mail, rendered later by a
    task, reads it from there. Too long a reason is refused, not cut short,
    so the participant never reads half a sentence.
    """
    reason = str(reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise RegistrationError(
            "invalid", _("Please use at most %(max)d characters.") % {"max": REASON_MAX_LENGTH}, field="reason",
        )
    return _release(registration, new_status=Status.REJECTED, action=Action.REJECTED,
                    actor=actor, note=reason, email=emails.rejected)


def approve_registration(registration, *, actor):
    """Staff accept a registration awaiting approval; its seat was held, so this never oversells."""
    with transaction.atomic():
        _lock_program(registration.program)
        current = _lock_registration(registration)
        if current.status != Status.AWAITING_APPROVAL:
            raise RegistrationError("not_allowed", _("Only registrations awaiting approval can be approved."))
        current.status = Status.CONFIRMED
        current.save(update_fields=["status", "updated_at"])
        _record(current, Action.APPROVED, from_status=Status.AWAITING_APPROVAL, actor=actor)
        emails.approved(current)
        _join_link_changes(current, Status.AWAITING_APPROVAL, current.mode)
    return current


def confirm_registration(registration, *, actor):
    """Staff confirm a waitlisted person or one awaiting approval.

    From the waiting list this needs a free seat (code 'full' otherwise):
    organisers who want more people raise the capacity, which keeps the
    figures honest.
    """
    with transaction.atomic():
        locked = _lock_program(registration.program)
        current = _lock_registration(registration)
        before = current.status
        if before == Status.AWAITING_APPROVAL:
            return approve_registration(current, actor=actor)
        if before != Status.WAITLISTED:
            raise RegistrationError("not_allowed", _("Only waitlisted registrations can be confirmed."))
        if capacity.mode_availability(locked, current.mode).full:
            raise RegistrationError("full", _("There is no free seat in this attendance mode."))
        current.status = Status.CONFIRMED
        current.waitlisted_at = None
        current.save(update_fields=["status", "waitlisted_at", "updated_at"])
        _record(current, Action.CONFIRMED, from_status=before, actor=actor)
        emails.promoted(current)
        _join_link_changes(current, before, current.mode)
    return current


def move_to_waitlist(registration, *, actor):
    """Staff put a seat holder at the end of the waiting list; the seat goes to the next in line."""
    with transaction.atomic():
        _lock_program(registration.program)
        current = _lock_registration(registration)
        before = current.status
        if before not in Registration.SEAT_HOLDING_STATUSES:
            raise RegistrationError("not_allowed", _("Only registrations holding a seat can be waitlisted."))
        current.status = Status.WAITLISTED
        current.waitlisted_at = timezone.now()
        current.save(update_fields=["status", "waitlisted_at", "updated_at"])
        _record(current, Action.WAITLISTED, from_status=before, actor=actor)
        emails.status_changed(current)
        _join_link_changes(current, before, current.mode)
        promote_from_waitlist(current.program, current.mode, exclude=current)
    return current


def change_mode(registration, mode, *, actor=None):
    """Switch between onsite and online.

    The person keeps a seat if the new mode has one free (and nobody waits
    there), else joins the end of that mode's waiting list; the seat left
    behind goes to the next in line of the old mode.
    """
    with transaction.atomic():
        locked = _lock_program(registration.program)
        current = _lock_registration(registration)
        _check_mode(locked, mode)
        if not current.is_active:
            raise RegistrationError("not_allowed", _("This registration is no longer active."))
        if current.mode == mode:
            return current
        before_status, before_mode = current.status, current.mode
        if _seat_is_free(locked, mode):
            keeps_seat = before_status in Registration.SEAT_HOLDING_STATUSES
            current.status = before_status if keeps_seat else _holding_status(locked)
            current.waitlisted_at = None
        else:
            current.status = Status.WAITLISTED
            current.waitlisted_at = timezone.now()
        current.mode = mode
        current.save(update_fields=["status", "mode", "waitlisted_at", "updated_at"])
        _record(current, Action.MODE_CHANGED, from_status=before_status, actor=actor,
                note=f"{before_mode} → {mode}")
        emails.status_changed(current)
        _join_link_changes(current, before_status, before_mode)
        if before_status in Registration.SEAT_HOLDING_STATUSES:
            promote_from_waitlist(locked, before_mode)
    return current


def update_details(registration, changes, *, actor=None):
    """Correct personal details; the e-mail address and mode have their own paths.

    The history notes which fields changed, not their values, so personal
    data does not spread into the audit trail.
    """
    unknown = set(changes) - set(DETAIL_FIELDS)
    if unknown:
        raise RegistrationError("invalid", _("These details cannot be changed here."), field=sorted(unknown)[0])
    cleaned = _clean_details(changes)
    with transaction.atomic():
        current = _lock_registration(registration)
        if not current.is_active:
            raise RegistrationError("not_allowed", _("This registration is no longer active."))
        changed = [name for name, value in cleaned.items() if getattr(current, name) != value]
        if not changed:
            return current
        for name in changed:
            setattr(current, name, cleaned[name])
        current.save(update_fields=[*changed, "updated_at"])
        _record(current, Action.DETAILS_CHANGED, actor=actor, note=", ".join(changed))
    return current
