"""Seats: how many each attendance mode has, how many are taken, who waits.

The read side of capacity. The write side (taking a seat) lives in
``services``, under the program's lock; these functions are what pages and
the API show, and what the services count with while holding that lock.
"""
from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Registration


@dataclass(frozen=True)
class ModeAvailability:
    capacity: int | None  # None: no limit
    taken: int
    waitlisted: int

    @property
    def left(self):
        """Seats still free, or None when there is no limit."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.taken, 0)

    @property
    def full(self):
        return self.capacity is not None and self.taken >= self.capacity


def _counts(program, modes):
    """Seat-holding and waitlisted counts per mode, in one query."""
    rows = (
        Registration.objects.filter(program=program, mode__in=modes)
        .values("mode")
        .annotate(
            taken=Count("pk", filter=Q(status__in=Registration.SEAT_HOLDING_STATUSES)),
            waitlisted=Count("pk", filter=Q(status=Registration.Status.WAITLISTED)),
        )
        .order_by()
    )
    counts = {mode: (0, 0) for mode in modes}
    for row in rows:
        counts[row["mode"]] = (row["taken"], row["waitlisted"])
    return counts


def availability(program):
    """``{mode: ModeAvailability}`` for each mode the program offers; one query."""
    modes = [str(mode) for mode in program.offered_modes]
    counts = _counts(program, modes)
    return {
        mode: ModeAvailability(capacity=program.capacity_for(mode), taken=counts[mode][0], waitlisted=counts[mode][1])
        for mode in modes
    }


def mode_availability(program, mode):
    """The same figures for one mode (used by the services under the program lock)."""
    taken, waitlisted = _counts(program, [mode])[mode]
    return ModeAvailability(capacity=program.capacity_for(mode), taken=taken, waitlisted=waitlisted)


def waitlist_queue(program, mode):
    """Waitlisted registrations of one mode, first come first."""
    return Registration.objects.filter(
        program=program, mode=mode, status=Registration.Status.WAITLISTED
    ).order_by("waitlisted_at", "pk")


def waitlist_position(registration):
    """1 for the first person waiting in the registration's mode; None if not waitlisted."""
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = Registration.objects.filter(
        program_id=registration.program_id, mode=registration.mode, status=Registration.Status.WAITLISTED
    ).filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1
