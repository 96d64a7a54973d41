"""Onsite check-in: a participant's code scanned (or their name found) at the door, for one program day.

``check_in`` answers every scan with an outcome whose ``status`` says what
happened, so that the check-in page and the API give a clear, distinct answer
for each case:

- ``checked_in``: present now, counted once;
- ``already_checked_in``: present earlier that day (the outcome carries the
  first check-in and its time); nothing changes. A scan sent twice by a phone
  that queued it offline (the same ``client_key``) is the same scan, and
  answers so (``same_scan``);
- ``unknown_code``: no registration has this code;
- ``other_program``: the code belongs to another program (its title and the
  name on the badge are given, nothing more);
- ``cancelled``, ``rejected``, ``waitlisted``, ``awaiting_approval``: the
  registration holds no confirmed place;
- ``online_only``: a confirmed place, but to attend online;
- ``not_a_program_day``, ``future_day``: the day asked for is not one of the
  program's days (in its time zone), or has not come yet.

Two phones scanning the same badge at the same moment: the database's unique
constraint (one check-in per registration and day) decides, not a look before
the insert, so exactly one check-in is written and the other phone is told
"already checked in". Each check-in and each undo writes the registration's
history.
"""
import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trainingcenter.programs.models import Program
from trainingcenter.registrations import checkin_codes
from trainingcenter.registrations.models import Registration, RegistrationEvent

from ..models import CheckIn

Action = RegistrationEvent.Action
RegistrationStatus = Registration.Status
CLIENT_KEY_MAX_LENGTH = CheckIn._meta.get_field("client_key").max_length
SEARCH_LIMIT = 20


class Status(enum.StrEnum):
    CHECKED_IN = "checked_in"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN_CODE = "unknown_code"
    OTHER_PROGRAM = "other_program"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    WAITLISTED = "waitlisted"
    AWAITING_APPROVAL = "awaiting_approval"
    ONLINE_ONLY = "online_only"
    NOT_A_PROGRAM_DAY = "not_a_program_day"
    FUTURE_DAY = "future_day"


# A registration that holds no confirmed place answers with its own status.
_REFUSED_STATUSES = {
    RegistrationStatus.CANCELLED: Status.CANCELLED,
    RegistrationStatus.REJECTED: Status.REJECTED,
    RegistrationStatus.WAITLISTED: Status.WAITLISTED,
    RegistrationStatus.AWAITING_APPROVAL: Status.AWAITING_APPROVAL,
}


