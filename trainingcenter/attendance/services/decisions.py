"""Organisers' decisions that replace the rule's result for one registration, kept with their reason.

Each decision, and each withdrawal, writes a line in the registration's
history (``ATTENDANCE_DECIDED``) with the reason, so that whoever later asks
why a certificate was (not) issued finds the answer there.
"""
from django.db import transaction
from django.utils.translation import gettext as _

from trainingcenter.registrations.models import RegistrationEvent

from ..models import AttendanceOverride
from .zoom_import import AttendanceError

# The history line holds "Attended: <reason>" in 500 characters.
REASON_MAX_LENGTH = 450


def _clean_reason(reason, *, required):
    reason = " ".join(str(reason or "").split())
    if required and not reason:
        raise AttendanceError("reason_required", _("Please give a reason for your decision."))
    if len(reason) > REASON_MAX_LENGTH:
        raise AttendanceError(
            "reason_too_long", _("Please keep the reason to %(max)d characters.") % {"max": REASON_MAX_LENGTH}
        )
    return reason


def _actor(actor):
    return actor if actor is not None and getattr(actor, "pk", None) else None


def decide_attendance(registration, *, attended, reason, actor):
    """Decide that the participant attended (or not), whatever the rule says; ``reason`` is required."""
    reason = _clean_reason(reason, required=True)
    attended = bool(attended)
    with transaction.atomic():
        override, _created = AttendanceOverride.objects.update_or_create(
            registration=registration,
            defaults={"attended": attended, "reason": reason, "decided_by": _actor(actor)},
        )
        # In the history's own language (English), like its other notes; the reason as the organiser wrote it.
        verdict = "Attended" if attended else "Did not attend"
        RegistrationEvent.objects.create(
            registration=registration, action=RegistrationEvent.Action.ATTENDANCE_DECIDED, actor=_actor(actor),
            to_status=registration.status, note=f"{verdict}: {reason}"[:500],
        )
    return override


def clear_attendance_decision(registration, *, actor, reason=""):
    """Withdraw the organiser's decision, so the rule decides again; returns False when there was none."""
    reason = _clean_reason(reason, required=False)
    with transaction.atomic():
        deleted, _details = AttendanceOverride.objects.filter(registration=registration).delete()
        if not deleted:
            return False
        note = "Decision withdrawn; the rule decides" + (f": {reason}" if reason else "")
        RegistrationEvent.objects.create(
            registration=registration, action=RegistrationEvent.Action.ATTENDANCE_DECIDED, actor=_actor(actor),
            to_status=registration.status, note=note[:500],
        )
    return True
