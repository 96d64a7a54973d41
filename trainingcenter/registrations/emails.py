"""The e-mails a participant receives, in their own language, through the outbox.

Each kind of e-mail (``KINDS``) has its own subject and says what happened
and what, if anything, to do next. Each has a text and an HTML part. While the
registration is active it also has the program's agenda (in the program's
time zone and in the participant's own, as their browser reported it when
they registered, or UTC when it did not) and the link to the participant's
own page, where they can change or cancel. A registration that has ended
(cancelled, rejected) gets neither; a rejection carries the organisers'
reason when they gave one. Calendar files follow ``services.calendars``:
events for a confirmed place, their cancellation when the place is lost.

A state change does not render its e-mail: it enqueues a task in its own
transaction (so the two commit together or not at all), and the worker renders
and queues the mail. Rendering an agenda and a calendar file costs more than
the registration itself, and under SQLite's write lock every millisecond in
the transaction is a millisecond all other registrations wait. The e-mail
describes the registration as it is when rendered, a few seconds later at most.
"""
import datetime as dt
import secrets
import zoneinfo

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from trainingcenter.center.current import current_centre
from trainingcenter.mailer.services import queue_and_send

# tasks.py imports this module too; each uses the other's attributes only at call time.
from . import checkin_codes, join_link_rules, tasks
from .calendar import program_days
from .capacity import waitlist_position
from .models import Registration, RegistrationEvent
from .services import calendars

Status = Registration.Status


def participant_url(registration):
    """Absolute link to the participant's own page, in their language."""
    with translation.override(registration.language):
        return settings.SITE_URL + reverse("registrations:participant", kwargs={"token": registration.token})


def _status_paragraphs(registration):
    """Where the registration stands now, and what (if anything) the participant should do next."""
    if registration.status == Status.CONFIRMED:
        return [
            _("Your place is confirmed."),
            _("If you can no longer take part, please cancel on your registration page, so that the next "
              "person waiting gets your place."),
        ]
    if registration.status == Status.AWAITING_APPROVAL:
        return [_("The organisers review each registration for this program. "
                  "Your place is held while they decide, and we will write to you.")]
    if registration.status == Status.WAITLISTED:
        return [
            _("The program is full for now, so you are on the waiting list, number %(position)d. "
              "If a place becomes free, it is yours and we will tell you by e-mail.")
            % {"position": waitlist_position(registration) or 0},
            _("You need not do anything now. If you no longer wish to wait, you can cancel on your "
              "registration page."),
        ]
    return []


def _confirmation(registration):
    thanks = [_("Thank you for registering.")]
    if registration.status == Status.WAITLISTED:
        return _("You are on the waiting list: %(title)s"), thanks
    if registration.status == Status.AWAITING_APPROVAL:
        return _("Registration received, awaiting approval: %(title)s"), thanks
    if not registration.is_active:
        # Cancelled before the worker came round: its own e-mail follows; claim no place here.
        return _("Your registration: %(title)s"), thanks
    return _("Registration confirmed: %(title)s"), thanks


def _promoted(registration):
    if registration.status == Status.AWAITING_APPROVAL:
        return (_("A place is held for you: %(title)s"),
                [_("A place has become free and it is held for you while the organisers review your registration.")])
    return _("A place is now yours: %(title)s"), [_("A place has become free and it is now yours.")]


def _reminder(registration):
    paragraphs = [_("The program you registered for starts soon.")]
    if registration.mode == Registration.Mode.ONSITE:
        paragraphs.append(_("Please come to the venue in time for the first session; bring an identity document."))
    elif join_link_rules.join_url_for(registration):
        paragraphs.append(_("Please join with your personal link below a few minutes before the start."))
    return _("Starting soon: %(title)s"), paragraphs


