""""I lost my link": e-mail a person the links to all their active registrations.

Public interface::

    request_links(email)                    the page: queue the work, whatever the address
    send_links(email, *, key="")            the task: one mail listing every active registration,
                                            or nothing for an address without one

Why the page only queues a task
-------------------------------
The page must not tell whether an address is known, neither by its words nor
by how long it takes. Looking the address up, rendering the list and writing
the mail cost time only when there is something to send, so done during the
request a known address would answer measurably slower than an unknown one.
The request therefore does the same fixed work for every address (one task
row written, whose key is drawn now) and the worker does the rest later,
where nobody is timing it.

An address without an active registration gets no mail at all: a mail
saying "we have nothing for you" would let anyone make the centre write to
any address; the page says that a mail comes only if there is something to
send. Rate limits (per client address and per e-mail address) are counted by
the page before this is called (``core.ratelimit.check_lost_link``), the same
for known and unknown addresses.

The mail is written in the language the person chose for their latest
registration (the links open the pages in that language too), and lists
programs still to come first, soonest first, then past ones.
"""
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trainingcenter.center.models import Center
from trainingcenter.mailer.services import queue_mail

from .. import tasks, validation
from ..models import Registration

TAG = "lost-links"


def request_links(email):
    """Queue the e-mail of an address's registration links; the same work whether the address is known or not.

    ``email`` must be a valid address (the form checked it); it is compared
    in lower case, as registrations store it. The mail's idempotency key is
    drawn here, so a task that runs twice still queues one mail.
    """
    try:
        email = validation.clean_email(email)
    except ValidationError:
        return
    tasks.send_lost_links.enqueue(email, key=f"{TAG}:{secrets.token_hex(8)}")


def _ordered(registrations, now):
    """Programs still to come (or under way) first, soonest first; then past ones, latest first."""
    coming = sorted((r for r in registrations if r.program.ends >= now), key=lambda r: (r.program.starts, r.pk))
    past = sorted((r for r in registrations if r.program.ends < now), key=lambda r: (r.program.starts, r.pk),
                  reverse=True)
    return coming + past


def _dates(program):
    """The program's dates in its own zone: one date for a one-day program, else first – last."""
    first = timezone.localtime(program.starts, program.tz).date()
    last = timezone.localtime(program.ends, program.tz).date()
    if first == last:
        return date_format(first, "DATE_FORMAT")
    return f"{date_format(first, 'DATE_FORMAT')} – {date_format(last, 'DATE_FORMAT')}"


def _entries(registrations):
    entries = []
    for registration in registrations:
        program = registration.program
        entries.append({
            "title": program.title,
            "dates": _dates(program),
            "status": registration.get_status_display(),
            "mode": registration.get_mode_display(),
            "name": registration.full_name,
            "url": settings.SITE_URL + reverse("registrations:participant", kwargs={"token": registration.token}),
        })
    return entries


def send_links(email, *, key="", now=None):
    """Render and queue the mail listing every active registration of ``email``; None when there is none.

    Called by the ``send_lost_links`` task. Each registration appears with its
    program, dates, status and the link to its own page.
    """
    now = now or timezone.now()
    registrations = list(Registration.objects.active().filter(email=email).select_related("program"))
    if not registrations:
        return None
    latest = max(registrations, key=lambda r: (r.created_at, r.pk))
    language = latest.language or settings.LANGUAGE_CODE
    with translation.override(language):
        entries = _entries(_ordered(registrations, now))
        center = Center.current()
        context = {
            "language": language,
            "name": latest.given_name,
            "entries": entries,
            "programs_url": settings.SITE_URL + reverse("programs:list"),
            "lost_link_url": settings.SITE_URL + reverse("registrations:lost_link"),
            "center_name": str(center) if center else _("Training Center"),
        }
        subject = ngettext(
            "The link to your registration", "The links to your %(count)d registrations", len(entries),
        ) % {"count": len(entries)}
        text = render_to_string("registrations/email/lost_links.txt", context)
        html = render_to_string("registrations/email/lost_links.html", context)
    return queue_mail(to=email, subject=subject, text=text, html=html, tag=TAG, key=key)