@dataclass(frozen=True)
class CheckInOutcome:
    status: Status
    program: Program
    day: dt.date
    registration: Registration | None = None
    # The check-in that counts: the new one, or the first of that day.
    check_in: CheckIn | None = None
    # For ``other_program``: the program the code belongs to.
    other_program: Program | None = None
    # For ``already_checked_in``: this very scan was received before (same client_key).
    same_scan: bool = False

    @property
    def present(self):
        """The participant is checked in for the day (now or before)."""
        return self.status in (Status.CHECKED_IN, Status.ALREADY_CHECKED_IN)

    @property
    def tone(self):
        """How the answer looks: success (green), warning (amber, nothing changed) or error (red)."""
        if self.status == Status.CHECKED_IN or self.same_scan:
            # A scan sent again (queued offline, answer lost) did check the person in.
            return "success"
        if self.status == Status.ALREADY_CHECKED_IN:
            return "warning"
        return "error"

    @property
    def name(self):
        """The name on the badge, when the code was found (also for another program's code)."""
        if self.registration is None or self.registration.is_erased:
            return ""
        return self.registration.full_name

    @property
    def checked_in_at_local(self):
        """When the check-in that counts was made, in the program's time zone."""
        if self.check_in is None:
            return None
        return timezone.localtime(self.check_in.checked_in_at, self.program.tz)

    @property
    def time(self):
        """'09:12', the check-in's time in the program's zone; "" without one."""
        local = self.checked_in_at_local
        return local.strftime("%H:%M") if local else ""

    @property
    def message(self):
        """One sentence for the person at the door, in the active language."""
        name = self.name
        if self.status == Status.CHECKED_IN or self.same_scan:
            return _("Checked in: %(name)s") % {"name": name}
        if self.status == Status.ALREADY_CHECKED_IN:
            return _("Already checked in at %(time)s") % {"time": self.time}
        if self.status == Status.UNKNOWN_CODE:
            return _("Unknown code: no registration has this code.")
        if self.status == Status.OTHER_PROGRAM:
            return _("This code is for another program: %(program)s") % {"program": self.other_program.title}
        if self.status == Status.CANCELLED:
            return _("Registration cancelled: %(name)s") % {"name": name}
        if self.status == Status.REJECTED:
            return _("Registration not accepted: %(name)s") % {"name": name}
        if self.status == Status.WAITLISTED:
            return _("On the waiting list, no place: %(name)s") % {"name": name}
        if self.status == Status.AWAITING_APPROVAL:
            return _("Not approved yet: %(name)s") % {"name": name}
        if self.status == Status.ONLINE_ONLY:
            return _("Registered to take part online, not onsite: %(name)s") % {"name": name}
        day = date_format(self.day, "DATE_FORMAT")
        if self.status == Status.FUTURE_DAY:
            return _("%(day)s has not come yet: check-in is for today or earlier days.") % {"day": day}
        return _("%(day)s is not a day of this program.") % {"day": day}


def local_today(program, now=None):
    """Today's date in the program's time zone."""
    return timezone.localtime(now or timezone.now(), program.tz).date()


def default_day(program, now=None):
    """The day a check-in page opens on: today if the program runs today, else its nearest day."""
    days = program.local_days()
    today = local_today(program, now)
    if today in days:
        return today
    return days[0] if today < days[0] else days[-1]


def _actor(actor):
    return actor if actor is not None and getattr(actor, "pk", None) else None


def _record(registration, action, *, actor, day):
    RegistrationEvent.objects.create(
        registration=registration, action=action, from_status=registration.status, to_status=registration.status,
        actor=_actor(actor), note=day.isoformat(),
    )


def _registration_for(code):
    code = checkin_codes.normalise(code)
    if not code:
        return None
    registration = Registration.objects.select_related("program").filter(checkin_code=code).first()
    # An erased registration keeps its row for statistics; its badge opens nothing.
    if registration is None or registration.is_erased:
        return None
    return registration


def check_in(program, code, *, day=None, actor=None, client_key="", now=None):
    """Mark the holder of ``code`` present at ``program`` on ``day`` (default: today in the program's zone).

    Returns a ``CheckInOutcome``; only ``checked_in`` changes anything (one
    CheckIn row and one history entry, in one transaction). ``client_key`` is
    the scanning device's id for this scan, so that a scan queued offline and
    sent twice is known for the same scan.
    """
    now = now or timezone.now()
    day = day or local_today(program, now)
    client_key = (client_key or "")[:CLIENT_KEY_MAX_LENGTH]

    def outcome(status, **fields):
        return CheckInOutcome(status=status, program=program, day=day, **fields)

    if day not in program.local_days():
        return outcome(Status.NOT_A_PROGRAM_DAY)
    if day > local_today(program, now):
        return outcome(Status.FUTURE_DAY)
    registration = _registration_for(code)
    if registration is None:
        return outcome(Status.UNKNOWN_CODE)
    if registration.program_id != program.pk:
        return outcome(Status.OTHER_PROGRAM, registration=registration, other_program=registration.program)
    if registration.status in _REFUSED_STATUSES:
        return outcome(_REFUSED_STATUSES[registration.status], registration=registration)
    if registration.mode != Registration.Mode.ONSITE:
        return outcome(Status.ONLINE_ONLY, registration=registration)
    registration.program = program
    # Twice at most: a check-in undone between our insert and our look at the first one is raced again.
    for _attempt in range(2):
        try:
            # A savepoint when the caller has a transaction: a refused insert undoes only this.
            with transaction.atomic():
                row = CheckIn.objects.create(
                    registration=registration, day=day, checked_in_at=now, checked_in_by=_actor(actor),
                    client_key=client_key,
                )
                _record(registration, Action.CHECKED_IN, actor=actor, day=day)
        except IntegrityError:
            # The constraint says someone was first (another phone, or this very scan sent before).
            first = CheckIn.objects.filter(registration=registration, day=day).first()
            if first is None:
                continue
            return outcome(
                Status.ALREADY_CHECKED_IN, registration=registration, check_in=first,
                same_scan=bool(client_key) and first.client_key == client_key,
            )
        return outcome(Status.CHECKED_IN, registration=registration, check_in=row)
    raise IntegrityError("check-in kept colliding with undos")


