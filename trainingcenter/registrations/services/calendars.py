"""The participant's calendar file as it stands now, and the SEQUENCE that makes calendars accept it.

A calendar replaces an event it has only by one with the same UID and a
higher SEQUENCE (RFC 5545, 3.8.7.4). Each registration keeps the sequence of
its events and a digest of what they said (``calendar.fingerprint``); a file
whose contents differ from the last one gets the next number. So the number
rises with every change, whatever caused it: a mode change, a promotion, a
cancellation, the organisers moving the program or its sessions, a join link
arriving. And it is derived from the data alone, so an e-mail task that runs
twice, or a participant who downloads the file twice, gets the same number.
"""
from dataclasses import dataclass

from ..calendar import CANCELLED, fingerprint, holds_place, participant_calendar, program_days
from ..models import Registration


@dataclass(frozen=True)
class CalendarFile:
    ics: str
    cancelled: bool  # the file removes the events instead of adding them


def calendar_sequence(registration, digest):
    """The SEQUENCE for a file with this digest; None for a cancellation of events never issued.

    The first file is number 0; each file with another digest than the one
    before takes the next number. Written with a compare-and-set, so two
    renderings at the same moment agree on one number instead of both raising it.
    """
    while True:
        sequence, stored = (
            Registration.objects.filter(pk=registration.pk)
            .values_list("calendar_sequence", "calendar_fingerprint").get()
        )
        if stored == digest:
            return sequence
        if digest == CANCELLED and not stored:
            # Nobody has these events: there is nothing to cancel.
            return None
        new_sequence = sequence + 1 if stored else sequence
        updated = Registration.objects.filter(
            pk=registration.pk, calendar_sequence=sequence, calendar_fingerprint=stored,
        ).update(calendar_sequence=new_sequence, calendar_fingerprint=digest)
        if updated:
            registration.calendar_sequence, registration.calendar_fingerprint = new_sequence, digest
            return new_sequence
        # Someone else stamped a file in between: read their result and decide again.


def participant_calendar_file(registration, *, join_url="", page_url="", days=None, center_name=""):
    """The file this participant should import now, or None when they should have no events and had none.

    With a place (``calendar.holds_place``): the program's days. Without one
    but with events issued before (cancelled, rejected, moved to the waiting
    list): their cancellation. ``days`` may be passed when the caller has them
    from ``program_days``.
    """
    days = program_days(registration.program) if days is None else days
    live = holds_place(registration)
    digest = fingerprint(registration, days, join_url) if live else CANCELLED
    sequence = calendar_sequence(registration, digest)
    if sequence is None:
        return None
    ics = participant_calendar(
        registration, days=days, sequence=sequence, cancelled=not live, join_url=join_url if live else "",
        page_url=page_url, center_name=center_name,
    )
    return CalendarFile(ics=ics, cancelled=not live)
