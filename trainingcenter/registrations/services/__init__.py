"""Every change to registrations, in one place: views, the API, the admin and tasks call these.

``lifecycle`` registers, cancels, promotes, approves, moves and edits;
``join_links`` and ``zoom_registrants`` keep personal meeting links in step;
``messaging`` and ``reminders`` write mail to participants; ``calendars``
keeps each participant's calendar events in step with their registration;
``edits`` applies a participant's details and mode from one form; ``lost_links``
e-mails a person the links to all their registrations.
"""
from . import calendars, edits, join_links, lost_links, messaging, reminders, zoom_registrants
from .lifecycle import (
    DETAIL_FIELDS,
    REASON_MAX_LENGTH,
    TEXT_ANSWER_MAX_LENGTH,
    DuplicateRegistration,
    RegistrationData,
    RegistrationError,
    approve_registration,
    cancel_registration,
    change_mode,
    check_window,
    confirm_registration,
    fill_free_seats,
    fill_free_seats_everywhere,
    move_to_waitlist,
    promote_from_waitlist,
    register,
    reject_registration,
    resend_link,
    update_details,
)

__all__ = [
    "DETAIL_FIELDS", "REASON_MAX_LENGTH", "TEXT_ANSWER_MAX_LENGTH", "DuplicateRegistration", "RegistrationData",
    "RegistrationError", "approve_registration", "calendars", "cancel_registration", "change_mode", "check_window",
    "confirm_registration", "edits", "fill_free_seats", "fill_free_seats_everywhere", "join_links",
    "lost_links", "messaging", "move_to_waitlist", "promote_from_waitlist", "register", "reject_registration",
    "reminders", "resend_link", "update_details", "zoom_registrants",
]