def undo_check_in(check_in, *, actor):
    """Take back a check-in (a wrong badge scanned, a wrong name tapped); returns False if it was gone already.

    The history keeps both the check-in and its undoing, with who did each.
    """
    with transaction.atomic():
        deleted, _by_model = CheckIn.objects.filter(pk=check_in.pk).delete()
        if not deleted:
            return False
        registration = Registration.objects.get(pk=check_in.registration_id)
        _record(registration, Action.CHECK_IN_UNDONE, actor=actor, day=check_in.day)
    return True


# --- finding people ---------------------------------------------------------------------

# Letters that do not decompose into a base letter and a mark (NFKD), read as the letter people type.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe"})


def fold(text):
    """Text for matching: case, accents and other marks removed (Ö, ö, o; Ё, ё, е; Arabic harakat)."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD)


def _rank(registration):
    """Confirmed onsite participants first: they are the ones at the door."""
    if registration.status == RegistrationStatus.CONFIRMED:
        return 0 if registration.mode == Registration.Mode.ONSITE else 1
    return 2 if registration.is_active else 3


def search_participants(program, query, *, limit=SEARCH_LIMIT):
    """The program's registrations whose name, e-mail, organisation or check-in code match every word of ``query``.

    Matching ignores case and accents in every script ("jose" finds José,
    "алёна" finds Алена), which the databases' own LIKE does not do for
    letters beyond ASCII; a program's registrations are few enough to match
    here. Confirmed onsite participants come first, then the rest by name.
    """
    words = fold(query).split()[:5]
    if not words:
        return []
    code = checkin_codes.normalise(query)
    found = []
    for registration in Registration.objects.filter(program=program, personal_data_erased_at__isnull=True):
        if code and registration.checkin_code == code:
            found.append(registration)
            continue
        haystack = fold(" ".join((
            registration.given_name, registration.family_name, registration.email, registration.organization,
        )))
        if all(word in haystack for word in words):
            found.append(registration)
    found.sort(key=lambda r: (_rank(r), fold(r.given_name), fold(r.family_name), r.pk))
    return found[:limit]


# --- who is here ------------------------------------------------------------------------


def check_ins_on(program, day):
    """The day's check-ins, the latest first, with their registrations and who scanned them."""
    return (
        CheckIn.objects.filter(registration__program=program, day=day)
        .select_related("registration", "checked_in_by")
        .order_by("-checked_in_at", "-pk")
    )


def expected_onsite(program):
    """Who is expected at the venue: confirmed onsite registrations."""
    return Registration.objects.filter(
        program=program, status=RegistrationStatus.CONFIRMED, mode=Registration.Mode.ONSITE,
    )


def check_ins_by_registration(registrations, day):
    """{registration pk: that day's CheckIn} for the given registrations, in one query."""
    ids = [registration.pk for registration in registrations]
    return {row.registration_id: row for row in CheckIn.objects.filter(registration_id__in=ids, day=day)}