def _content(registration, kind):
    """(subject, paragraphs on what happened) of one kind of e-mail; called under the reader's language.

    Every kind has its own subject, so a participant can tell them apart in
    their inbox; a confirmation's also says which answer it brings.
    """
    fixed = {
        "approved": (_("Registration approved: %(title)s"), [_("The organisers have approved your registration.")]),
        "rejected": (_("Registration not accepted: %(title)s"),
                     [_("We are sorry: the organisers could not accept your registration for this program.")]),
        "cancelled": (_("Registration cancelled: %(title)s"),
                      [_("Your registration has been cancelled. If this was a mistake, you are welcome to register "
                         "again while registration is open.")]),
        "link_resent": (_("The link to your registration: %(title)s"),
                        [_("Here is the link to your registration again. Someone, most likely you, tried to "
                           "register this e-mail address a second time; one registration per person is enough.")]),
        "status_changed": (_("Your registration has changed: %(title)s"),
                           [_("Your registration has been updated. This is how it stands now.")]),
        "join_link": (_("Your join link: %(title)s"),
                      [_("Your personal link to join online is ready. Please do not share it: it lets you in "
                         "under your name.")]),
        "schedule_changed": (_("New times: %(title)s"),
                             [_("The organisers have changed the program's times. The agenda below shows the new "
                                "times; the attached calendar file updates the events already in your calendar.")]),
    }
    builders = {"confirmation": _confirmation, "promoted": _promoted, "reminder": _reminder}
    if kind in builders:
        return builders[kind](registration)
    return fixed[kind]


KINDS = (
    "confirmation", "promoted", "approved", "rejected", "cancelled", "link_resent", "status_changed", "reminder",
    "join_link", "schedule_changed",
)
# Kinds that tell of a registration that has ended: no agenda, no link to change or cancel.
_INACTIVE_KINDS = {"rejected", "cancelled"}


def rejection_reason(registration):
    """What the organisers wrote when they turned the registration down ("" if nothing).

    Read from the history when the e-mail is rendered, in a task after the
    change: the reason travels with the registration, not with the task.
    """
    note = (
        registration.events.filter(action=RegistrationEvent.Action.REJECTED)
        .order_by("-at", "-pk").values_list("note", flat=True).first()
    )
    return note or ""


def _span(starts, ends, tz, local_date):
    """'09:00–09:45' in the given zone; the date is added when it is not the program day's."""
    starts, ends = timezone.localtime(starts, tz), timezone.localtime(ends, tz)
    text = f"{time_format(starts, 'TIME_FORMAT')}–{time_format(ends, 'TIME_FORMAT')}"
    if starts.date() != local_date:
        text = f"{date_format(starts.date(), 'MONTH_DAY_FORMAT')} {text}"
    return text


def reader_zone_name(registration):
    """The zone to show beside the program's: the participant's own, else UTC; None if it is the program's."""
    name = registration.time_zone or "UTC"
    return None if name == registration.program.time_zone else name


def _agenda(program, days, reader_zone):
    """The program's days and sessions with times already written out.

    Formatted here rather than in the template because Django's date filters
    would convert the times back to the server's zone. ``reader`` times are in
    the reader's zone (a name, or None to leave them out).
    """
    tz = program.tz
    reader_tz = zoneinfo.ZoneInfo(reader_zone) if reader_zone else dt.UTC
    written = []
    for day in days:
        written.append({
            "date": date_format(day.date, "DATE_FORMAT"),
            "local": _span(day.starts, day.ends, tz, day.date),
            "reader": _span(day.starts, day.ends, reader_tz, day.date),
            "sessions": [
                {
                    "title": session.title,
                    "local": _span(session.starts, session.ends, tz, day.date),
                    "reader": _span(session.starts, session.ends, reader_tz, day.date),
                }
                for session in day.sessions
            ],
        })
    return written


# Kinds that go to someone whose onsite place is (or becomes) confirmed: they carry the check-in code.
_CHECKIN_CODE_KINDS = {"confirmation", "promoted", "approved", "status_changed", "reminder", "link_resent"}


def carries_checkin_code(registration, kind):
    """A confirmed onsite participant's confirmation or reminder shows their check-in code (text and QR)."""
    return (
        kind in _CHECKIN_CODE_KINDS
        and registration.status == Status.CONFIRMED
        and registration.mode == Registration.Mode.ONSITE
        and not registration.is_erased
    )


def checkin_code_image(registration):
    """The QR code as an inline PNG attachment (most mail programs block data: URIs and SVG)."""
    return {
        "filename": "check-in-code.png",
        "content": checkin_codes.png(registration.checkin_code),
        "mimetype": "image/png",
        "content_id": f"checkin-code.{registration.pk}@trainingcenter",
    }


