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

    @property
    def seat_for_newcomer(self):
        """A new or moving registration may take a seat now.

        Not while others wait in that mode: they come first (promotion fills
        the seat), so nobody jumps the queue after a capacity change.
        """
        if self.capacity is None:
            return True
        return not self.full and self.waitlisted == 0


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


def newcomer_outcome(program, mode):
    """(status, waitlist position or None) that a new registration in ``mode`` would get right now.

    The same rule as ``services.register`` (``seat_for_newcomer``), read
    without the program lock, so it is a forecast: what the program page's
    seat counts already tell anyone. The public API answers a duplicate with
    it, so that the answer looks like a newcomer's (see
    ``api.routers.registrations``).
    """
    seats = mode_availability(program, mode)
    if seats.seat_for_newcomer:
        status = Registration.Status.AWAITING_APPROVAL if program.requires_approval else Registration.Status.CONFIRMED
        return status, None
    return Registration.Status.WAITLISTED, seats.waitlisted + 1


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