def render(registration, kind):
    """(subject, text, html, attachments) for one e-mail, in the participant's language.

    A participant with a confirmed place gets their calendar events; one who
    had events and lost the place gets their cancellation (see
    ``services.calendars``), whatever the kind of e-mail. A confirmed onsite
    participant's confirmation and reminder show the check-in code, as text
    and as a QR code attached inline (``checkin_code_image``).
    """
    program = registration.program
    with translation.override(registration.language):
        subject_template, paragraphs = _content(registration, kind)
        subject = subject_template % {"title": program.title}
        active = kind not in _INACTIVE_KINDS and registration.is_active
        paragraphs = list(paragraphs)
        if active:
            paragraphs += _status_paragraphs(registration)
        reason = rejection_reason(registration) if kind == "rejected" else ""
        page_url = participant_url(registration)
        join_url = join_link_rules.join_url_for(registration)
        center = current_centre()
        center_name = str(center) if center else _("Training Center")
        reader_zone = reader_zone_name(registration)
        # One agenda for the e-mail body and its calendar file.
        days = program_days(program)
        calendar_file = calendars.participant_calendar_file(
            registration, join_url=join_url, page_url=page_url if active else "", days=days,
            center_name=center_name,
        )
        context = {
            "registration": registration,
            "program": program,
            "program_url": settings.SITE_URL + program.get_absolute_url(),
            "programs_url": settings.SITE_URL + reverse("programs:list"),
            "kind": kind,
            "paragraphs": paragraphs,
            "reason": reason,
            "active": active,
            "agenda": _agenda(program, days, reader_zone) if active else [],
            "time_zone": program.time_zone,
            "reader_zone": reader_zone,
            "page_url": page_url,
            "join_url": join_url,
            "join_link_pending": active and join_link_rules.join_link_pending(registration),
            "calendar": "cancel" if calendar_file and calendar_file.cancelled else "add" if calendar_file else "",
            "center_name": center_name,
        }
        code_image = checkin_code_image(registration) if active and carries_checkin_code(registration, kind) else None
        if code_image:
            context["checkin_code"] = checkin_codes.grouped(registration.checkin_code)
            context["checkin_code_cid"] = code_image["content_id"]
        text = render_to_string("registrations/email/message.txt", context)
        html = render_to_string("registrations/email/message.html", context)
        attachments = []
        if calendar_file:
            attachments.append((f"{program.slug}.ics", calendar_file.ics, "text/calendar"))
        if code_image:
            attachments.append(code_image)
    return subject, text, html, attachments


def queue_now(registration, kind, *, key=""):
    """Render one e-mail, put it in the outbox and send it; with a ``key``, at most once.

    Called by the worker's task outside any transaction, so the mail goes out
    at once over the worker's open SMTP connection (``queue_and_send``).
    """
    subject, text, html, attachments = render(registration, kind)
    return queue_and_send(
        to=registration.email, subject=subject, text=text, html=html, attachments=attachments,
        tag=f"registration:{registration.pk}:{kind}", key=key,
    )


def _send(registration, kind):
    # The key is fixed now, in the transaction of the change, so however often
    # the task runs (a retry, a worker that died) the outbox gets one mail.
    key = f"registration:{registration.pk}:{kind}:{secrets.token_hex(8)}"
    tasks.send_registration_email.enqueue(registration.pk, kind, key=key)


def confirmation(registration):
    """Right after registering: confirmed, waitlisted (with position) or awaiting approval."""
    return _send(registration, "confirmation")


def promoted(registration):
    """A waitlisted person got a seat."""
    return _send(registration, "promoted")


def approved(registration):
    return _send(registration, "approved")


def rejected(registration):
    """Turned down by the organisers; the e-mail carries their reason, read from the history."""
    return _send(registration, "rejected")


def cancelled(registration):
    return _send(registration, "cancelled")


def link_resent(registration):
    return _send(registration, "link_resent")


def status_changed(registration):
    """Moved to the waiting list or to another attendance mode by staff or by themselves."""
    return _send(registration, "status_changed")


def reminder(registration):
    """A configurable time before the program starts (see ``reminders``)."""
    return _send(registration, "reminder")


def join_link_ready(registration):
    """The personal join link (Zoom) arrived after the confirmation went out."""
    return _send(registration, "join_link")
